/**
 * Waveform peaks: the largest absolute sample per fixed-size bucket. Handing wavesurfer.js
 * precomputed peaks and the duration spares it decoding the whole recording again.
 */
export class PeakAccumulator {
  private readonly peaks: number[] = [];
  private current = 0;
  private filled = 0;

  /** @param bucketSize input samples per peak (e.g. sampleRate / 100 for 100 peaks a second) */
  constructor(readonly bucketSize: number) {
    if (!(bucketSize >= 1)) throw new RangeError('bucketSize must be at least 1');
  }

  add(samples: Float32Array): void {
    for (const s of samples) {
      const magnitude = Math.abs(s);
      if (magnitude > this.current) this.current = magnitude;
      if (++this.filled === this.bucketSize) {
        this.peaks.push(this.current);
        this.current = 0;
        this.filled = 0;
      }
    }
  }

  /** Peaks so far, including a partly filled last bucket. */
  result(): Float32Array {
    return Float32Array.from(this.filled > 0 ? [...this.peaks, this.current] : this.peaks);
  }
}
