/**
 * Waveform peaks: the largest absolute sample per fixed-size bucket. Handing wavesurfer.js
 * precomputed peaks and the duration spares it decoding the whole recording again.
 *
 * Buckets are fixed on the whole track's sample index (bucket `b` covers samples
 * `b·size … (b+1)·size − 1`), not on the pieces the audio arrives in, so peaks computed piece by
 * piece while recording and merged later equal the peaks of the whole recording.
 */

/** Peaks of one piece of a track, placed on the track's global buckets. */
export interface ChunkPeaks {
  /** Index of the bucket holding the piece's first sample. */
  firstBucket: number;
  /** One peak per bucket the piece touches; the first and last may cover it only in part. */
  peaks: Float32Array;
}

function checkBucketSize(bucketSize: number): void {
  if (!(bucketSize >= 1) || !Number.isInteger(bucketSize)) {
    throw new RangeError('bucketSize must be a whole number of at least 1');
  }
}

/** Number of peaks for `frames` samples (the last bucket may be partly filled). */
export function peakCount(frames: number, bucketSize: number): number {
  checkBucketSize(bucketSize);
  return Math.ceil(frames / bucketSize);
}

/** Peaks of `samples`, which start at sample `startFrame` of their track. */
export function chunkPeaks(
  samples: Float32Array,
  startFrame: number,
  bucketSize: number,
): ChunkPeaks {
  checkBucketSize(bucketSize);
  const firstBucket = Math.floor(startFrame / bucketSize);
  if (samples.length === 0) return { firstBucket, peaks: new Float32Array(0) };
  const lastBucket = Math.floor((startFrame + samples.length - 1) / bucketSize);
  const peaks = new Float32Array(lastBucket - firstBucket + 1);
  // Samples left in the first (maybe partial) bucket, then whole buckets.
  let bucketEnd = (firstBucket + 1) * bucketSize - startFrame;
  let bucket = 0;
  let max = 0;
  for (let i = 0; i < samples.length; i++) {
    if (i === bucketEnd) {
      peaks[bucket++] = max;
      max = 0;
      bucketEnd += bucketSize;
    }
    const magnitude = Math.abs(samples[i] ?? 0);
    if (magnitude > max) max = magnitude;
  }
  peaks[bucket] = max;
  return { firstBucket, peaks };
}

/**
 * Folds one piece's peaks into the peaks of the whole track (`into`, one entry per bucket, zero
 * to start with). Buckets shared by neighbouring pieces keep the larger peak; anything past the
 * end of `into` is dropped.
 */
export function mergeChunkPeaks(into: Float32Array, piece: ChunkPeaks): void {
  const { firstBucket, peaks } = piece;
  const end = Math.min(peaks.length, into.length - firstBucket);
  for (let i = Math.max(0, -firstBucket); i < end; i++) {
    const value = peaks[i] ?? 0;
    if (value > (into[firstBucket + i] ?? 0)) into[firstBucket + i] = value;
  }
}

/** Peaks over a stream of pieces, for callers that read a whole track in order. */
export class PeakAccumulator {
  private readonly parts: ChunkPeaks[] = [];
  private frames = 0;

  /** @param bucketSize input samples per peak (e.g. sampleRate / 100 for 100 peaks a second) */
  constructor(readonly bucketSize: number) {
    checkBucketSize(bucketSize);
  }

  add(samples: Float32Array): void {
    this.parts.push(chunkPeaks(samples, this.frames, this.bucketSize));
    this.frames += samples.length;
  }

  /** Samples seen so far. */
  get frameCount(): number {
    return this.frames;
  }

  /** Peaks so far, including a partly filled last bucket. */
  result(): Float32Array {
    const out = new Float32Array(peakCount(this.frames, this.bucketSize));
    for (const part of this.parts) mergeChunkPeaks(out, part);
    return out;
  }
}
