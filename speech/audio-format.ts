/** The one audio format speech/ works in: 16 kHz mono float PCM in [-1, 1] (what Whisper and Silero take). */
export const SAMPLE_RATE = 16000;

/** Seconds of `n` samples at 16 kHz. */
export const samplesToSeconds = (n: number): number => n / SAMPLE_RATE;
/** Whole samples in `seconds` at 16 kHz. */
export const secondsToSamples = (seconds: number): number => Math.round(seconds * SAMPLE_RATE);

/**
 * Mixes channels down to mono and resamples to 16 kHz (linear interpolation after a box
 * low-pass when shrinking — enough for speech recognition, and the same in every host).
 */
export function toMono16k(channels: readonly Float32Array[], sampleRate: number): Float32Array {
  const resampler = new Mono16kResampler(sampleRate);
  const head = resampler.push(channels);
  const tail = resampler.finish();
  return tail.length === 0 ? head : concatSamples([head, tail]);
}

/** Joins PCM blocks into one array (returns the only block itself when there is just one). */
export function concatSamples(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * {@link toMono16k} a chunk at a time, for audio decoded as it is read: the chunks' outputs,
 * joined, are exactly `toMono16k` of the joined input (the same arithmetic, with the low-pass's
 * running sum and the interpolation's source samples carried from chunk to chunk).
 */
export class Mono16kResampler {
  private readonly ratio: number;
  /** Box low-pass width (1: none — not shrinking). */
  private readonly width: number;
  private sum = 0;
  /** Mono samples seen so far. */
  private received = 0;
  /** The last `width` mono samples (what leaves the moving sum next). */
  private history: Float32Array;
  /** Filtered samples not yet interpolated from, the first at index `sourceStart`. */
  private source = new Float32Array(0);
  private sourceStart = 0;
  /** Output samples given so far. */
  private produced = 0;

  constructor(private readonly sampleRate: number) {
    this.ratio = sampleRate / SAMPLE_RATE;
    this.width = this.ratio > 1 ? Math.max(1, Math.floor(this.ratio)) : 1;
    this.history = new Float32Array(this.width);
  }

  /** The 16 kHz samples this chunk completes (channels of equal length, as decoders give). */
  push(channels: readonly Float32Array[]): Float32Array {
    const first = channels[0];
    if (!first || first.length === 0) return new Float32Array(0);
    const mono = new Float32Array(first.length);
    for (const channel of channels) {
      for (let i = 0; i < mono.length; i++)
        mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) / channels.length;
    }
    if (this.sampleRate === SAMPLE_RATE) {
      this.received += mono.length;
      return mono;
    }
    const filtered = this.lowPass(mono);
    const joined = new Float32Array(this.source.length + filtered.length);
    joined.set(this.source);
    joined.set(filtered, this.source.length);
    this.source = joined;
    // output i exists once the input so far holds i + 1 output periods (toMono16k gives
    // floor(n / ratio) samples); more input may follow, so it also waits for its right sample
    return this.interpolate(Math.floor(this.received / this.ratio), false);
  }

  /** The last samples, once the input has ended. */
  finish(): Float32Array {
    if (this.sampleRate === SAMPLE_RATE) return new Float32Array(0);
    return this.interpolate(Math.floor(this.received / this.ratio), true);
  }

  private lowPass(mono: Float32Array): Float32Array {
    const width = this.width;
    const start = this.received;
    this.received += mono.length;
    if (width <= 1) return mono;
    const out = new Float32Array(mono.length);
    for (let k = 0; k < mono.length; k++) {
      const i = start + k;
      const value = mono[k] ?? 0;
      this.sum += value;
      if (i >= width) this.sum -= this.history[i % width] ?? 0;
      this.history[i % width] = value;
      out[k] = this.sum / Math.min(i + 1, width);
    }
    return out;
  }

  /**
   * Outputs from `produced` up to `limit` (exclusive); before the input has `ended`, only those
   * whose right source sample has arrived (at the end, the last one repeats its left, as
   * `toMono16k` does).
   */
  private interpolate(limit: number, ended: boolean): Float32Array {
    const out = new Float32Array(Math.max(0, limit - this.produced));
    let count = 0;
    for (let i = this.produced; i < limit; i++, count++) {
      const position = i * this.ratio;
      const left = Math.floor(position);
      const hasRight = left + 1 < this.received;
      if (!hasRight && !ended) break;
      const frac = position - left;
      const a = this.source[left - this.sourceStart] ?? 0;
      const b = hasRight ? (this.source[left + 1 - this.sourceStart] ?? a) : a;
      out[count] = a + (b - a) * frac;
    }
    this.produced += count;
    // keep what the next output interpolates from
    const next = Math.floor(this.produced * this.ratio);
    if (next > this.sourceStart) {
      this.source = this.source.subarray(Math.min(next - this.sourceStart, this.source.length));
      this.sourceStart = next;
    }
    return out.subarray(0, count);
  }
}
