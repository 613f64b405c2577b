/** Download speed and time left, from byte counts sampled over a sliding window. */

interface Sample {
  at: number;
  bytes: number;
}

export class TransferRateMeter {
  private readonly samples: Sample[] = [];

  constructor(
    /** How far back the speed looks: long enough to smooth bursts, short enough to follow. */
    private readonly windowMs = 3000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records the byte count transferred so far (monotonic within one transfer). */
  record(bytes: number): void {
    const at = this.now();
    this.samples.push({ at, bytes });
    // Keep one sample older than the window so the span always covers the whole window.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) {
      this.samples.shift();
    }
  }

  /** Forgets the history (after a reconnect the old timing says nothing about the new one). */
  reset(): void {
    this.samples.length = 0;
  }

  /** Bytes per second over the window; 0 until two samples span some time. */
  bytesPerSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  /** Seconds until `remainingBytes` arrive at the current speed; null when unknown. */
  secondsLeft(remainingBytes: number | null): number | null {
    const speed = this.bytesPerSecond();
    if (remainingBytes === null || speed <= 0) return null;
    return Math.max(0, remainingBytes) / speed;
  }
}
