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
const FILLER_STARTS: ReadonlySet<string> = new Set(FILLER_PHRASES.map((p) => p[0] ?? ''));
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
    if (!FILLER_STARTS.has(t.norm)) continue;
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

/** Words, speech time and words per minute of a stretch of the answer. */
export interface StretchPace {
  wpm: number;
  speech: number;
  words: number;
}

/** Measures the pace of any time range; built once per transcript (binary search, no rescans). */
export type WpmMeter = (start: number, end: number) => StretchPace;

/**
 * Builds a meter over time-ordered tokens. A word belongs to the range holding its midpoint;
 * hesitations ("um") are not words; pauses over 1.5 s are not speech time.
 */
export function makeWpmMeter(tokens: readonly Token[], pauses: readonly Pause[]): WpmMeter {
  const content = tokens.filter((t) => !isHesitation(t.norm));
  const mids = Float64Array.from(content, (t) => (t.start + t.end) / 2);
  const long = pauses.filter((p) => p.end - p.start > LONG_PAUSE);
  const firstAtOrAfter = (x: number): number => {
    let lo = 0;
    let hi = mids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((mids[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (start, end) => {
    const a = firstAtOrAfter(start);
    const b = firstAtOrAfter(end) - 1;
    if (b < a) return { wpm: 0, speech: 0, words: 0 };
    const first = content[a]?.start ?? 0;
    const last = content[b]?.end ?? 0;
    let paused = 0;
    for (const p of long) paused += Math.max(0, Math.min(last, p.end) - Math.max(first, p.start));
    const words = b - a + 1;
    const speech = Math.max(0.001, last - first - paused);
    return { wpm: round1((words / speech) * 60), speech: round1(speech), words };
  };
}

const STOPWORDS = new Set(
  "a an the and or but so to of in on at for with by from that this it is was were be been i we you they he she my our your their me us them as if then than there here just also very really um uh like know yeah okay its it's i'm we're that's which who what when where how all about into out up down over more some one two three four five six seven eight nine ten hundred thousand percent because point went then".split(
    ' ',
  ),
);

/** Content words and two/three-word phrases said at least three times, most frequent first. */
export function repeatedPhrases(tokens: readonly Token[]): RepeatedPhrase[] {
  const words = tokens.map((t) => t.norm).filter((w) => w && !isHesitation(w) && !/^\d/.test(w));
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const w2 = words[i + 1];
    const w3 = words[i + 2];
    const stop1 = STOPWORDS.has(w);
    if (!stop1 && w.length > 2) add(w);
    if (w2 === undefined) continue;
    const stop2 = STOPWORDS.has(w2);
    if (!(stop1 && stop2)) add(`${w} ${w2}`);
    if (w3 !== undefined && !(stop1 && stop2 && STOPWORDS.has(w3))) add(`${w} ${w2} ${w3}`);
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
  meter: WpmMeter,
  fillers: readonly Filler[],
  sections: readonly { id: SectionId; start: number; end: number }[],
): ReportPace {
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? 0;
  const overall = meter(start, end + 1);
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
      wpm: meter(s.start, s.end).wpm,
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
