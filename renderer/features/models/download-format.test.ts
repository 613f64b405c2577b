import { describe, expect, it } from 'vitest';
import { formatBytes, formatSpeed, formatTimeLeft } from './download-format';

describe('download numbers', () => {
  it('reads sizes and speeds in decimal units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(80_000_000)).toBe('80.0 MB');
    expect(formatBytes(252_400_000)).toBe('252 MB');
    expect(formatBytes(1_500_000_000)).toBe('1.5 GB');
    expect(formatSpeed(2_345_000)).toBe('2.3 MB/s');
  });

  it('says how long is left, or that it is still estimating', () => {
    expect(formatTimeLeft(null)).toBe('estimating…');
    expect(formatTimeLeft(Infinity)).toBe('estimating…');
    expect(formatTimeLeft(42.4)).toBe('42 s left');
    expect(formatTimeLeft(185)).toBe('3 min left');
    expect(formatTimeLeft(3900)).toBe('1 h 05 min left');
  });
});
