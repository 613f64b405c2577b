import { describe, expect, it } from 'vitest';
import { TranscriptFormatError, parseTranscriptFile } from './index';

const errorOf = (text: string, name?: string): TranscriptFormatError => {
  try {
    parseTranscriptFile(text, name);
  } catch (error) {
    if (error instanceof TranscriptFormatError) return error;
    throw error;
  }
  throw new Error('expected a TranscriptFormatError');
};

describe('parseTranscriptFile', () => {
  it('reads the native form, needing only words and ignoring unknown keys', () => {
    const text = JSON.stringify({
      words: [
        { text: 'Hello', start: 0.1, end: 0.4 },
        { text: 'there.', start: 0.5, end: null },
      ],
      extra: 1,
    });
    const t = parseTranscriptFile(text, 'a.json');
    expect(t.format).toBe('native');
    expect(t.words).toEqual([
      { text: 'Hello', start: 0.1, end: 0.4 },
      { text: 'there.', start: 0.5, end: null },
    ]);
    expect(t.pauses).toBeUndefined();
  });

  it('keeps duration, pauses and fillers of a full native transcript', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      duration: 3,
      words: [{ text: 'um', start: 0, end: 0.3 }],
      pauses: [{ start: 0.3, end: 2 }],
      fillers: [{ text: 'um', start: 0, end: 0.3, kind: 'word' }],
      segments: [],
      model: null,
    });
    const t = parseTranscriptFile(text);
    expect(t).toMatchObject({
      duration: 3,
      pauses: [{ start: 0.3, end: 2 }],
      fillers: [{ text: 'um', kind: 'word' }],
    });
  });

  it('reads Transformers.js ASR output with word or phrase chunks and an open last end', () => {
    const text = JSON.stringify({
      text: ' I led the team.',
      chunks: [
        { text: ' I', timestamp: [0, 0.2] },
        { text: ' led the team.', timestamp: [0.3, null] },
      ],
    });
    const t = parseTranscriptFile(text, 'asr.json');
    expect(t.format).toBe('asr');
    expect(t.words.map((w) => w.text)).toEqual(['I', 'led', 'the', 'team.']);
    expect(t.words[3]?.end).toBeGreaterThan(t.words[3]?.start ?? Infinity);
  });

  it('reads SRT and spreads cue words over the cue time', () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:03,000\nHello there\n\n2\n00:00:03,500 --> 00:00:04,000\n<i>Bye</i>\n';
    const t = parseTranscriptFile(srt, 'talk.srt');
    expect(t.format).toBe('srt');
    expect(t.words.map((w) => w.text)).toEqual(['Hello', 'there', 'Bye']);
    expect(t.words[0]?.start).toBe(1);
    expect(t.words[1]?.end).toBe(3);
  });

  it('reads WebVTT with short timestamps and voice tags', () => {
    const vtt = 'WEBVTT\n\nintro\n00:01.000 --> 00:02.000\n<v Sam>Hi all\n';
    const t = parseTranscriptFile(vtt, 'talk.vtt');
    expect(t.format).toBe('vtt');
    expect(t.words.map((w) => w.text)).toEqual(['Hi', 'all']);
  });

  it('rejects unknown formats, no words and times going backwards with a one-line message', () => {
    expect(errorOf('just some text').code).toBe('unknown-format');
    expect(errorOf('{"foo": 1}').code).toBe('unknown-format');
    expect(errorOf(JSON.stringify({ words: [] })).code).toBe('no-words');
    const backwards = JSON.stringify({
      words: [
        { text: 'a', start: 2, end: 2.2 },
        { text: 'b', start: 1, end: 1.2 },
      ],
    });
    const e = errorOf(backwards);
    expect(e.code).toBe('times-backwards');
    expect(e.message).not.toContain('\n');
    expect(errorOf('1\n00:00:03,000 --> 00:00:01,000\nx\n').code).toBe('times-backwards');
  });
});
