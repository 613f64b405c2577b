import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../scripts/fixture-model/make-fixture';
import { makeSpeechClip, type SpeechClip } from '../scripts/fixture-model/speech-audio';
import { freshGeneratedDir, SAMPLE_RATE } from '../scripts/fixture-model/test-support';
import type { TimedWord } from '../core/transcript';
import { readAudioFile } from './node/audio-file';
import { loadLocalWhisper } from './node/load-whisper';
import { loadSileroVadNode } from './node/silero-node';
import type { WhisperTranscriber } from './transcriber';
import type { SileroVad } from './vad';
import { DEFAULT_WINDOW_CUT_OPTIONS } from './window-cutter';
import {
  StreamingTranscriber,
  transcribeRecording,
  type StreamingTranscriberEvents,
} from './windowing';

/** The fixture's script (repeated in every window, timed from the window's start). */
const SCRIPT = [
  { start: 0.0, end: 2.4, text: ' Hello world.' },
  { start: 2.4, end: 5.0, text: ' This is a scripted fixture.' },
];
const SCRIPT_WORDS = [
  { text: 'Hello', start: 0, end: 1.2 },
  { text: 'world.', start: 1.2, end: 2.4 },
  { text: 'This', start: 2.4, end: 2.92 },
  { text: 'is', start: 2.92, end: 3.44 },
  { text: 'a', start: 3.44, end: 3.96 },
  { text: 'scripted', start: 3.96, end: 4.48 },
  { text: 'fixture.', start: 4.48, end: 5 },
];
const round = (t: number): number => Math.round(t * 1000) / 1000;
/** What the windowing should give for one window: script words starting inside it, offset, ends clamped. */
const expectedWindowWords = (start: number, end: number): TimedWord[] =>
  SCRIPT_WORDS.filter((w) => w.start < end - start).map((w) => ({
    text: w.text,
    start: round(start + w.start),
    end: round(start + Math.min(w.end, end - start)),
  }));

const PHRASES = [
  'So I led the migration of our payments service.',
  'We cut the deploy time from forty minutes to six.',
  'The team kept shipping every single day.',
  'I owned the rollout plan and the runbooks.',
];

describe('streaming windowing with the real pipeline and Silero VAD', () => {
  let dir = '';
  let transcriber: WhisperTranscriber;
  let vad: SileroVad;
  let twoPhrases: SpeechClip;
  let twoPhraseSamples: Float32Array;

  beforeAll(async () => {
    dir = freshGeneratedDir('windowing-test');
    makeFixture(path.join(dir, 'fixture'), { segments: SCRIPT });
    transcriber = await loadLocalWhisper(path.join(dir, 'fixture'), {
      modelsRoot: dir,
      fix: 'regenerate it',
    });
    vad = await loadSileroVadNode();
    twoPhrases = makeSpeechClip(dir, 'two-phrases', [
      { silence: 0.3 },
      { say: PHRASES[0] ?? '' },
      { silence: 1.6 },
      { say: PHRASES[1] ?? '' },
      { silence: 1.0 },
    ]);
    twoPhraseSamples = (await readAudioFile(twoPhrases.wav)).samples;
  });
  afterAll(async () => {
    await transcriber.dispose();
    await vad.release();
  });

  it('closes a window at a real pause while recording, and at Stop only the last window remains', async () => {
    const streaming = new StreamingTranscriber(transcriber, vad.createStream());
    const events: Array<StreamingTranscriberEvents['words']> = [];
    const windows: Array<StreamingTranscriberEvents['window']> = [];
    streaming.on('words', (w) => events.push(w));
    streaming.on('window', (w) => windows.push(w));
    const firstWords = new Promise<void>((resolve) => streaming.on('words', () => resolve()));
    const chunk = SAMPLE_RATE / 10;
    for (let offset = 0; offset < twoPhraseSamples.length; offset += chunk) {
      streaming.push(twoPhraseSamples.subarray(offset, offset + chunk));
    }
    await firstWords; // the live transcript of the first window arrives before Stop
    expect(events).toHaveLength(1);
    const transcript = await streaming.finish();
    expect(events).toHaveLength(2); // Stop transcribed just the last window

    const [phrase1, phrase2] = twoPhrases.spoken;
    const cut = windows[0]?.end ?? NaN;
    expect(cut).toBeGreaterThan(phrase1?.end ?? NaN); // cut inside the pause, never mid-word
    expect(cut).toBeLessThan(phrase2?.start ?? NaN);
    expect(transcript.words).toEqual([
      ...expectedWindowWords(0, cut),
      ...expectedWindowWords(cut, twoPhrases.duration),
    ]);
    expect(transcript.model).toBe('fixture');
    expect(transcript.duration).toBeCloseTo(twoPhrases.duration, 2);
    expect(transcript.pauses).toHaveLength(1);
    expect(transcript.pauses[0]?.start).toBeCloseTo(phrase1?.end ?? NaN, 0);
  });

  it('gives the same transcript whatever the chunk sizes (app and CLI agree)', async () => {
    const whole = await transcribeRecording(twoPhraseSamples, transcriber, vad.createStream());
    const streaming = new StreamingTranscriber(transcriber, vad.createStream());
    for (
      let offset = 0, size = 777;
      offset < twoPhraseSamples.length;
      offset += size, size = (size * 13) % 4099
    ) {
      streaming.push(twoPhraseSamples.subarray(offset, offset + size));
    }
    expect(await streaming.finish()).toEqual(whole);
  });

  it('chunks long speech into windows of at most maxWindowSeconds, cut between phrases', async () => {
    const parts = Array.from({ length: 14 }, (_, i) => [
      { say: PHRASES[i % PHRASES.length] ?? '' },
      { silence: 0.5 },
    ]).flat();
    const clip = makeSpeechClip(dir, 'long', parts);
    const { samples } = await readAudioFile(clip.wav);
    const streaming = new StreamingTranscriber(transcriber, vad.createStream());
    const windows: Array<StreamingTranscriberEvents['window']> = [];
    streaming.on('window', (w) => windows.push(w));
    for (let offset = 0; offset < samples.length; offset += SAMPLE_RATE)
      streaming.push(samples.subarray(offset, offset + SAMPLE_RATE));
    const transcript = await streaming.finish();

    expect(clip.duration).toBeGreaterThan(40);
    expect(windows.filter((w) => w.transcribed).length).toBeGreaterThanOrEqual(2);
    for (const w of windows) {
      expect(w.end - w.start).toBeLessThanOrEqual(DEFAULT_WINDOW_CUT_OPTIONS.maxWindowSeconds);
      // a window is skipped only when it holds no speech (e.g. trailing silence after the last cut)
      expect(w.transcribed).toBe(clip.spoken.some((s) => s.end > w.start && s.start < w.end));
      const insideSpeech = clip.spoken.some((s) => w.end > s.start + 0.05 && w.end < s.end - 0.05);
      expect(insideSpeech).toBe(false);
    }
    expect(transcript.words).toEqual(
      windows.filter((w) => w.transcribed).flatMap((w) => expectedWindowWords(w.start, w.end)),
    );
  });

  it('transcribes nothing for silence', async () => {
    const streaming = new StreamingTranscriber(transcriber, vad.createStream());
    const windows: boolean[] = [];
    streaming.on('window', (w) => windows.push(w.transcribed));
    streaming.push(new Float32Array(40 * SAMPLE_RATE));
    const transcript = await streaming.finish();
    expect(transcript.words).toEqual([]);
    expect(transcript.segments).toEqual([]);
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.every((t) => !t)).toBe(true);
  });
});
