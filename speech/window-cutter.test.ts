import { describe, expect, it } from 'vitest';
import type { VadFrame } from './vad';
import { VAD_FRAME_SECONDS } from './vad';
import { DEFAULT_WINDOW_CUT_OPTIONS, WindowCutter } from './window-cutter';

/** Frames from a speech pattern: each entry is [seconds, probability]. */
function frames(pattern: ReadonlyArray<readonly [number, number]>): VadFrame[] {
  const out: VadFrame[] = [];
  for (const [seconds, probability] of pattern) {
    const count = Math.round(seconds / VAD_FRAME_SECONDS);
    for (let i = 0; i < count; i++) {
      const start = out.length * VAD_FRAME_SECONDS;
      out.push({ index: out.length, start, end: start + VAD_FRAME_SECONDS, probability });
    }
  }
  return out;
}
const cuts = (input: VadFrame[]): number[] => {
  const cutter = new WindowCutter();
  return input.map((f) => cutter.accept(f)).filter((c): c is number => c !== null);
};

describe('WindowCutter', () => {
  it('closes a window in the middle of a 1-s pause once it holds 3 s', () => {
    const [cut, ...rest] = cuts(
      frames([
        [4, 0.9],
        [1.2, 0.05],
        [2, 0.9],
      ]),
    );
    expect(rest).toEqual([]);
    // silence runs from 4.0 s; after 1.2 s of it the cut goes half-way into what was heard
    expect(cut).toBeGreaterThan(4.55);
    expect(cut).toBeLessThan(4.7);
  });

  it('ignores short pauses early in a window, takes them after 20 s', () => {
    const speechWithShortPauses = Array.from({ length: 10 }, () => [
      [2.5, 0.9] as const,
      [0.4, 0.05] as const,
    ]).flat();
    const [cut] = cuts(frames(speechWithShortPauses));
    expect(cut).toBeGreaterThan(DEFAULT_WINDOW_CUT_OPTIONS.targetWindowSeconds);
    // inside the first pause past 20 s: pauses sit at 2.5+2.9k … 2.9(k+1)
    const offset = ((cut ?? 0) - 2.5) % 2.9;
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(0.4);
  });

  it('forces a cut by 28 s at the quietest point when nobody pauses', () => {
    // continuous speech with one dip (0.3 probability, not silence) at 22 s
    const [cut] = cuts(
      frames([
        [22, 0.95],
        [0.128, 0.3],
        [10, 0.95],
      ]),
    );
    expect(cut).toBeGreaterThan(22);
    expect(cut).toBeLessThan(22.2);
  });

  it('never lets a window grow past the maximum, even in unbroken speech', () => {
    const all = cuts(frames([[90, 0.95]]));
    expect(all.length).toBeGreaterThanOrEqual(3);
    let previous = 0;
    for (const cut of all) {
      expect(cut - previous).toBeLessThanOrEqual(
        DEFAULT_WINDOW_CUT_OPTIONS.maxWindowSeconds + VAD_FRAME_SECONDS,
      );
      previous = cut;
    }
  });
});
