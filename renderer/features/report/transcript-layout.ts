/**
 * The transcript as the review shows it: words grouped into short paragraphs (a new one at each
 * section start and after a long pause, so a virtualised list has rows of modest height), each
 * word tagged with what the coach noticed in it. Pure; the panel only renders the result.
 */
import type { CoachReport, Evidence } from '../../../core/coach/types';
import type { SectionId } from '../../../core/modes';
import type { Transcript } from '../../../core/transcript';

/** What a word is marked as, inline. */
export type WordMark = 'filler' | 'metric' | 'tradeoff';

export interface TranscriptParagraph {
  /** Index of the first and last word (inclusive). */
  first: number;
  last: number;
  start: number;
  /** Set when a section starts with this paragraph. */
  section: { id: SectionId; index: number } | undefined;
  /** Length of the long pause before the paragraph, in seconds. */
  pauseBefore: number | undefined;
}

export interface TranscriptLayout {
  paragraphs: TranscriptParagraph[];
  /** Mark of each word (undefined: plain). */
  marks: (WordMark | undefined)[];
  /** Word start times, ascending, for binary search during playback. */
  starts: Float64Array;
}

/** Longest paragraph; a break comes at the next sentence end after this many words. */
const SOFT_PARAGRAPH_WORDS = 45;
const HARD_PARAGRAPH_WORDS = 90;
/** A silence at least this long starts a paragraph (the engine's long pause). */
const LONG_PAUSE_SECONDS = 1.5;

const endsSentence = (text: string): boolean => /[.!?]["')\]]?$/.test(text);

/** Index of the word being spoken at `time` (the last word starting at or before it), or -1. */
export function wordIndexAt(starts: Float64Array, time: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? Infinity) <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the paragraph holding word `word` (paragraphs are contiguous and ordered). */
export function paragraphOfWord(paragraphs: readonly TranscriptParagraph[], word: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = paragraphs[mid];
    if (!p) break;
    if (word < p.first) hi = mid - 1;
    else if (word > p.last) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function markSpans(
  marks: (WordMark | undefined)[],
  starts: Float64Array,
  ends: Float64Array,
  spans: readonly Pick<Evidence, 'start' | 'end'>[],
  mark: WordMark,
): void {
  for (const span of spans) {
    let i = Math.max(0, wordIndexAt(starts, span.start));
    for (; i < starts.length && (starts[i] ?? Infinity) < span.end; i++) {
      const mid = ((starts[i] ?? 0) + (ends[i] ?? 0)) / 2;
      // Fillers and numbers outrank the clause-long trade-off underline.
      if (mid >= span.start && mid <= span.end && marks[i] === undefined) marks[i] = mark;
    }
  }
}

/** Lays out a transcript, with the report's marks and sections when there is a report. */
export function layoutTranscript(
  transcript: Transcript,
  report: CoachReport | undefined,
): TranscriptLayout {
  const words = transcript.words;
  const starts = new Float64Array(words.length);
  const ends = new Float64Array(words.length);
  words.forEach((w, i) => {
    starts[i] = w.start;
    ends[i] = w.end ?? w.start;
  });
  const marks: (WordMark | undefined)[] = new Array<WordMark | undefined>(words.length);
  const fillers = [...transcript.fillers, ...(report?.pace.fillers ?? [])];
  markSpans(marks, starts, ends, fillers, 'filler');
  markSpans(marks, starts, ends, report?.coverage.metrics ?? [], 'metric');
  markSpans(marks, starts, ends, report?.coverage.tradeoffs ?? [], 'tradeoff');

  // Section starts as word indices: the first word whose midpoint is past the boundary.
  const sectionAt = new Map<number, { id: SectionId; index: number }>();
  report?.sections.forEach((s, index) => {
    let i = Math.max(0, wordIndexAt(starts, s.start));
    while (i < words.length && ((starts[i] ?? 0) + (ends[i] ?? 0)) / 2 < s.start) i++;
    if (i < words.length && !sectionAt.has(i)) sectionAt.set(i, { id: s.id, index });
  });

  const paragraphs: TranscriptParagraph[] = [];
  let current: TranscriptParagraph | undefined;
  words.forEach((word, i) => {
    const gap = i > 0 ? word.start - (ends[i - 1] ?? word.start) : 0;
    const section = sectionAt.get(i);
    const size = current ? i - current.first : 0;
    const previous = words[i - 1]?.text ?? '';
    const breakHere =
      !current ||
      section !== undefined ||
      gap >= LONG_PAUSE_SECONDS ||
      size >= HARD_PARAGRAPH_WORDS ||
      (size >= SOFT_PARAGRAPH_WORDS && endsSentence(previous));
    if (breakHere) {
      current = {
        first: i,
        last: i,
        start: word.start,
        section,
        pauseBefore: gap >= LONG_PAUSE_SECONDS ? Math.round(gap * 10) / 10 : undefined,
      };
      paragraphs.push(current);
    } else if (current) current.last = i;
  });
  return { paragraphs, marks, starts };
}
