/**
 * Fillers: the ones Whisper writes, and "possible fillers" where VAD hears speech that no word
 * covers — Whisper's training data drops "um" and "uh", so a dropped filler leaves exactly that gap.
 */
import type { Filler, TimedWord } from '../core/transcript';
import { subtractSpans, type Span } from './time-spans';

/** Hesitation sounds, always fillers. */
const HESITATIONS = new Set([
  'um',
  'umm',
  'uh',
  'uhh',
  'uhm',
  'er',
  'erm',
  'ah',
  'eh',
  'hmm',
  'mm',
  'mhm',
]);
/** Phrases the rubric counts as fillers ("like" only when set off by commas, see below). */
const FILLER_PHRASES = [
  ['you', 'know'],
  ['sort', 'of'],
  ['kind', 'of'],
  ['basically'],
  ['i', 'mean'],
];

export interface PossibleFillerOptions {
  /** Uncovered speech shorter than this is a word edge, not a filler. */
  minSeconds: number;
  /** Longer uncovered speech is more than a filler (a missed phrase); not counted. */
  maxSeconds: number;
  /** How far Whisper's word edges may drift from VAD's (each side). */
  edgeToleranceSeconds: number;
}

export const DEFAULT_POSSIBLE_FILLER_OPTIONS: PossibleFillerOptions = {
  minSeconds: 0.15,
  maxSeconds: 1.2,
  edgeToleranceSeconds: 0.08,
};

const bare = (text: string): string => text.toLowerCase().replace(/[^\p{L}']+/gu, '');
const round = (t: number): number => Math.round(t * 1000) / 1000;

/** Fillers Whisper wrote: hesitation sounds, the rubric's filler phrases, and a comma-bounded "like". */
export function fillerWords(words: readonly TimedWord[]): Filler[] {
  const fillers: Filler[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    const end = (w: TimedWord): number => w.end ?? w.start;
    if (HESITATIONS.has(bare(word.text))) {
      fillers.push({ text: word.text, start: word.start, end: end(word), kind: 'word' });
      continue;
    }
    const previous = words[i - 1];
    if (bare(word.text) === 'like' && (word.text.endsWith(',') || previous?.text.endsWith(','))) {
      fillers.push({ text: word.text, start: word.start, end: end(word), kind: 'word' });
      continue;
    }
    for (const phrase of FILLER_PHRASES) {
      const run = words.slice(i, i + phrase.length);
      const last = run.at(-1);
      if (last && run.length === phrase.length && run.every((w, k) => bare(w.text) === phrase[k])) {
        fillers.push({
          text: run.map((w) => w.text).join(' '),
          start: word.start,
          end: end(last),
          kind: 'word',
        });
        i += phrase.length - 1;
        break;
      }
    }
  }
  return fillers;
}

/** Speech VAD heard where no word is: likely a filler Whisper left out. */
export function possibleFillers(
  words: readonly TimedWord[],
  speech: readonly Span[],
  options: PossibleFillerOptions = DEFAULT_POSSIBLE_FILLER_OPTIONS,
): Filler[] {
  const tolerance = options.edgeToleranceSeconds;
  const covered = words
    .map((w) => ({ start: w.start - tolerance, end: (w.end ?? w.start) + tolerance }))
    .sort((a, b) => a.start - b.start);
  return subtractSpans(speech, mergeSpans(covered))
    .filter(
      (gap) =>
        gap.end - gap.start >= options.minSeconds && gap.end - gap.start <= options.maxSeconds,
    )
    .map((gap) => ({
      text: '(possible filler)',
      start: round(gap.start),
      end: round(gap.end),
      kind: 'possible' as const,
    }));
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** All fillers in time order. */
export function detectFillers(words: readonly TimedWord[], speech: readonly Span[]): Filler[] {
  return [...fillerWords(words), ...possibleFillers(words, speech)].sort(
    (a, b) => a.start - b.start,
  );
}

/** Fillers per minute of recording (0 for an empty recording). */
export function fillersPerMinute(fillers: readonly Filler[], durationSeconds: number): number {
  return durationSeconds > 0 ? (fillers.length * 60) / durationSeconds : 0;
}
