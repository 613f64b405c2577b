import { describe, expect, it } from 'vitest';
import { StreamingResampler, resample } from './resampler';

const tone = (freq: number, rate: number, seconds: number, phase = 0) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
    Math.sin(2 * Math.PI * freq * (i / rate) + phase),
  );

const rms = (x: Float32Array, from = 0, to = x.length) => {
  let acc = 0;
  for (let i = from; i < to; i++) acc += (x[i] ?? 0) ** 2;
  return Math.sqrt(acc / Math.max(1, to - from));
};

describe('StreamingResampler', () => {
  it('turns 48 kHz into 16 kHz with the right length and an accurate tone', () => {
    const out = resample(tone(440, 48_000, 1), 48_000, 16_000);
    expect(out.length).toBe(16_000);
    const expected = tone(440, 16_000, 1);
    // Away from the edges the error is tiny compared with the signal.
    const error = out.map((v, i) => v - (expected[i] ?? 0));
    expect(rms(error, 200, 15_800)).toBeLessThan(1e-3);
  });

  it('handles a non-integer ratio (44.1 kHz → 16 kHz)', () => {
    const out = resample(tone(1000, 44_100, 1), 44_100, 16_000);
    expect(out.length).toBe(16_000);
    const expected = tone(1000, 16_000, 1);
    const error = out.map((v, i) => v - (expected[i] ?? 0));
    expect(rms(error, 200, 15_800)).toBeLessThan(2e-3);
  });

  it('removes content above the new Nyquist frequency instead of aliasing it', () => {
    const out = resample(tone(12_000, 48_000, 0.5), 48_000, 16_000);
    expect(rms(out, 200, out.length - 200)).toBeLessThan(0.01);
  });

  it('gives the same output whatever the chunking', () => {
    const input = tone(300, 48_000, 0.3).map((v, i) => v + 0.3 * Math.sin(i * 0.37));
    const whole = resample(input, 48_000, 16_000);
    const streaming = new StreamingResampler(48_000, 16_000);
    const parts: Float32Array[] = [];
    for (let at = 0, size = 1; at < input.length; at += size, size = (size * 7) % 997 || 5) {
      parts.push(streaming.process(input.subarray(at, at + size)));
    }
    parts.push(streaming.flush());
    const joined = Float32Array.from(parts.flatMap((p) => Array.from(p)));
    expect(joined.length).toBe(whole.length);
    let maxDiff = 0;
    for (let i = 0; i < whole.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs((joined[i] ?? 0) - (whole[i] ?? 0)));
    }
    expect(maxDiff).toBeLessThan(1e-6);
  });
});
