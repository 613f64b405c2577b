import { describe, expect, it } from 'vitest';
import { PeakAccumulator, chunkPeaks, mergeChunkPeaks, peakCount } from './peaks';

/** Reference: the largest magnitude per bucket, straight over the whole signal. */
function wholePeaks(samples: Float32Array, bucketSize: number): number[] {
  const out: number[] = [];
  for (let from = 0; from < samples.length; from += bucketSize) {
    let max = 0;
    for (const s of samples.subarray(from, from + bucketSize)) max = Math.max(max, Math.abs(s));
    out.push(max);
  }
  return out;
}

/** Deterministic pseudo-random signal in [-1, 1). */
function noise(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out[i] = (state / 0x7fffffff) * 2 - 1;
  }
  return out;
}

/** Cuts `samples` into pieces of the given lengths (cycled) and merges their peaks. */
function piecewisePeaks(samples: Float32Array, bucketSize: number, lengths: number[]): number[] {
  const out = new Float32Array(peakCount(samples.length, bucketSize));
  let at = 0;
  for (let k = 0; at < samples.length; k++) {
    const length = lengths[k % lengths.length] ?? 1;
    mergeChunkPeaks(out, chunkPeaks(samples.subarray(at, at + length), at, bucketSize));
    at += length;
  }
  return Array.from(out);
}

describe('waveform peaks per chunk', () => {
  const signal = noise(10_007, 7);

  it.each([
    { bucketSize: 160, lengths: [8000] },
    { bucketSize: 160, lengths: [4410, 1, 159, 161, 7000] },
    { bucketSize: 480, lengths: [24_000, 23_999, 3] },
    { bucketSize: 1, lengths: [3, 5] },
    { bucketSize: 7, lengths: [10_007] },
  ])('per-chunk peaks equal the whole signal’s (bucket $bucketSize)', ({ bucketSize, lengths }) => {
    expect(piecewisePeaks(signal, bucketSize, lengths)).toEqual(wholePeaks(signal, bucketSize));
  });

  it('gives the same result whatever order the chunks are merged in', () => {
    const pieces = [0, 3000, 6500].map((at, i, all) =>
      chunkPeaks(signal.subarray(at, all[i + 1] ?? signal.length), at, 100),
    );
    const forward = new Float32Array(peakCount(signal.length, 100));
    const backward = new Float32Array(forward.length);
    for (const piece of pieces) mergeChunkPeaks(forward, piece);
    for (const piece of [...pieces].reverse()) mergeChunkPeaks(backward, piece);
    expect(backward).toEqual(forward);
  });

  it('places a chunk on its global buckets, partial ones at both ends', () => {
    const piece = chunkPeaks(Float32Array.from([0.1, -0.5, 0.2, 0.3, 0, -0.9]), 3, 4);
    expect(piece.firstBucket).toBe(0);
    expect(Array.from(piece.peaks).map((v) => +v.toFixed(2))).toEqual([0.1, 0.5, 0.9]);
  });

  it('drops peaks past the end of the track and handles empty chunks', () => {
    const into = new Float32Array(2);
    mergeChunkPeaks(into, { firstBucket: 1, peaks: Float32Array.from([0.5, 0.7]) });
    expect(Array.from(into)).toEqual([0, 0.5]);
    expect(chunkPeaks(new Float32Array(0), 50, 10)).toEqual({
      firstBucket: 5,
      peaks: new Float32Array(0),
    });
  });

  it('accumulates a stream of chunks like the whole signal', () => {
    const peaks = new PeakAccumulator(160);
    for (let at = 0; at < signal.length; at += 999) peaks.add(signal.subarray(at, at + 999));
    expect(peaks.frameCount).toBe(signal.length);
    expect(Array.from(peaks.result())).toEqual(wholePeaks(signal, 160));
  });

  it('rejects bucket sizes that are not whole positive numbers', () => {
    expect(() => chunkPeaks(signal, 0, 0)).toThrow(RangeError);
    expect(() => new PeakAccumulator(2.5)).toThrow(RangeError);
  });
});
