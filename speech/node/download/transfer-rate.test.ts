import { describe, expect, it } from 'vitest';
import { TransferRateMeter } from './transfer-rate';

describe('TransferRateMeter', () => {
  it('measures speed over a sliding window and estimates time left', () => {
    let now = 0;
    const meter = new TransferRateMeter(1000, () => now);
    expect(meter.bytesPerSecond()).toBe(0);
    expect(meter.secondsLeft(100)).toBeNull();
    for (let step = 0; step <= 10; step += 1) {
      now = step * 100;
      meter.record(step * 1000); // 10 000 B/s
    }
    expect(meter.bytesPerSecond()).toBeCloseTo(10_000);
    expect(meter.secondsLeft(50_000)).toBeCloseTo(5);
    expect(meter.secondsLeft(null)).toBeNull();
    // The rate drops to 1 000 B/s; after one window the old pace is forgotten.
    for (let step = 1; step <= 15; step += 1) {
      now = 1000 + step * 100;
      meter.record(10_000 + step * 100);
    }
    expect(meter.bytesPerSecond()).toBeCloseTo(1000, -1);
  });
});
