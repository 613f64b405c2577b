/**
 * SRT and WebVTT subtitles: each cue's words are spread over the cue's time span.
 */
import type { TimedWord } from '../transcript';
import { TranscriptFormatError } from './errors';
import { spreadWords } from './spread';

/** "00:01:02,500", "01:02.500", "1:02:03.4" → seconds. */
function parseTimestamp(stamp: string): number | undefined {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(stamp.trim());
  if (!m) return undefined;
  const [, h, min, s, frac] = m;
  return (
    Number(h ?? 0) * 3600 +
    Number(min) * 60 +
    Number(s) +
    (frac ? Number(frac.padEnd(3, '0')) / 1000 : 0)
  );
}

const ARROW = /^\s*(\S+)\s+-->\s+(\S+)/;

/** Removes markup from a cue line: <v Speaker>, <i>, <00:00:01.000>, {\an8}. */
function cleanCueText(line: string): string {
  return line
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

/** True when the text looks like subtitles: some line holds a "start --> end" timing. */
export function looksLikeSubtitles(text: string): boolean {
  return text.split(/\r?\n/, 40).some((l) => ARROW.test(l) && l.includes('-->'));
}

/** Parses SRT or WebVTT text into timed words. */
export function parseSubtitles(text: string): TimedWord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const words: TimedWord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const timing = ARROW.exec(lines[i] ?? '');
    if (!timing) continue;
    const start = parseTimestamp(timing[1] ?? '');
    const end = parseTimestamp(timing[2] ?? '');
    if (start === undefined || end === undefined) {
      throw new TranscriptFormatError(
        'invalid',
        `bad cue timing on line ${i + 1}: "${(lines[i] ?? '').trim()}"`,
      );
    }
    if (end < start) {
      throw new TranscriptFormatError(
        'times-backwards',
        `cue on line ${i + 1} ends before it starts`,
      );
    }
    const body: string[] = [];
    for (i++; i < lines.length && (lines[i] ?? '').trim() !== ''; i++)
      body.push(cleanCueText(lines[i] ?? ''));
    words.push(...spreadWords(body.join(' '), start, end));
  }
  return words;
}
