/**
 * Precomputed review waveforms. While recording, each stored raw chunk gets its peaks in
 * `peakChunks` (same transaction, so a crash keeps them); when the recording ends or is recovered
 * they are folded into one `waveforms` row, which the review reads in a single get instead of
 * reading back and scanning the whole recording. Attempts stored before peaks existed get theirs
 * computed from the audio once, on first use.
 */
import { chunkPeaks, mergeChunkPeaks, peakCount } from '../audio/peaks';
import { forEachRawBatch } from './raw-batches';
import type {
  AudioChunkRecord,
  PeakChunkRecord,
  PitchpaceDatabase,
  WaveformRecord,
} from './schema';

/** Also receives the audio when a waveform has to be computed from it (one read serves both). */
export type RawAudioVisitor = (chunks: readonly AudioChunkRecord[]) => void;

/** Peaks per second of audio in the review waveform. */
export const PEAKS_PER_SECOND = 100;

/** Raw samples per peak at `sampleRate`. */
export function peakBucketSize(sampleRate: number): number {
  return Math.max(1, Math.round(sampleRate / PEAKS_PER_SECOND));
}

/** The peaks row of one raw chunk that starts at sample `startFrame` of its track. */
export function peakChunkRecord(
  attemptId: string,
  seq: number,
  samples: Float32Array,
  startFrame: number,
  sampleRate: number,
): PeakChunkRecord {
  const bucketSize = peakBucketSize(sampleRate);
  const { firstBucket, peaks } = chunkPeaks(samples, startFrame, bucketSize);
  return { attemptId, seq, bucketSize, startFrame, frames: samples.length, firstBucket, peaks };
}

const rawRange = (attemptId: string) =>
  [
    [attemptId, 'raw', 0],
    [attemptId, 'raw', Number.MAX_SAFE_INTEGER],
  ] as const;

const journalRange = (attemptId: string) =>
  [
    [attemptId, 0],
    [attemptId, Number.MAX_SAFE_INTEGER],
  ] as const;

/**
 * Folds the chunk peaks of an attempt into its waveform when they cover all `rawChunks` stored
 * raw chunks back to back (the writer numbers them from 0); undefined when any is missing (older
 * attempts, or storage that lost a row).
 */
async function waveformFromChunkPeaks(
  db: PitchpaceDatabase,
  attemptId: string,
  rawChunks: number,
  sampleRate: number,
): Promise<WaveformRecord | undefined> {
  const rows = await db.peakChunks
    .where('[attemptId+seq]')
    .between(...journalRange(attemptId))
    .toArray();
  const bucketSize = peakBucketSize(sampleRate);
  if (rows.length !== rawChunks) return undefined;
  let frames = 0;
  for (const [i, row] of rows.entries()) {
    const contiguous = row.seq === i && row.startFrame === frames;
    if (!contiguous || row.bucketSize !== bucketSize) return undefined;
    frames += row.frames;
  }
  const peaks = new Float32Array(peakCount(frames, bucketSize));
  for (const row of rows) mergeChunkPeaks(peaks, row);
  return { attemptId, sampleRate, bucketSize, frames, peaks };
}

/** Computes the waveform by reading the raw track back, a batch of chunks at a time. */
async function waveformFromAudio(
  db: PitchpaceDatabase,
  attemptId: string,
  sampleRate: number,
  onAudio: RawAudioVisitor | undefined,
): Promise<WaveformRecord> {
  const bucketSize = peakBucketSize(sampleRate);
  const pieces: ReturnType<typeof chunkPeaks>[] = [];
  let frames = 0;
  await forEachRawBatch(db, attemptId, (chunks) => {
    for (const chunk of chunks) {
      pieces.push(chunkPeaks(chunk.samples, frames, bucketSize));
      frames += chunk.samples.length;
    }
    onAudio?.(chunks);
  });
  const peaks = new Float32Array(peakCount(frames, bucketSize));
  for (const piece of pieces) mergeChunkPeaks(peaks, piece);
  return { attemptId, sampleRate, bucketSize, frames, peaks };
}

/**
 * Builds and stores an attempt's waveform from its chunk peaks (or, lacking them, from its
 * audio, which `onAudio` then sees too) and drops the chunk peaks. Undefined when the attempt
 * has no raw audio.
 */
export async function finishWaveform(
  db: PitchpaceDatabase,
  attemptId: string,
  onAudio?: RawAudioVisitor,
): Promise<WaveformRecord | undefined> {
  const raw = db.audioChunks.where('[attemptId+track+seq]').between(...rawRange(attemptId));
  const first = await raw.clone().first();
  if (!first) return undefined;
  const waveform =
    (await waveformFromChunkPeaks(db, attemptId, await raw.count(), first.sampleRate)) ??
    (await waveformFromAudio(db, attemptId, first.sampleRate, onAudio));
  await db.transaction('rw', [db.waveforms, db.peakChunks], async () => {
    await db.waveforms.put(waveform);
    await deleteChunkPeaks(db, attemptId);
  });
  return waveform;
}

/** Drops an attempt's chunk peaks (one key-range delete, however many there are). */
export async function deleteChunkPeaks(db: PitchpaceDatabase, attemptId: string): Promise<void> {
  await db.peakChunks
    .where('[attemptId+seq]')
    .between(...journalRange(attemptId))
    .delete();
}

/** An attempt's stored waveform, built (and stored) first if it has none yet. */
export async function loadWaveform(
  db: PitchpaceDatabase,
  attemptId: string,
  onAudio?: RawAudioVisitor,
): Promise<WaveformRecord | undefined> {
  return (await db.waveforms.get(attemptId)) ?? finishWaveform(db, attemptId, onAudio);
}
