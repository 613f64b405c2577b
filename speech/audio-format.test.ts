import { describe, expect, it } from 'vitest';
import { concatSamples, Mono16kResampler, toMono16k } from './audio-format';

/** Deterministic pseudo-random audio in [-1, 1]. */
function noise(length: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 30 - 1) * 0.8;
  });
}

/** toMono16k as it was written before the resampler (whole arrays only), to compare against. */
function referenceToMono16k(channels: readonly Float32Array[], sampleRate: number): Float32Array {
  const first = channels[0];
  if (!first || first.length === 0) return new Float32Array(0);
  const mono = new Float32Array(first.length);
  for (const channel of channels)
    for (let i = 0; i < mono.length; i++)
      mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) / channels.length;
  if (sampleRate === 16000) return mono;
  const ratio = sampleRate / 16000;
  const width = Math.floor(ratio);
  let source = mono;
  if (ratio > 1 && width > 1) {
    source = new Float32Array(mono.length);
    let sum = 0;
    for (let i = 0; i < mono.length; i++) {
      sum += mono[i] ?? 0;
      if (i >= width) sum -= mono[i - width] ?? 0;
      source[i] = sum / Math.min(i + 1, width);
    }
  }
  const out = new Float32Array(Math.floor(mono.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const position = i * ratio;
    const left = Math.floor(position);
    const a = source[left] ?? 0;
    const b = source[left + 1] ?? a;
    out[i] = a + (b - a) * (position - left);
  }
  return out;
}

/** The resampler fed `sizes`-long chunks (cycled), outputs joined. */
function chunked(channels: Float32Array[], rate: number, sizes: readonly number[]): Float32Array {
  const resampler = new Mono16kResampler(rate);
  const parts: Float32Array[] = [];
  const length = channels[0]?.length ?? 0;
  for (let offset = 0, k = 0; offset < length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    parts.push(resampler.push(channels.map((c) => c.subarray(offset, offset + size))));
    offset += size;
  }
  parts.push(resampler.finish());
  return concatSamples(parts);
}

describe('Mono16kResampler', () => {
  const cases = [
    { rate: 44100, channels: 2 },
    { rate: 48000, channels: 2 },
    { rate: 22050, channels: 1 },
    { rate: 8000, channels: 1 },
    { rate: 16000, channels: 1 },
    { rate: 16000, channels: 2 },
  ];
  it.each(cases)('gives exactly toMono16k, whatever the chunks: $rate Hz × $channels', (c) => {
    const seconds = 1.37;
    const channels = Array.from({ length: c.channels }, (_, i) =>
      noise(Math.round(seconds * c.rate), 7 + i),
    );
    const whole = toMono16k(channels, c.rate);
    expect(whole).toEqual(referenceToMono16k(channels, c.rate));
    expect(whole.length).toBe(Math.floor(Math.round(seconds * c.rate) / (c.rate / 16000)));
    for (const sizes of [[1], [3, 1, 4096], [1000], [c.rate * 10]])
      expect(chunked(channels, c.rate, sizes)).toEqual(whole);
  });

  it('gives nothing for no input', () => {
    const resampler = new Mono16kResampler(44100);
    expect(resampler.push([new Float32Array(0)])).toHaveLength(0);
    expect(resampler.finish()).toHaveLength(0);
  });
});
