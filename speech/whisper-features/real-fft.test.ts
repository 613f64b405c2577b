import { describe, expect, it } from 'vitest';
import { float32Log10 } from './float32-log10';
import { RealPowerSpectrum } from './real-fft';

/** |X[k]|² by the O(N²) definition, k = 0..N/2. */
function naivePowerSpectrum(x: Float64Array): Float64Array {
  const n = x.length;
  return Float64Array.from({ length: n / 2 + 1 }, (_, k) => {
    let re = 0;
    let im = 0;
    for (let t = 0; t < n; ++t) {
      re += x[t]! * Math.cos((-2 * Math.PI * k * t) / n);
      im += x[t]! * Math.sin((-2 * Math.PI * k * t) / n);
    }
    return re * re + im * im;
  });
}

describe('RealPowerSpectrum', () => {
  // 400: Whisper (200 = 8·5·5); others reach radix 2, 3, 4 and the direct-DFT stage (7, 11)
  it.each([400, 4, 8, 12, 16, 30, 42, 64, 22, 2 * 4 * 3 * 5 * 7])(
    'equals the DFT definition for N = %i',
    (n) => {
      const x = Float64Array.from(
        { length: n },
        (_, i) => Math.sin(i * 0.37) + ((i * 7919) % 13) / 13,
      );
      const fft = new RealPowerSpectrum(n);
      // run twice: the second run must not see state left by the first
      for (let pass = 0; pass < 2; ++pass) {
        for (let h = 0; h < n / 2; ++h) {
          fft.inputRe[h] = x[2 * h]!;
          fft.inputIm[h] = x[2 * h + 1]!;
        }
        const power = new Float64Array(fft.bins);
        fft.run(power);
        const expected = naivePowerSpectrum(x);
        const scale = Math.max(...expected);
        for (let k = 0; k < fft.bins; ++k) {
          expect(Math.abs(power[k]! - expected[k]!) / scale).toBeLessThan(1e-12);
        }
      }
    },
  );

  it('rejects odd or tiny frame lengths', () => {
    expect(() => new RealPowerSpectrum(401)).toThrow(/even frame length/);
    expect(() => new RealPowerSpectrum(2)).toThrow(/even frame length/);
  });
});

describe('float32Log10', () => {
  it('rounds to the same float32 as Math.log10 over the log-mel range, edge values included', () => {
    const values = [1e-10, 1, 2, 0.5, 1.9999999, 3e-8, 12345.678, 1e30];
    for (let i = 0; i < 20000; ++i) values.push(Math.exp(-23 + (46 * i) / 20000));
    let mismatches = 0;
    for (const raw of values) {
      const v = Math.fround(raw);
      const expected = Math.fround(Math.log10(v));
      const actual = Math.fround(float32Log10(v));
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
        2e-7 * Math.max(1, Math.abs(expected)),
      );
      if (actual !== expected) ++mismatches;
    }
    expect(mismatches).toBeLessThan(values.length / 1000);
  });

  it('falls back to Math.log10 outside positive normal floats', () => {
    expect(float32Log10(0)).toBe(-Infinity);
    expect(float32Log10(-1)).toBeNaN();
    expect(float32Log10(Infinity)).toBe(Infinity);
    const subnormal = Math.fround(1e-45);
    expect(float32Log10(subnormal)).toBe(Math.log10(subnormal));
  });
});
