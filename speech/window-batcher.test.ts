import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimedWord } from '../core/transcript';
import { makeFixture } from '../scripts/fixture-model/make-fixture';
import { makeSpeechClip } from '../scripts/fixture-model/speech-audio';
import { freshGeneratedDir, SAMPLE_RATE } from '../scripts/fixture-model/test-support';
import { readAudioFile } from './node/audio-file';
import { loadLocalWhisper } from './node/load-whisper';
import { loadSileroVadNode } from './node/silero-node';
import type { WhisperTranscriber } from './transcriber';
import type { SileroVad } from './vad';
import { WindowBatcher, type BatchRecognizer } from './window-batcher';
import { StreamingTranscriber, transcribeRecording } from './windowing';

/** Records the groups it gets; each window's "words" name its length, so answers can be matched. */
class RecordingRecognizer implements BatchRecognizer {
  readonly modelId = 'fake';
  readonly groups: number[][] = [];
  running = 0;
  mostAtOnce = 0;
  failNext = false;
  constructor(readonly parallelWindows = 1) {}

  async transcribeBatch(windows: Float32Array[]): Promise<TimedWord[][]> {
    this.groups.push(windows.map((w) => w.length));
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.running--;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('decoder failed');
    }
    return windows.map((w) => [{ text: `len${w.length}`, start: 0, end: 1 }]);
  }
}

const windowOf = (length: number) => new Float32Array(length);

describe('WindowBatcher', () => {
  it('groups windows by arrival, runs full groups at once and the rest on flush', async () => {
    const inner = new RecordingRecognizer();
    const batcher = new WindowBatcher(inner, 2);
    const answers = [1, 2, 3, 4, 5].map((n) => batcher.transcribe(windowOf(n)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(inner.groups).toEqual([
      [1, 2],
      [3, 4],
    ]); // the fifth waits for company…
    batcher.flush(); // …until no more windows are coming
    const words = await Promise.all(answers);
    expect(inner.groups.at(-1)).toEqual([5]);
    expect(words.map((w) => w[0]?.text)).toEqual(['len1', 'len2', 'len3', 'len4', 'len5']);
    expect(inner.mostAtOnce).toBe(1); // one pipeline: one group at a time
    expect(batcher.parallelWindows).toBe(4);
  });

  it('runs groups side by side on a pool, and a failed group rejects only its windows', async () => {
    const inner = new RecordingRecognizer(2);
    const batcher = new WindowBatcher(inner, 2);
    inner.failNext = true;
    const answers = [1, 2, 3, 4].map((n) => batcher.transcribe(windowOf(n)));
    const settled = await Promise.allSettled(answers);
    expect(inner.mostAtOnce).toBe(2);
    expect(settled.map((s) => s.status)).toEqual([
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(batcher.parallelWindows).toBe(6);
  });
});

describe('WindowBatcher in the windowing (real pipeline and Silero VAD)', () => {
  let dir = '';
  let transcriber: WhisperTranscriber;
  let vad: SileroVad;
  let samples: Float32Array;

  beforeAll(async () => {
    dir = freshGeneratedDir('window-batcher-test');
    makeFixture(path.join(dir, 'fixture'), {
      segments: [
        { start: 0.0, end: 2.4, text: ' Hello world.' },
        { start: 2.4, end: 5.0, text: ' This is a scripted fixture.' },
      ],
    });
    transcriber = await loadLocalWhisper(path.join(dir, 'fixture'), {
      modelsRoot: dir,
      fix: 'regenerate it',
    });
    vad = await loadSileroVadNode();
    // five phrases, each closed by a long pause: five windows
    const phrases = [
      'So I led the migration of our payments service.',
      'We cut the deploy time from forty minutes to six.',
      'The team kept shipping every single day.',
      'I owned the rollout plan and the runbooks.',
      'It paid for itself within a quarter.',
    ];
    const clip = makeSpeechClip(
      dir,
      'five-phrases',
      phrases.flatMap((say) => [{ say }, { silence: 1.8 }]),
    );
    samples = (await readAudioFile(clip.wav)).samples;
  });
  afterAll(async () => {
    await transcriber.dispose();
    await vad.release();
  });

  it('gives a file the transcript one window at a time gives, in batches of 2 and of 4', async () => {
    const windows: number[] = [];
    const alone = await transcribeRecording(samples, transcriber, vad.createStream(), (w) =>
      windows.push(w.index),
    );
    expect(windows.length).toBeGreaterThanOrEqual(4);
    for (const size of [2, 4]) {
      const batched = await transcribeRecording(
        samples,
        new WindowBatcher(transcriber, size),
        vad.createStream(),
      );
      expect(batched).toEqual(alone);
    }
  });

  it('does not hold a live window back: idle() and Stop start a partial group', async () => {
    const streaming = new StreamingTranscriber(
      new WindowBatcher(transcriber, 4),
      vad.createStream(),
    );
    const live: number[] = [];
    streaming.on('words', (w) => live.push(w.index));
    const half = Math.floor(samples.length / 2);
    for (let offset = 0; offset < half; offset += SAMPLE_RATE / 10)
      streaming.push(samples.subarray(offset, Math.min(offset + SAMPLE_RATE / 10, half)));
    await streaming.idle(); // would wait forever for a group of 4 without the flush
    expect(live.length).toBeGreaterThanOrEqual(1);
    streaming.push(samples.subarray(half));
    const transcript = await streaming.finish();
    expect(transcript).toEqual(await transcribeRecording(samples, transcriber, vad.createStream()));
  });
});
