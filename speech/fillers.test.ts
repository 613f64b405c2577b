import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimedWord } from '../core/transcript';
import { makeFixture } from '../scripts/fixture-model/make-fixture';
import { makeSpeechClip, type SpokenSpan } from '../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../scripts/fixture-model/test-support';
import { fillersPerMinute, fillerWords, possibleFillers } from './fillers';
import { readAudioFile } from './node/audio-file';
import { loadLocalWhisper } from './node/load-whisper';
import { loadSileroVadNode } from './node/silero-node';
import type { SileroVad } from './vad';
import { transcribeRecording } from './windowing';

const grid = (t: number): number => Math.round(t / 0.02) * 0.02;
/** A fixture segment saying `span.text` over the span's time (on the 0.02-s grid). */
const segmentFor = (span: SpokenSpan) => ({
  start: grid(span.start),
  end: grid(span.end),
  text: ` ${span.text}`,
});

describe('a spoken "um" that Whisper leaves out becomes a possible filler', () => {
  let vad: SileroVad;
  beforeAll(async () => {
    vad = await loadSileroVadNode();
  });
  afterAll(() => vad.release());

  it('marks the gap where VAD hears speech and no word is', async () => {
    const dir = freshGeneratedDir('fillers-test');
    const clip = makeSpeechClip(dir, 'um', [
      { silence: 0.3 },
      { say: 'So I led the migration' },
      { silence: 0.35 },
      { say: 'um' },
      { silence: 0.35 },
      { say: 'of our payments service.' },
      { silence: 0.5 },
    ]);
    const [before, um, after] = clip.spoken;
    if (!before || !um || !after) throw new Error('three phrases expected');
    // the script says the words around the "um" and leaves the "um" out, as Whisper does
    makeFixture(path.join(dir, 'fixture'), { segments: [segmentFor(before), segmentFor(after)] });
    const transcriber = await loadLocalWhisper(path.join(dir, 'fixture'), {
      modelsRoot: dir,
      fix: 'regenerate it',
    });
    const { samples } = await readAudioFile(clip.wav);
    const transcript = await transcribeRecording(samples, transcriber, vad.createStream());
    await transcriber.dispose();

    expect(transcript.words.map((w) => w.text).join(' ')).toBe(
      'So I led the migration of our payments service.',
    );
    expect(transcript.fillers).toHaveLength(1);
    const [filler] = transcript.fillers;
    expect(filler?.kind).toBe('possible');
    expect(Math.abs((filler?.start ?? NaN) - um.start)).toBeLessThan(0.1);
    expect(Math.abs((filler?.end ?? NaN) - um.end)).toBeLessThan(0.1);
  });
});

const word = (text: string, start: number, end: number | null = start + 0.3): TimedWord => ({
  text,
  start,
  end,
});

describe('filler words Whisper writes', () => {
  it('finds hesitations, the rubric phrases and a comma-bounded "like", but not "I\'d like to"', () => {
    const words = [
      word('Um,', 0),
      word('I', 0.4),
      word('was,', 0.6),
      word('like,', 0.9),
      word('you', 1.3),
      word('know', 1.5),
      word('basically', 1.9),
      word("I'd", 2.4),
      word('like', 2.6),
      word('to', 2.8),
      word('uh', 3.1, null),
    ];
    expect(fillerWords(words).map((f) => [f.text, f.start, f.kind])).toEqual([
      ['Um,', 0, 'word'],
      ['like,', 0.9, 'word'],
      ['you know', 1.3, 'word'],
      ['basically', 1.9, 'word'],
      ['uh', 3.1, 'word'],
    ]);
  });

  it('ignores speech a word already covers, and stretches too long to be a filler', () => {
    const words = [word('Hello', 1, 1.5), word('there', 1.6, 2)];
    const speech = [
      { start: 0.95, end: 2.05 }, // covered, within edge drift
      { start: 3, end: 6 }, // 3 s with no word: a missed phrase, not a filler
    ];
    expect(possibleFillers(words, speech)).toEqual([]);
  });

  it('counts fillers per minute of recording', () => {
    const filler = { text: 'um', start: 0, end: 0.3, kind: 'word' as const };
    expect(fillersPerMinute([filler, filler, filler], 90)).toBe(2);
    expect(fillersPerMinute([], 0)).toBe(0);
  });
});
