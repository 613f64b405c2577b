/**
 * Pace over time for the chart: words per minute and fillers per minute in a sliding window.
 * Pure; two pointers over the (time-ordered) words keep it linear for an hour of speech.
 */
import type { Evidence } from '../../../core/coach/types';
import type { TimedWord } from '../../../core/transcript';

/** The comfortable speaking band the delivery score uses (words per minute). */
export const COMFORTABLE_WPM = { min: 120, max: 170 } as const;

export interface PaceSeries {
  /** Window centres, seconds. */
  times: number[];
  wpm: number[];
  fillersPerMinute: number[];
}

/** Window length and step, chosen so a 3-minute answer gets ~35 points and an hour ~720. */
export function paceWindow(duration: number): { window: number; step: number } {
  return duration > 600 ? { window: 30, step: 5 } : { window: 15, step: 5 };
}

const midpoint = (start: number, end: number | null) => (end === null ? start : (start + end) / 2);

/** Counts items with midpoints inside each sliding window. */
function slidingRate(
  mids: readonly number[],
  centres: readonly number[],
  window: number,
  duration: number,
): number[] {
  let lo = 0;
  let hi = 0;
  return centres.map((c) => {
    const from = Math.max(0, c - window / 2);
    const to = Math.min(duration, c + window / 2);
    while (lo < mids.length && (mids[lo] ?? 0) < from) lo++;
    while (hi < mids.length && (mids[hi] ?? 0) < to) hi++;
    const span = Math.max(1, to - from);
    return Math.round(((hi - lo) * 60 * 10) / span) / 10;
  });
}

/** Words and fillers per minute over the recording. */
export function paceSeries(
  words: readonly TimedWord[],
  fillers: readonly Pick<Evidence, 'start' | 'end'>[],
  duration: number,
): PaceSeries {
  const { window, step } = paceWindow(duration);
  const times: number[] = [];
  for (let t = step / 2; t < duration; t += step) times.push(Math.round(t * 100) / 100);
  const wordMids = words.map((w) => midpoint(w.start, w.end)).sort((a, b) => a - b);
  const fillerMids = fillers.map((f) => midpoint(f.start, f.end)).sort((a, b) => a - b);
  return {
    times,
    wpm: slidingRate(wordMids, times, window, duration),
    fillersPerMinute: slidingRate(fillerMids, times, window, duration),
  };
}
