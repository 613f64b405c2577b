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
  const first = channels[0];
  if (!first || first.length === 0) return new Float32Array(0);
  const mono = new Float32Array(first.length);
  for (const channel of channels) {
    for (let i = 0; i < mono.length; i++)
      mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) / channels.length;
  }
  if (sampleRate === SAMPLE_RATE) return mono;
  const ratio = sampleRate / SAMPLE_RATE;
  const source = ratio > 1 ? boxLowPass(mono, Math.floor(ratio)) : mono;
  const out = new Float32Array(Math.floor(mono.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const position = i * ratio;
    const left = Math.floor(position);
    const frac = position - left;
    const a = source[left] ?? 0;
    const b = source[left + 1] ?? a;
    out[i] = a + (b - a) * frac;
  }
  return out;
}

/** Moving average over `width` samples: cuts what would alias when decimating by ~width. */
function boxLowPass(input: Float32Array, width: number): Float32Array {
  if (width <= 1) return input;
  const out = new Float32Array(input.length);
  let sum = 0;
  for (let i = 0; i < input.length; i++) {
    sum += input[i] ?? 0;
    if (i >= width) sum -= input[i - width] ?? 0;
    out[i] = sum / Math.min(i + 1, width);
  }
  return out;
}
