/**
 * Test helper: turns written text into timed words the way a steady speaker would say it, so
 * unit tests can state transcripts as prose. Not used by the product.
 */
import type { TimedWord } from '../transcript';

/** Pacing of the synthetic speaker, in seconds. */
export interface SpeechPacing {
  /** Length of one word. */
  word: number;
  /** Silence between words. */
  gap: number;
  /** Silence after a sentence end (. ? !). */
  sentenceGap: number;
  /** Silence after a comma. */
  commaGap: number;
  /** When the first word starts. */
  start: number;
}

const DEFAULT_PACING: SpeechPacing = {
  word: 0.3,
  gap: 0.05,
  sentenceGap: 0.6,
  commaGap: 0.2,
  start: 0.5,
};

/**
 * Times each word of `parts` in order. Each part is spoken after the previous one with a pause
 * of `partGap` seconds, so a test can put sections apart (or not).
 */
export function speak(
  parts: readonly string[],
  pacing: Partial<SpeechPacing> = {},
  partGap = 1.2,
): TimedWord[] {
  const p = { ...DEFAULT_PACING, ...pacing };
  const words: TimedWord[] = [];
  let t = p.start;
  parts.forEach((part, k) => {
    if (k > 0) t += partGap - p.gap;
    for (const text of part.split(/\s+/).filter((w) => w.length > 0)) {
      words.push({ text, start: round(t), end: round(t + p.word) });
      t += p.word;
      t += /[.?!]$/.test(text) ? p.sentenceGap : /[,;:]$/.test(text) ? p.commaGap : p.gap;
    }
  });
  return words;
}

/** Lower-cases and strips punctuation, like raw ASR text. */
export function asAsr(text: string): string {
  return text.toLowerCase().replace(/(?<!\d)[.]|[.](?!\d)|[,;:?!]/g, '');
}

/** Raw ASR words for timed words: same rhythm (pauses after commas stay), no punctuation or capitals. */
export function toAsr(words: readonly TimedWord[]): TimedWord[] {
  return words.map((w) => ({ ...w, text: asAsr(w.text) })).filter((w) => w.text.length > 0);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
