/**
 * Spreads the words of a timed phrase (a subtitle cue, an ASR chunk) over its time span,
 * in proportion to their length, so each word gets a plausible start and end.
 */
import type { TimedWord } from '../transcript';

/** Splits `text` into words timed across [start, end]. */
export function spreadWords(text: string, start: number, end: number): TimedWord[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const span = Math.max(0, end - start);
  // One character of weight per letter plus one for the space, so short words still get time.
  const weights = words.map((w) => w.length + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const out: TimedWord[] = [];
  let t = start;
  words.forEach((w, i) => {
    const d = (span * (weights[i] ?? 1)) / total;
    out.push({ text: w, start: round3(t), end: round3(t + d) });
    t += d;
  });
  return out;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
