import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../scripts/fixture-model/make-fixture';
import { makeSpeechClip } from '../scripts/fixture-model/speech-audio';
import { freshGeneratedDir, SAMPLE_RATE } from '../scripts/fixture-model/test-support';
import { SpeechClient } from './client';
import { readAudioFile } from './node/audio-file';
import { createNodeSpeechHost } from './node/node-speech-host';
import type { SpeechHostMessage } from './protocol';
import type { WindowWords } from './windowing';

/** Client and Node host joined by a structured-clone channel, as a worker or utility process joins them. */
function connect(modelsRoot: string): { client: SpeechClient; events: SpeechHostMessage[] } {
  const events: SpeechHostMessage[] = [];
  let client: SpeechClient | null = null;
  const host = createNodeSpeechHost({
    modelsRoot,
    fix: 'run npm run models -- <id>',
    post: (message) => {
      const copy = structuredClone(message);
      events.push(copy);
      setTimeout(() => client?.receive(copy), 0);
    },
  });
  client = new SpeechClient((message, transfer) => {
    const copy = structuredClone(message, { transfer });
    setTimeout(() => void host.handle(copy), 0);
  });
  return { client, events };
}

describe('speech host over a message channel (Node host, real pipeline and VAD)', () => {
  let root = '';
  let samples: Float32Array;
  let channel: ReturnType<typeof connect>;

  beforeAll(async () => {
    root = freshGeneratedDir('host-test');
    makeFixture(path.join(root, 'fixture'), {
      segments: [{ start: 0, end: 2.4, text: ' Hello world.' }],
    });
    const clip = makeSpeechClip(root, 'speech', [
      { say: 'So I led the migration of our payments service.' },
      { silence: 1.5 },
      { say: 'We cut the deploy time from forty minutes to six.' },
      { silence: 0.5 },
    ]);
    samples = (await readAudioFile(clip.wav)).samples;
    channel = connect(root);
  });
  afterAll(() => channel.client.dispose());

  it('loads a model with progress, streams a session with live words, and finishes with the transcript', async () => {
    const progress: string[] = [];
    const loaded = await channel.client.load('fixture', (p) => progress.push(p.status));
    expect(progress).toContain('ready');
    // the Node host loads on onnxruntime-node, and says so
    expect(loaded).toEqual({ modelId: 'fixture', device: 'cpu' });
    const live: WindowWords[] = [];
    const session = await channel.client.startSession({ onWords: (w) => live.push(w) });
    for (let offset = 0; offset < samples.length; offset += SAMPLE_RATE / 5) {
      session.push(samples.subarray(offset, offset + SAMPLE_RATE / 5));
    }
    const transcript = await session.finish();
    expect(live).toHaveLength(2);
    expect(transcript.words).toEqual(live.flatMap((w) => w.words));
    expect(transcript.words.map((w) => w.text)).toEqual(['Hello', 'world.', 'Hello', 'world.']);
    expect(transcript.model).toBe('fixture');
  });

  it('transcribes a whole clip in one request, offset into the recording, with the same words', async () => {
    const streamed = await channel.client.transcribe('fixture', samples, 0);
    const offset = await channel.client.transcribe('fixture', samples, 60);
    expect(offset.words).toEqual(
      streamed.words.map((w) => ({ ...w, start: w.start + 60, end: (w.end ?? 0) + 60 })),
    );
    expect(offset.duration).toBeCloseTo(streamed.duration + 60, 3);
  });

  it('replies with { error } naming the problem, and keeps working afterwards', async () => {
    const failed = channel.client.load('no-such-model');
    await expect(failed).rejects.toMatchObject({
      name: 'ModelFilesError',
      message: expect.stringContaining('no-such-model') as string,
    });
    await expect(channel.client.startSession()).rejects.toThrow(/No model is loaded/);
    channel.client.receive({ id: 999, type: 'error', error: { name: 'Error', message: 'stray' } }); // ignored
    const errors = channel.events.filter((e) => e.type === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    await channel.client.load('fixture');
    const session = await channel.client.startSession();
    await session.cancel();
    await expect(session.finish()).rejects.toThrow(/No recording session/);
  });
});
