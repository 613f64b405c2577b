/**
 * Whisper's known failure modes on silence and noise: stock phrases from its training subtitles
 * ("Thanks for watching!") where VAD hears no speech, and loops that repeat a phrase over and over.
 */
import type { TimedWord } from '../core/transcript';
import { overlapSeconds, type Span } from './time-spans';

/** Stock phrases, lower-case without punctuation. */
const STOCK_PHRASES = [
  'thanks for watching',
  'thank you for watching',
  'thank you so much for watching',
  'please subscribe',
  'like and subscribe',
  'subscribe to my channel',
  'see you in the next video',
  'subtitles by the amara org community',
  'transcribed by',
  'thank you',
  'you',
  'bye',
];

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .trim();

/** Fraction of a word run's time with VAD speech under which it counts as said over silence. */
const MIN_SPEECH_FRACTION = 0.2;

/**
 * Drops stock phrases said where VAD heard (almost) no speech. Checked phrase by phrase, longest
 * first, so a real "thank you" spoken aloud stays.
 */
export function dropPhrasesOverSilence(
  words: readonly TimedWord[],
  speech: readonly Span[],
): TimedWord[] {
  const phrases = STOCK_PHRASES.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
  const keep = words.map(() => true);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of phrases) {
      const run = words.slice(i, i + phrase.length);
      if (run.length < phrase.length) continue;
      const runText = normalise(run.map((w) => w.text).join(' '));
      if (runText !== phrase.join(' ')) continue;
      const first = run[0];
      const last = run.at(-1);
      if (!first || !last) continue;
      const span = { start: first.start, end: Math.max(last.end ?? last.start, first.start + 0.1) };
      if (overlapSeconds(span, speech) < MIN_SPEECH_FRACTION * (span.end - span.start)) {
        for (let k = i; k < i + phrase.length; k++) keep[k] = false;
      }
      break;
    }
  }
  return words.filter((_, i) => keep[i]);
}

/** Longest phrase (in words) a loop check looks for, and repeats that make a loop. */
const MAX_LOOP_WORDS = 6;
const LOOP_REPEATS = 4;

/**
 * Collapses a phrase of 1–6 words repeated back to back 4 or more times to its first saying
 * ("and then and then and then and then" → "and then"). People do repeat themselves, but not
 * four times running.
 */
export function collapseRepetitionLoops(words: readonly TimedWord[]): TimedWord[] {
  const out: TimedWord[] = [];
  let i = 0;
  while (i < words.length) {
    let collapsed = false;
    for (let n = 1; n <= MAX_LOOP_WORDS && !collapsed; n++) {
      const phrase = words.slice(i, i + n).map((w) => normalise(w.text));
      if (phrase.length < n) break;
      let repeats = 1;
      while (
        words
          .slice(i + repeats * n, i + (repeats + 1) * n)
          .map((w) => normalise(w.text))
          .join(' ') === phrase.join(' ')
      ) {
        repeats++;
      }
      if (repeats >= LOOP_REPEATS) {
        out.push(...words.slice(i, i + n));
        i += repeats * n;
        collapsed = true;
      }
    }
    if (!collapsed) {
      const word = words[i];
      if (word) out.push(word);
      i++;
    }
  }
  return out;
}

/** Both checks, as applied to each transcribed window. */
export function suppressHallucinations(
  words: readonly TimedWord[],
  speech: readonly Span[],
): TimedWord[] {
  return collapseRepetitionLoops(dropPhrasesOverSilence(words, speech));
}
