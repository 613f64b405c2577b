/**
 * Audio of a stored attempt shaped for the review: the precomputed waveform (peaks and exact
 * duration, so wavesurfer.js draws at once and never decodes), and a playable WAV assembled from
 * the stored chunks in bounded batches, which may arrive later.
 */
import { floatToInt16, wavHeader } from '../audio/wav';
import type { Seconds } from '../../core/units';
import { seconds } from '../../core/units';
import { forEachRawBatch } from './raw-batches';
import type { AudioChunkRecord, PitchpaceDatabase } from './schema';
import { loadWaveform } from './waveform-peaks';

export { PEAKS_PER_SECOND } from './waveform-peaks';

/** What the review draws before any audio is playable. */
export interface ReviewWaveformData {
  peaks: Float32Array;
  duration: Seconds;
  sampleRate: number;
}

/** The review's audio: the waveform now, the playable WAV when it is ready. */
export interface ReviewAudio extends ReviewWaveformData {
  /** Settles after the waveform is shown: an hour of audio takes seconds to assemble. */
  playable: Promise<Blob>;
}

/** A WAV assembled from the raw track. */
export interface BuiltWav {
  wav: Blob;
  sampleRate: number;
}

/**
 * Assembles a 16-bit WAV from raw chunks. Each batch becomes its own blob as soon as it is
 * converted, so the browser can keep the bytes out of the page's memory (or on disk).
 */
class WavAssembler {
  private readonly batches: Blob[] = [];
  private frames = 0;
  private sampleRate = 0;

  add(chunks: readonly AudioChunkRecord[]): void {
    const ints = chunks.map((chunk) => floatToInt16(chunk.samples));
    this.frames += ints.reduce((n, part) => n + part.length, 0);
    this.sampleRate = chunks[0]?.sampleRate ?? this.sampleRate;
    this.batches.push(new Blob(ints));
  }

  result(): BuiltWav | undefined {
    if (this.sampleRate === 0) return undefined;
    const header = wavHeader(this.frames, this.sampleRate);
    return {
      wav: new Blob([header, ...this.batches], { type: 'audio/wav' }),
      sampleRate: this.sampleRate,
    };
  }
}

/**
 * The precomputed waveform of an attempt. Older attempts have none: it is computed from the
 * audio and stored once, and the WAV is assembled in the same read (`wav`).
 */
export async function loadReviewWaveform(
  db: PitchpaceDatabase,
  attemptId: string,
): Promise<{ waveform: ReviewWaveformData; wav: BuiltWav | undefined } | undefined> {
  let assembler: WavAssembler | undefined;
  const stored = await loadWaveform(db, attemptId, (chunks) => {
    assembler ??= new WavAssembler();
    assembler.add(chunks);
  });
  if (!stored || stored.frames === 0) return undefined;
  const waveform = {
    peaks: stored.peaks,
    duration: seconds(stored.frames / stored.sampleRate),
    sampleRate: stored.sampleRate,
  };
  return { waveform, wav: assembler?.result() };
}

/** The raw track as a 16-bit WAV blob, read in bounded batches. */
export async function wavBlobFromStorage(
  db: PitchpaceDatabase,
  attemptId: string,
): Promise<BuiltWav | undefined> {
  const assembler = new WavAssembler();
  await forEachRawBatch(db, attemptId, (chunks) => assembler.add(chunks));
  return assembler.result();
}
