/**
 * Builds the native transcript (core/transcript.ts) from windows' words and VAD speech, and
 * places one window's words on the recording's timeline.
 */
import {
  TRANSCRIPT_SCHEMA_VERSION,
  type TimedWord,
  type Transcript,
  type TranscriptSegment,
} from '../core/transcript';
import { detectFillers } from './fillers';
import { pausesBetween } from './speech-segmenter';
import type { Span } from './time-spans';

/** A pause in speech at least this long ends a segment, as does sentence-final punctuation. */
const SEGMENT_BREAK_SECONDS = 0.7;
/** How far a word's start may sit before the VAD speech it belongs to. */
const WORD_EDGE_DRIFT_SECONDS = 0.3;
/** VAD silences at least this long are reported as pauses. */
export const MIN_PAUSE_SECONDS = 0.3;

const round = (t: number): number => Math.round(t * 1000) / 1000;

/**
 * One window's words (timed from the window's start) on the recording's timeline: words the
 * recogniser timed past the window's end are dropped (the fixture repeats its script in every
 * window; real Whisper invents text there too), ends are clamped to the window, and a missing end
 * becomes the next word's start, else the end of the speech it starts in, else the window's end.
 */
export function placeWindowWords(
  words: readonly TimedWord[],
  window: Span,
  speech: readonly Span[],
): TimedWord[] {
  const length = window.end - window.start;
  const inside = words.filter((w) => w.start < length);
  return inside.map((word, i) => {
    const start = window.start + word.start;
    let end = word.end === null ? null : window.start + Math.min(word.end, length);
    if (end === null) {
      const next = inside[i + 1];
      // Whisper's word starts drift a little before VAD's speech onsets
      const speechEnd = speech.find(
        (s) => s.start <= start + WORD_EDGE_DRIFT_SECONDS && s.end > start,
      )?.end;
      end = next ? window.start + next.start : Math.min(speechEnd ?? window.end, window.end);
    }
    return { text: word.text, start: round(start), end: round(Math.max(end, start)) };
  });
}

/** Segments: runs of words split at sentence ends and at pauses. */
export function segmentsFromWords(words: readonly TimedWord[]): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let run: TimedWord[] = [];
  const flush = (): void => {
    const first = run[0];
    const last = run.at(-1);
    if (first && last)
      segments.push({ text: run.map((w) => w.text).join(' '), start: first.start, end: last.end });
    run = [];
  };
  words.forEach((word, i) => {
    run.push(word);
    const next = words[i + 1];
    const gap = next ? next.start - (word.end ?? word.start) : Infinity;
    if (/[.?!]["')\]]*$/.test(word.text) || gap >= SEGMENT_BREAK_SECONDS) flush();
  });
  flush();
  return segments;
}

export interface TranscriptParts {
  words: TimedWord[];
  /** VAD speech over the whole recording. */
  speech: readonly Span[];
  duration: number;
  model: string | null;
}

export function assembleTranscript(parts: TranscriptParts): Transcript {
  return {
    schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
    duration: round(parts.duration),
    words: parts.words,
    segments: segmentsFromWords(parts.words),
    pauses: pausesBetween(parts.speech, MIN_PAUSE_SECONDS),
    fillers: detectFillers(parts.words, parts.speech),
    model: parts.model,
  };
}
