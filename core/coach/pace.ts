/**
 * Delivery: words per minute over speech time (long pauses excluded), pauses over 1.5 s,
 * fillers per minute and the most repeated words and phrases.
 */
import type { SectionId } from '../modes';
import type { Filler, Pause } from '../transcript';
import type { Token } from './tokens';
import { isHesitation } from './tokens';
import type { Evidence, RepeatedPhrase, ReportPace } from './types';

/** Pauses longer than this are reported and excluded from speech time (seconds). */
export const LONG_PAUSE = 1.5;

/** Multi-word fillers of the rubric, matched on normalised words. */
const FILLER_PHRASES: readonly (readonly string[])[] = [
  ['you', 'know'],
  ['sort', 'of'],
  ['kind', 'of'],
  ['i', 'mean'],
];
/** "like" is a filler unless it is a verb or a comparison ("I'd like", "looks like"). */
const LIKE_NOT_FILLER =
  /^(i'd|would|you'd|we'd|i|you|we|they|looks|look|looked|feel|feels|felt|seems|sounds|something|things|just|more|less|much)$/;

/** Finds filler words in the tokens when transcription did not mark them. */
export function detectFillers(tokens: readonly Token[]): Filler[] {
  const out: Filler[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isHesitation(t.norm) || t.norm === 'basically') {
      out.push({ text: t.raw, start: t.start, end: t.end, kind: 'word' });
      continue;
    }
    if (t.norm === 'like' && !LIKE_NOT_FILLER.test(tokens[i - 1]?.norm ?? '')) {
      out.push({ text: t.raw, start: t.start, end: t.end, kind: 'word' });
      continue;
    }
    for (const phrase of FILLER_PHRASES) {
      if (phrase.every((w, k) => tokens[i + k]?.norm === w)) {
        // "kind of"/"sort of" before a noun phrase ("a kind of cache") is not a filler.
        if (
          (phrase[0] === 'kind' || phrase[0] === 'sort') &&
          /^(a|the|this|that|what|some|any)$/.test(tokens[i - 1]?.norm ?? '')
        )
          continue;
        const last = tokens[i + phrase.length - 1] as Token;
        out.push({ text: `${t.raw} ${last.raw}`, start: t.start, end: last.end, kind: 'word' });
        i += phrase.length - 1;
        break;
      }
    }
  }
  return out;
}

/** Silences between words when VAD pauses are not given. */
export function pausesFromGaps(tokens: readonly Token[]): Pause[] {
  const out: Pause[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1] as Token;
    if (b.start - a.end > 0.2) out.push({ start: a.end, end: b.start });
  }
  return out;
}

/** Seconds of long pause overlapping [start, end]. */
function longPauseWithin(pauses: readonly Pause[], start: number, end: number): number {
  let sum = 0;
  for (const p of pauses) {
    if (p.end - p.start <= LONG_PAUSE) continue;
    sum += Math.max(0, Math.min(end, p.end) - Math.max(start, p.start));
  }
  return sum;
}

/** Words per minute of the tokens inside [start, end), over speech time. */
export function wpmWithin(
  tokens: readonly Token[],
  pauses: readonly Pause[],
  start: number,
  end: number,
): { wpm: number; speech: number; words: number } {
  let words = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const t of tokens) {
    const mid = (t.start + t.end) / 2;
    if (mid < start || mid >= end || isHesitation(t.norm)) continue;
    words++;
    first = Math.min(first, t.start);
    last = Math.max(last, t.end);
  }
  if (words === 0) return { wpm: 0, speech: 0, words: 0 };
  const speech = Math.max(0.001, last - first - longPauseWithin(pauses, first, last));
  return { wpm: round1((words / speech) * 60), speech: round1(speech), words };
}

const STOPWORDS = new Set(
  "a an the and or but so to of in on at for with by from that this it is was were be been i we you they he she my our your their me us them as if then than there here just also very really um uh like know yeah okay its it's i'm we're that's which who what when where how all about into out up down over more some one two".split(
    ' ',
  ),
);

/** Content words and two/three-word phrases said at least three times, most frequent first. */
export function repeatedPhrases(tokens: readonly Token[]): RepeatedPhrase[] {
  const words = tokens.map((t) => t.norm).filter((w) => w && !isHesitation(w));
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!STOPWORDS.has(w) && w.length > 2) add(w);
    for (const n of [2, 3]) {
      const gram = words.slice(i, i + n);
      if (gram.length === n && !gram.every((g) => STOPWORDS.has(g))) add(gram.join(' '));
    }
  }
  return [...counts.entries()]
    .filter(([, c]) => c >= 3)
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || b.text.split(' ').length - a.text.split(' ').length)
    .slice(0, 8);
}

/** Pace of the whole answer and of each section. */
export function measurePace(
  tokens: readonly Token[],
  pauses: readonly Pause[],
  fillers: readonly Filler[],
  sections: readonly { id: SectionId; start: number; end: number }[],
): ReportPace {
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? 0;
  const overall = wpmWithin(tokens, pauses, start, end + 1);
  const minutes = Math.max(overall.speech, 1) / 60;
  const fillerEvidence: Evidence[] = fillers.map((f) => ({
    text: f.text,
    start: f.start,
    end: f.end,
  }));
  return {
    wpm: overall.wpm,
    speechSeconds: overall.speech,
    wordCount: overall.words,
    sections: sections.map((s) => ({
      id: s.id,
      wpm: wpmWithin(tokens, pauses, s.start, s.end).wpm,
    })),
    longPauses: pauses
      .filter((p) => p.end - p.start > LONG_PAUSE)
      .map((p) => ({ start: p.start, end: p.end, duration: round1(p.end - p.start) })),
    fillerCount: fillers.length,
    fillersPerMinute: round1(fillers.length / minutes),
    fillers: fillerEvidence,
    repeated: repeatedPhrases(tokens),
  };
}

/** Rounds to one decimal. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
