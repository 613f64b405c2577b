/**
 * Audio of a stored attempt shaped for the review: the precomputed waveform (peaks and exact
 * duration, so wavesurfer.js draws at once and never decodes), and a playable WAV assembled from
 * the stored chunks in bounded batches, which may arrive later.
 */
import { floatToInt16, wavHeader } from '../audio/wav';
import type { Seconds } from '../../core/units';
import { seconds } from '../../core/units';
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

/** The precomputed waveform of an attempt (computed and stored once for older attempts). */
export async function loadReviewWaveform(
  db: PitchpaceDatabase,
  attemptId: string,
): Promise<ReviewWaveformData | undefined> {
  const waveform = await loadWaveform(db, attemptId);
  if (!waveform || waveform.frames === 0) return undefined;
  return {
    peaks: waveform.peaks,
    duration: seconds(waveform.frames / waveform.sampleRate),
    sampleRate: waveform.sampleRate,
  };
}

/** Raw chunks read at a time: tens of seconds of audio, never the whole hour. */
const CHUNKS_PER_BATCH = 32;

/**
 * Visits the raw track in order, a batch of chunks at a time, waiting for each visit (e.g. a
 * file write) before reading on, so memory stays bounded however long the recording is.
 */
export async function forEachRawBatch(
  db: PitchpaceDatabase,
  attemptId: string,
  visit: (chunks: readonly AudioChunkRecord[]) => Promise<void> | void,
): Promise<void> {
  for (let from = 0; ;) {
    const batch = await db.audioChunks
      .where('[attemptId+track+seq]')
      .between([attemptId, 'raw', from], [attemptId, 'raw', Number.MAX_SAFE_INTEGER])
      .limit(CHUNKS_PER_BATCH)
      .toArray();
    const last = batch[batch.length - 1];
    if (!last) return;
    await visit(batch);
    from = last.seq + 1;
  }
}

/**
 * The raw track as a 16-bit WAV blob. Each batch becomes its own blob as soon as it is
 * converted, so the browser can keep the bytes out of the page's memory (or on disk).
 */
export async function wavBlobFromStorage(
  db: PitchpaceDatabase,
  attemptId: string,
): Promise<Blob | undefined> {
  const batches: Blob[] = [];
  let frames = 0;
  let sampleRate = 0;
  await forEachRawBatch(db, attemptId, (chunks) => {
    const ints = chunks.map((chunk) => floatToInt16(chunk.samples));
    frames += ints.reduce((n, part) => n + part.length, 0);
    sampleRate = chunks[0]?.sampleRate ?? sampleRate;
    batches.push(new Blob(ints));
  });
  if (sampleRate === 0) return undefined;
  return new Blob([wavHeader(frames, sampleRate), ...batches], { type: 'audio/wav' });
}
