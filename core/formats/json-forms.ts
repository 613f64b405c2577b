/**
 * JSON transcript forms: the native form (core/transcript.ts; only `words` is required, unknown
 * keys are ignored) and Transformers.js ASR output (`{ text, chunks: [{ text, timestamp }] }`).
 */
import type { Filler, Pause, TimedWord } from '../transcript';
import { TranscriptFormatError } from './errors';
import { spreadWords } from './spread';

/** What a JSON transcript yields. */
export interface JsonTranscript {
  format: 'native' | 'asr';
  words: TimedWord[];
  duration?: number;
  pauses?: Pause[];
  fillers?: Filler[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function readWord(v: unknown, i: number): TimedWord {
  if (
    !isObject(v) ||
    typeof v.text !== 'string' ||
    !isTime(v.start) ||
    !(v.end === null || v.end === undefined || isTime(v.end))
  ) {
    throw new TranscriptFormatError(
      'invalid',
      `word ${i + 1} needs "text" and a numeric "start" (and "end" or null)`,
    );
  }
  return { text: v.text, start: v.start, end: isTime(v.end) ? v.end : null };
}

/** Reads optional { start, end } spans, skipping malformed entries rather than failing. */
function readSpans(v: unknown): Pause[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v
    .filter((p): p is Json => isObject(p) && isTime(p.start) && isTime(p.end))
    .map((p) => ({ start: p.start as number, end: p.end as number }));
}

function readFillers(v: unknown): Filler[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v
    .filter(
      (f): f is Json =>
        isObject(f) && typeof f.text === 'string' && isTime(f.start) && isTime(f.end),
    )
    .map((f) => ({
      text: f.text as string,
      start: f.start as number,
      end: f.end as number,
      kind: f.kind === 'possible' ? 'possible' : 'word',
    }));
}

function readNative(doc: Json): JsonTranscript {
  const words = (doc.words as unknown[]).map(readWord);
  return {
    format: 'native',
    words,
    duration: isTime(doc.duration) ? doc.duration : undefined,
    pauses: readSpans(doc.pauses),
    fillers: readFillers(doc.fillers),
  };
}

function readAsr(doc: Json): JsonTranscript {
  const chunks = doc.chunks as unknown[];
  const words: TimedWord[] = [];
  chunks.forEach((c, i) => {
    const stamp = isObject(c) ? c.timestamp : undefined;
    if (!isObject(c) || typeof c.text !== 'string' || !Array.isArray(stamp) || !isTime(stamp[0])) {
      throw new TranscriptFormatError(
        'invalid',
        `chunk ${i + 1} needs "text" and "timestamp": [start, end]`,
      );
    }
    const start = stamp[0];
    const next = chunks[i + 1];
    const nextStart =
      isObject(next) && Array.isArray(next.timestamp) && isTime(next.timestamp[0])
        ? next.timestamp[0]
        : undefined;
    const count = c.text.trim().split(/\s+/).length;
    // Whisper leaves the last end open (null); close it at the next chunk or after a plausible speaking time.
    const end = isTime(stamp[1]) ? stamp[1] : (nextStart ?? start + 0.35 * count);
    if (end < start)
      throw new TranscriptFormatError('times-backwards', `chunk ${i + 1} ends before it starts`);
    if (count === 1)
      words.push({ text: c.text.trim(), start, end: isTime(stamp[1]) ? stamp[1] : null });
    else words.push(...spreadWords(c.text, start, end));
  });
  return { format: 'asr', words };
}

/** Reads a parsed JSON value as a transcript, or returns undefined when it is neither form. */
export function readJsonTranscript(value: unknown): JsonTranscript | undefined {
  // Transformers.js returns an array when given a batch; a single recording is its first item.
  const doc: unknown = Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value;
  if (!isObject(doc)) return undefined;
  if (Array.isArray(doc.words)) return readNative(doc);
  if (Array.isArray(doc.chunks)) return readAsr(doc);
  return undefined;
}
