import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../../scripts/fixture-model/make-fixture';
import { makeSpeechClip } from '../../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../../scripts/fixture-model/test-support';
import type { TimedWord } from '../../core/transcript';
import { transcribeRecording, type WindowRecognizer } from '../windowing';
import { readAudioFile } from './audio-file';
import { loadLocalWhisper } from './load-whisper';
import { ModelFilesError } from './model-files-error';
import { loadSileroVadNode } from './silero-node';
import { TranscriberPool } from './transcriber-pool';

const SCRIPT = [
  { start: 0.0, end: 2.4, text: ' Hello world.' },
  { start: 2.4, end: 5.0, text: ' This is a scripted fixture.' },
];
const PHRASES = [
  'So I led the migration of our payments service.',
  'We cut the deploy time from forty minutes to six.',
  'The team kept shipping every single day.',
  'I owned the rollout plan and the runbooks.',
];

/** Counts how many windows a recogniser had in hand at once. */
function counting(recognizer: WindowRecognizer): WindowRecognizer & { most: number } {
  let open = 0;
  const counter = {
    modelId: recognizer.modelId,
    ...(recognizer.parallelWindows ? { parallelWindows: recognizer.parallelWindows } : {}),
    most: 0,
    async transcribe(samples: Float32Array): Promise<TimedWord[]> {
      counter.most = Math.max(counter.most, ++open);
      try {
        return await recognizer.transcribe(samples);
      } finally {
        open--;
      }
    },
  };
  return counter;
}

describe('TranscriberPool (two pipelines in worker threads)', () => {
  let dir = '';
  let pool: TranscriberPool;
  let samples: Float32Array;

  beforeAll(async () => {
    dir = freshGeneratedDir('transcriber-pool-test');
    makeFixture(path.join(dir, 'fixture'), { segments: SCRIPT });
    pool = await TranscriberPool.start(path.join(dir, 'fixture'), {
      modelsRoot: dir,
      fix: 'regenerate it',
      workers: 2,
    });
    // long pauses: about one window a phrase, so there are windows to run side by side
    const parts = Array.from({ length: 8 }, (_, i) => [
      { say: PHRASES[i % PHRASES.length] ?? '' },
      { silence: 1.6 },
    ]).flat();
    samples = (await readAudioFile(makeSpeechClip(dir, 'phrases', parts).wav)).samples;
  });
  afterAll(() => pool.dispose());

  it('gives the same transcript as one pipeline, running windows side by side', async () => {
    const vad = await loadSileroVadNode();
    const single = await loadLocalWhisper(path.join(dir, 'fixture'), {
      modelsRoot: dir,
      fix: 'regenerate it',
    });
    try {
      const one = await transcribeRecording(samples, single, vad.createStream());
      const parallel = counting(pool);
      const two = await transcribeRecording(samples, parallel, vad.createStream());
      expect(pool.parallelWindows).toBe(2);
      expect(two.words.length).toBeGreaterThanOrEqual(4 * 7); // several windows' worth
      expect(two).toEqual(one);
      expect(parallel.most).toBeGreaterThanOrEqual(2);
    } finally {
      await single.dispose();
      await vad.release();
    }
  });

  it('fails to start as loading one pipeline fails: a ModelFilesError naming the file', async () => {
    const error: unknown = await TranscriberPool.start(path.join(dir, 'missing'), {
      modelsRoot: dir,
      fix: 'download it',
      workers: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFilesError);
    expect((error as ModelFilesError).message).toMatch(/missing.*Fix: download it/);
    expect((error as ModelFilesError).file).toContain('missing');
  });
});
