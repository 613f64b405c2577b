/**
 * Turns timed words into normalised tokens and sentence-like units. Units are the grain of every
 * judgement: segmentation chooses boundaries between units, classifiers label units.
 * Transcripts may lack punctuation (raw ASR), so units also split at silent gaps.
 */
import type { TimedWord } from '../transcript';
import type { Evidence } from './types';

/** One word with its times resolved and its text normalised for matching. */
export interface Token {
  index: number;
  /** As spoken/written in the transcript. */
  raw: string;
  /** Lower case, surrounding punctuation removed, curly quotes straightened. */
  norm: string;
  start: number;
  end: number;
  /** The raw text ends a sentence (. ? !). */
  sentenceEnd: boolean;
  /** A clause break follows (, ; :). */
  clauseEnd: boolean;
}

/** A sentence-like run of tokens. */
export interface Unit {
  index: number;
  /** Index of the first and last token (inclusive). */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Silence before the first word (0 for the first unit). */
  gapBefore: number;
  /** Normalised words joined by single spaces, padded with a space at both ends. */
  text: string;
}

/** Hesitation sounds that carry no content. "like", "you know" stay: they can be words. */
const HESITATIONS = new Set(['um', 'uh', 'erm', 'er', 'uhm', 'umm', 'hmm', 'mm', 'ah', 'eh']);

/** True for a hesitation sound ("um", "uh", …). */
export function isHesitation(norm: string): boolean {
  return HESITATIONS.has(norm);
}

/** Normalises a word for matching: lower case, straight quotes, outer punctuation dropped. */
export function normaliseWord(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/^[^a-z0-9$£€]+/, '')
    .replace(/[^a-z0-9%+]+$/, '');
}

/** Resolves missing or inverted end times and normalises every word. */
export function toTokens(words: readonly TimedWord[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    const next = words[i + 1];
    let end = w.end ?? (next ? Math.min(next.start, w.start + 0.6) : w.start + 0.3);
    if (end < w.start) end = w.start;
    const trimmed = w.text.trim();
    // A transcript word may hold several words ("New York", subtitle text); split on spaces.
    const parts = trimmed.split(/\s+/).filter((p) => p.length > 0);
    const span = (end - w.start) / Math.max(1, parts.length);
    parts.forEach((part, k) => {
      out.push({
        index: out.length,
        raw: part,
        norm: normaliseWord(part),
        start: w.start + k * span,
        end: w.start + (k + 1) * span,
        sentenceEnd: /[.?!…]["')\]]*$/.test(part),
        clauseEnd: /[,;:\u2014-]["')\]]*$/.test(part),
      });
    });
  }
  return out.filter((t) => t.norm.length > 0 || t.sentenceEnd);
}

/** Silence between token i and token i+1 (0 when they overlap or i is last). */
export function gapAfter(tokens: readonly Token[], i: number): number {
  const a = tokens[i];
  const b = tokens[i + 1];
  return a && b ? Math.max(0, b.start - a.end) : 0;
}

/** Phrases that open a new part of a story ("before that", "early in my career", "so why this role"). */
const TURNS: readonly (readonly string[])[] = [
  ['before', 'that'],
  ['after', 'that'],
  ['prior', 'to'],
  ['before', 'all'],
  ['early', 'in'],
  ['most', 'recently'],
  ['right', 'now'],
  ['currently'],
  ['these', 'days'],
  ['in', 'the', 'end'],
  ['looking', 'back'],
  ['in', 'hindsight'],
  ['so', 'why'],
];

function startsTurn(tokens: readonly Token[], i: number): boolean {
  return TURNS.some((turn) => turn.every((w, k) => tokens[i + k]?.norm === w));
}

/** Longest unit before it is cut at its widest internal gap. */
const MAX_UNIT_WORDS = 45;

/**
 * Splits tokens into units at sentence ends and at clear silences. The silence threshold
 * adapts to the speaker: a gap well above their usual between-word gap ends a unit.
 */
export function toUnits(
  tokens: readonly Token[],
  forcedStarts: ReadonlySet<number> = new Set(),
): Unit[] {
  const gaps: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) gaps.push(gapAfter(tokens, i));
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const punctuated = tokens.filter((t) => t.sentenceEnd).length * 30 >= tokens.length;
  // Unpunctuated ASR text: silences are the only sentence marks, so trust smaller ones.
  const threshold = punctuated ? Math.max(0.7, median * 4) : Math.max(0.09, median * 2.5);
  const breaks: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const gap = gaps[i] ?? 0;
    // Without punctuation, a story-turning phrase after a slight pause also starts a unit.
    const turn = !punctuated && gap > median * 1.5 && startsTurn(tokens, i + 1);
    if (t.sentenceEnd || gap >= threshold || turn || forcedStarts.has(i + 1)) breaks.push(i);
  }
  breaks.push(tokens.length - 1);
  const spans: [number, number][] = [];
  let first = 0;
  for (const last of breaks) {
    if (last < first) continue;
    splitLong(first, last, gaps, spans);
    first = last + 1;
  }
  return spans.map(([a, b], index) => makeUnit(tokens, index, a, b));
}

function splitLong(
  first: number,
  last: number,
  gaps: readonly number[],
  out: [number, number][],
): void {
  if (last - first + 1 <= MAX_UNIT_WORDS) {
    out.push([first, last]);
    return;
  }
  // Cut at the widest gap away from the edges, so each half keeps at least 8 words.
  let cut = first + Math.floor((last - first) / 2);
  let widest = -1;
  for (let i = first + 7; i < last - 7; i++) {
    const g = gaps[i] ?? 0;
    if (g > widest) {
      widest = g;
      cut = i;
    }
  }
  splitLong(first, cut, gaps, out);
  splitLong(cut + 1, last, gaps, out);
}

/** Builds a unit over tokens first..last. */
export function makeUnit(
  tokens: readonly Token[],
  index: number,
  first: number,
  last: number,
): Unit {
  const a = tokens[first];
  const b = tokens[last];
  const prev = tokens[first - 1];
  const words: string[] = [];
  for (let i = first; i <= last; i++) {
    const n = tokens[i]?.norm ?? '';
    if (n && !isHesitation(n)) words.push(n);
  }
  return {
    index,
    first,
    last,
    start: a?.start ?? 0,
    end: b?.end ?? 0,
    gapBefore: prev && a ? Math.max(0, a.start - prev.end) : 0,
    text: ` ${words.join(' ')} `,
  };
}

/** Tokens first..last as evidence: their raw text and times. */
export function evidenceOf(tokens: readonly Token[], first: number, last: number): Evidence {
  const parts: string[] = [];
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (t) parts.push(t.raw);
  }
  return { text: parts.join(' '), start: tokens[first]?.start ?? 0, end: tokens[last]?.end ?? 0 };
}

/** A whole unit as evidence. */
export function unitEvidence(tokens: readonly Token[], unit: Unit): Evidence {
  return evidenceOf(tokens, unit.first, unit.last);
}
