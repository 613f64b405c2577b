/**
 * Turns a parsed source into timed words, deterministically (seeded PRNG): per-word durations
 * from syllable counts at the source's pace with jitter, short gaps at commas (0.15–0.4 s),
 * longer ones at sentence ends (0.3–0.9 s, now and then a 1–2.2 s thinking pause), explicit
 * pauses as written, and between sections a gap that is sometimes long (1–2 s) and sometimes tiny
 * (0.1–0.3 s), so that pauses alone cannot find the boundaries.
 */
import type { ParsedSource, Follow } from './source-parser';
import { asrWords, punctuatedWords, syllables } from './spoken-words';

/** A timed word with the section (or element heading) it was written under. */
export interface SynthWord {
  text: string;
  start: number;
  end: number;
  section: string;
}

/** mulberry32: a small, well-known seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLERS = new Set(['um', 'uh', 'erm', 'hmm']);
/**
 * Share of sentence ends followed by a thinking pause (1–2.2 s). Real speakers stop to think
 * inside sections, so a long silence must not be enough to place a section boundary.
 */
const THINKING_PAUSE_RATE = 0.06;
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Gap after a token, by how it is followed, in seconds. */
function gapFor(follow: Follow, random: () => number): number {
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  switch (follow) {
    case 'comma':
      return between(0.15, 0.4);
    case 'sentence':
      return between(0.3, 0.9);
    case 'repair':
      return between(0.12, 0.35);
    case 'hesitation':
      return between(0.4, 0.9);
    case 'word':
      return between(0.01, 0.07);
  }
}

/**
 * Times every word. The pace (`meta.wpm`) is met over speaking time including comma and
 * sentence gaps but excluding explicit pauses, thinking pauses and section gaps.
 */
export function synthesizeTiming(parsed: ParsedSource): { words: SynthWord[]; duration: number } {
  const random = seededRandom(parsed.meta.seed);
  const render = parsed.meta.style === 'asr' ? asrWords : punctuatedWords;
  const walkthroughLike = parsed.meta.mode !== 'deepdive';
  const plan = parsed.tokens.map((token, i) => {
    const next = parsed.tokens[i + 1];
    const boundary = walkthroughLike && next !== undefined && next.section !== token.section;
    let gap: number;
    let paced = false;
    if (token.pauseAfter !== null) gap = token.pauseAfter;
    else if (boundary) gap = random() < 0.5 ? 1 + random() : 0.1 + 0.2 * random();
    else if (token.follow === 'sentence' && random() < THINKING_PAUSE_RATE) {
      gap = 1 + 1.2 * random();
    } else {
      gap = gapFor(token.follow, random);
      paced = true;
    }
    const spoken = render(token.text).map((text) => ({ text, syllables: syllables(text) }));
    return { token, spoken, gap: next === undefined ? 0 : gap, paced };
  });
  const wordCount = plan.reduce((n, p) => n + p.spoken.length, 0);
  const pacedGaps = plan.reduce((sum, p) => sum + (p.paced ? p.gap : 0), 0);
  const totalSyllables = plan.reduce(
    (sum, p) => sum + p.spoken.reduce((s, w) => s + w.syllables, 0),
    0,
  );
  const speakingTime = (wordCount * 60) / parsed.meta.wpm - pacedGaps;
  const perSyllable = Math.min(0.4, Math.max(0.09, speakingTime / Math.max(1, totalSyllables)));

  const words: SynthWord[] = [];
  let time = 0.2 + 0.5 * random();
  for (const { token, spoken, gap } of plan) {
    spoken.forEach((word, i) => {
      const jitter = 0.8 + 0.4 * random();
      const length = FILLERS.has(word.text.toLowerCase().replace(/[^a-z]/g, ''))
        ? 0.25 + 0.25 * random()
        : Math.max(0.1, word.syllables * perSyllable * jitter);
      words.push({
        text: word.text,
        start: round(time),
        end: round(time + length),
        section: token.section,
      });
      time += length + (i < spoken.length - 1 ? 0.02 : 0);
    });
    time += gap;
  }
  const last = words[words.length - 1];
  return { words, duration: round((last?.end ?? 0) + 0.3 + 0.5 * random()) };
}
