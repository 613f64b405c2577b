import { describe, expect, it } from 'vitest';
import { paceSeries } from './pace-series';

/** Words at a steady rate between `from` and `to` seconds. */
function steady(wpm: number, from: number, to: number) {
  const words = [];
  for (let t = from; t < to; t += 60 / wpm) words.push({ text: 'word', start: t, end: t + 0.2 });
  return words;
}

describe('paceSeries', () => {
  it('reads a steady pace as that many words per minute, and silence as zero', () => {
    const words = steady(150, 0, 60);
    const series = paceSeries(words, [], 120);
    const at = (t: number) => series.wpm[series.times.findIndex((x) => x >= t)] ?? NaN;
    expect(at(30)).toBeGreaterThan(140);
    expect(at(30)).toBeLessThan(160);
    expect(at(100)).toBe(0);
    expect(series.times.length).toBe(series.wpm.length);
  });

  it('counts fillers per minute in the same windows', () => {
    const fillers = [10, 12, 14].map((t) => ({ start: t, end: t + 0.3 }));
    const series = paceSeries(steady(120, 0, 30), fillers, 30);
    const peak = Math.max(...series.fillersPerMinute);
    // 3 fillers inside one 15 s window: 12 per minute.
    expect(peak).toBe(12);
  });

  it('stays linear for an hour (one point every 5 s)', () => {
    const series = paceSeries(steady(150, 0, 3600), [], 3600);
    expect(series.times.length).toBe(720);
  });
});
