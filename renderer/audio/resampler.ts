/**
 * Streaming sample-rate converter (windowed sinc, Blackman window). Whisper needs 16 kHz mono;
 * microphones run at 44.1 or 48 kHz. Audio arrives in chunks while recording, so the converter
 * keeps the filter's history between calls: its output does not depend on how input is chunked.
 */

/** Half-width of the kernel, in samples at the lower of the two rates. */
const DEFAULT_HALF_TAPS = 24;
/** The kernel's fractional offset is quantised to 1/PHASES of an input sample (then cached). */
const PHASES = 1024;

export class StreamingResampler {
  /** Output samples per input sample. */
  readonly ratio: number;
  /** Low-pass cut-off as a fraction of the input rate: just below the lower Nyquist frequency. */
  private readonly cutoff: number;
  /** Kernel half-width in input samples. */
  private readonly halfWidth: number;
  private readonly kernels = new Map<number, Float32Array>();
  /** Input still needed by future outputs. pending[0] is input sample `pendingStart`. */
  private pending: Float32Array;
  private pendingStart: number;
  private inputTotal = 0;
  private produced = 0;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
    halfTaps = DEFAULT_HALF_TAPS,
  ) {
    if (!(inputRate > 0 && outputRate > 0)) throw new RangeError('Sample rates must be positive');
    this.ratio = outputRate / inputRate;
    this.cutoff = Math.min(1, this.ratio) * 0.47;
    this.halfWidth = Math.ceil(halfTaps / Math.min(1, this.ratio));
    // The signal is taken as silent before its first sample.
    this.pending = new Float32Array(this.halfWidth);
    this.pendingStart = -this.halfWidth;
  }

  /** Feeds input samples; returns the output samples that are now fully determined. */
  process(input: Float32Array): Float32Array {
    this.append(input);
    this.inputTotal += input.length;
    return this.drain(this.inputTotal - 1, Number.POSITIVE_INFINITY);
  }

  /** Returns the remaining output, taking the signal as silent after its last sample. */
  flush(): Float32Array {
    this.append(new Float32Array(this.halfWidth));
    return this.drain(
      this.inputTotal - 1 + this.halfWidth,
      Math.round(this.inputTotal * this.ratio),
    );
  }

  private append(input: Float32Array): void {
    const joined = new Float32Array(this.pending.length + input.length);
    joined.set(this.pending);
    joined.set(input, this.pending.length);
    this.pending = joined;
  }

  /** Computes outputs whose kernel lies within input `..lastAvailable`, up to `limit` in total. */
  private drain(lastAvailable: number, limit: number): Float32Array {
    const out: number[] = [];
    while (this.produced < limit) {
      const centre = this.produced / this.ratio;
      const base = Math.floor(centre);
      if (base + this.halfWidth > lastAvailable) break;
      const phase = Math.round((centre - base) * PHASES);
      const kernel = this.kernelFor(phase);
      // kernel[i] weighs input sample base - halfWidth + 1 + i (or one further when the phase
      // rounded up to a whole sample).
      const first = base - this.halfWidth + 1 + (phase === PHASES ? 1 : 0) - this.pendingStart;
      let acc = 0;
      for (let i = 0; i < kernel.length; i++)
        acc += (kernel[i] ?? 0) * (this.pending[first + i] ?? 0);
      out.push(acc);
      this.produced++;
    }
    this.discardConsumed();
    return Float32Array.from(out);
  }

  /** Normalised kernel for a fractional offset of phase/PHASES input samples. */
  private kernelFor(phase: number): Float32Array {
    const key = phase === PHASES ? 0 : phase;
    const cached = this.kernels.get(key);
    if (cached) return cached;
    const frac = key / PHASES;
    const taps = new Float32Array(2 * this.halfWidth);
    let sum = 0;
    for (let i = 0; i < taps.length; i++) {
      const distance = frac + this.halfWidth - 1 - i; // centre minus tap position
      const x = distance / this.halfWidth;
      const arg = 2 * this.cutoff * distance;
      const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      const window =
        Math.abs(x) >= 1
          ? 0
          : 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
      taps[i] = sinc * window;
      sum += sinc * window;
    }
    // Unity gain at DC.
    for (let i = 0; i < taps.length; i++) taps[i] = (taps[i] ?? 0) / sum;
    this.kernels.set(key, taps);
    return taps;
  }

  /** Drops input that no future output needs. */
  private discardConsumed(): void {
    const nextFirst = Math.floor(this.produced / this.ratio) - this.halfWidth + 1;
    const drop = Math.min(this.pending.length, nextFirst - this.pendingStart);
    if (drop > 0) {
      this.pending = this.pending.slice(drop);
      this.pendingStart += drop;
    }
  }
}

/** Resamples a whole signal at once. */
export function resample(input: Float32Array, inputRate: number, outputRate: number): Float32Array {
  const resampler = new StreamingResampler(inputRate, outputRate);
  const head = resampler.process(input);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}
