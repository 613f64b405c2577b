/**
 * Transcript files from Pitchpace or other tools: the native JSON form, Transformers.js ASR
 * output, SRT and WebVTT. One entry point detects the format and checks the words.
 */
import type { Filler, Pause, TimedWord } from '../transcript';
import { TranscriptFormatError } from './errors';
import { readJsonTranscript } from './json-forms';
import { looksLikeSubtitles, parseSubtitles } from './subtitles';

export { TranscriptFormatError, type TranscriptErrorCode } from './errors';

/** Transcript formats the reader recognises. */
export type TranscriptFileFormat = 'native' | 'asr' | 'srt' | 'vtt';

/** A transcript read from a file: words plus whatever timing extras the file carried. */
export interface ParsedTranscript {
  format: TranscriptFileFormat;
  words: TimedWord[];
  duration?: number;
  pauses?: Pause[];
  fillers?: Filler[];
}

/** Allowed jitter before a start time counts as going backwards (recognisers round times). */
const TOLERANCE = 0.005;

function checkWords(words: readonly TimedWord[]): void {
  if (!words.some((w) => w.text.trim().length > 0))
    throw new TranscriptFormatError('no-words', 'the transcript has no words');
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as TimedWord;
    const prev = words[i - 1];
    if (prev && w.start < prev.start - TOLERANCE) {
      throw new TranscriptFormatError(
        'times-backwards',
        `times go backwards at word ${i + 1} ("${w.text.trim()}" starts at ${w.start}s, before ${prev.start}s)`,
      );
    }
    if (w.end !== null && w.end < w.start - TOLERANCE) {
      throw new TranscriptFormatError(
        'times-backwards',
        `word ${i + 1} ("${w.text.trim()}") ends before it starts`,
      );
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a transcript file's text. `fileName` only breaks ties (".srt", ".vtt"); the content
 * decides. Throws TranscriptFormatError for an unknown format, no words, or times going backwards.
 */
export function parseTranscriptFile(text: string, fileName?: string): ParsedTranscript {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  let parsed: ParsedTranscript | undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJsonTranscript(parseJson(trimmed));
    if (json) parsed = json;
  } else if (trimmed.startsWith('WEBVTT') || /\.vtt$/i.test(fileName ?? '')) {
    parsed = { format: 'vtt', words: parseSubtitles(body) };
  } else if (looksLikeSubtitles(body)) {
    parsed = { format: 'srt', words: parseSubtitles(body) };
  }
  if (!parsed) {
    throw new TranscriptFormatError(
      'unknown-format',
      'unknown transcript format (expected Pitchpace JSON, Transformers.js ASR JSON, SRT or WebVTT)',
    );
  }
  checkWords(parsed.words);
  return parsed;
}
