/** The open window's audio: appended in chunks, taken from the front up to a cut. */
export class SampleBuffer {
  private chunks: Float32Array[] = [];
  /** Absolute index (since the recording began) of the first sample held. */
  private firstIndex = 0;
  private held = 0;

  append(samples: Float32Array): void {
    if (samples.length === 0) return;
    this.chunks.push(samples.slice()); // copy: callers may reuse their buffers (AudioWorklet does)
    this.held += samples.length;
  }

  /** Absolute index one past the last sample held. */
  get endIndex(): number {
    return this.firstIndex + this.held;
  }

  /** Removes and returns samples from the front up to absolute index `end` (exclusive). */
  takeUntil(end: number): Float32Array {
    const count = Math.max(0, Math.min(end, this.endIndex) - this.firstIndex);
    const out = new Float32Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.chunks[0];
      if (!chunk) break;
      const part = Math.min(chunk.length, count - filled);
      out.set(chunk.subarray(0, part), filled);
      filled += part;
      if (part === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part);
    }
    this.firstIndex += count;
    this.held -= count;
    return out;
  }
}
