import { describe, expect, it } from 'vitest';
import { decodeWav, floatToInt16, wavBlobFromParts } from './wav';
import { PeakAccumulator } from './peaks';
import { meterFraction } from './level';

describe('WAV encoding', () => {
  it('round-trips PCM split into parts through a 16-bit WAV', async () => {
    const signal = Float32Array.from({ length: 4800 }, (_, i) => 0.8 * Math.sin(i / 7));
    const blob = wavBlobFromParts([signal.subarray(0, 1000), signal.subarray(1000)], 48_000);
    expect(blob.type).toBe('audio/wav');
    expect(blob.size).toBe(44 + 2 * 4800);
    const decoded = decodeWav(await blob.arrayBuffer());
    expect(decoded.sampleRate).toBe(48_000);
    expect(decoded.samples.length).toBe(4800);
    let maxError = 0;
    decoded.samples.forEach((v, i) => {
      maxError = Math.max(maxError, Math.abs(v - (signal[i] ?? 0)));
    });
    expect(maxError).toBeLessThan(1 / 0x7fff);
  });

  it('clips out-of-range samples instead of wrapping around', () => {
    expect(Array.from(floatToInt16(Float32Array.from([2, -2, 0])))).toEqual([32767, -32768, 0]);
  });

  it('rejects files that are not mono 16-bit WAV', () => {
    expect(() => decodeWav(new ArrayBuffer(44))).toThrow(/WAV/);
  });
});

describe('PeakAccumulator', () => {
  it('keeps the largest magnitude per bucket across chunk borders', () => {
    const peaks = new PeakAccumulator(4);
    peaks.add(Float32Array.from([0.1, -0.5, 0.2]));
    peaks.add(Float32Array.from([0.3, 0, 0, -0.9, 0.1, 0.05]));
    expect(Array.from(peaks.result()).map((v) => +v.toFixed(2))).toEqual([0.5, 0.9, 0.05]);
  });
});

describe('meterFraction', () => {
  it('maps silence to 0, full scale to 1 and -30 dBFS to the middle', () => {
    expect(meterFraction(new Float32Array(64))).toBe(0);
    expect(meterFraction(new Float32Array(64).fill(1))).toBeCloseTo(1);
    expect(meterFraction(new Float32Array(64).fill(10 ** (-30 / 20)))).toBeCloseTo(0.5);
  });
});
