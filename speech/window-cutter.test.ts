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
  it('closes a window in the middle of a 1.5-s pause once it holds 3 s', () => {
    const [cut, ...rest] = cuts(
      frames([
        [4, 0.9],
        [1.5, 0.05],
        [2, 0.9],
      ]),
    );
    expect(rest).toEqual([]);
    // silence runs from 4.0 s; after 1.4 s of it the cut goes half-way into what was heard
    expect(cut).toBeGreaterThan(4.65);
    expect(cut).toBeLessThan(4.8);
  });

  it('closes a short window within 2 s of silence once the speaker stops (live transcript)', () => {
    // the browser e2e: ~6 s of speech, then silence until Stop
    const [cut] = cuts(
      frames([
        [6.2, 0.9],
        [4, 0.05],
      ]),
    );
    expect(cut).toBeGreaterThan(6.2);
    expect(cut).toBeLessThan(6.2 + 1);
  });

  it('lets pauses under 1.4 s pass in a young window: each window costs an encoder pass', () => {
    const speechWithPauses = Array.from({ length: 6 }, () => [
      [2.5, 0.9] as const,
      [1.2, 0.05] as const,
    ]).flat();
    expect(cuts(frames(speechWithPauses))).toEqual([]);
  });

  it('past 22 s a 1-s pause closes the window at once', () => {
    const [cut] = cuts(
      frames([
        [10, 0.9],
        [1.2, 0.05], // ignored: the window is young
        [12, 0.9],
        [1.1, 0.05], // from 23.2 s
        [3, 0.9],
      ]),
    );
    expect(cut).toBeGreaterThan(23.6);
    expect(cut).toBeLessThan(23.8);
  });

  it('at the limit, cuts back in the longest pause since 22 s, never past Whisper’s 30 s', () => {
    // 2.5 s of speech, then a 0.4-s pause, over and over; the 8th pause lasts 0.8 s
    const speech = 78 * VAD_FRAME_SECONDS;
    const shortPause = 12 * VAD_FRAME_SECONDS;
    const pattern = Array.from({ length: 14 }, (_, k) => [
      [speech, 0.9] as const,
      [k === 7 ? 0.8 : shortPause, 0.05] as const,
    ]).flat();
    const input = frames(pattern);
    const longPauseStart = speech + 7 * (speech + shortPause); // 22.6 s
    const [cut] = cuts(input);
    expect(cut).toBeGreaterThan(longPauseStart + 0.3);
    expect(cut).toBeLessThan(longPauseStart + 0.5);
  });

  it('forces a cut at the quietest point when nobody pauses', () => {
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
