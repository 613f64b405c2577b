/**
 * The desktop speech path without Electron: SpeechProcessHost (main) ↔ a structured-clone
 * bridge standing in for the utility process ↔ the real speech-process entry, running the real
 * Transformers.js pipeline on the generated fixture and Silero VAD on espeak-ng speech.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFixture } from '../../scripts/fixture-model/make-fixture';
import { makeSpeechClip } from '../../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../../scripts/fixture-model/test-support';
import { readAudioFile } from '../../speech/node/audio-file';

const bridge = vi.hoisted(() => ({ forks: [] as { entry: string; args: string[] }[] }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const fork = (entry: string, args: string[]) => {
    bridge.forks.push({ entry, args });
    const child = new Emitter();
    const port = new Emitter();
    const toChild: unknown[] = [];
    let ready = false;
    // What the utility process sees as process.parentPort; messages cross as structured clones.
    Object.assign(port, {
      postMessage: (message: unknown) => child.emit('message', structuredClone(message)),
    });
    Object.defineProperty(process, 'parentPort', { value: port, configurable: true });
    const argv = process.argv;
    process.argv = [argv[0] ?? 'node', entry, ...args];
    void import('./speech-process').then(() => {
      process.argv = argv;
      ready = true;
      for (const message of toChild.splice(0)) port.emit('message', { data: message });
    });
    return Object.assign(child, {
      postMessage: (message: unknown) => {
        const copy = structuredClone(message);
        if (ready) port.emit('message', { data: copy });
        else toChild.push(copy);
      },
      kill: () => true,
    });
  };
  return { utilityProcess: { fork }, default: { utilityProcess: { fork } } };
});

const { SpeechProcessHost } = await import('./speech-host');

describe('speech utility process entry (bridged in-process)', () => {
  let dir = '';
  let samples: Float32Array = new Float32Array(0);
  let host: InstanceType<typeof SpeechProcessHost>;

  beforeAll(async () => {
    dir = freshGeneratedDir('electron-speech-process');
    makeFixture(path.join(dir, 'whisper-base.en'), {
      segments: [{ start: 0, end: 2.4, text: ' Hello world.' }],
    });
    const clip = makeSpeechClip(dir, 'phrase', [
      { silence: 0.3 },
      { say: 'So I led the migration of our payments service.' },
      { silence: 2 },
    ]);
    samples = (await readAudioFile(clip.wav)).samples;
    host = new SpeechProcessHost('/app/out/main/speech-process.js', dir);
  });
  afterAll(() => {
    host.stop();
    Reflect.deleteProperty(process, 'parentPort');
  });

  it('transcribes a clip with the model folder main resolved, offset into the recording', async () => {
    const transcript = await host.transcribe(path.join(dir, 'whisper-base.en'), samples, 10);
    expect(bridge.forks).toEqual([{ entry: '/app/out/main/speech-process.js', args: [dir] }]);
    expect(transcript.model).toBe('whisper-base.en');
    expect(transcript.words.map((word) => word.text)).toEqual(['Hello', 'world.']);
    expect(transcript.words[0]?.start).toBeGreaterThanOrEqual(10);
  });

  it('streams a recording pushed in 100-ms chunks and gives the same words at finish', async () => {
    const windows: unknown[] = [];
    const session = await host.startSession(path.join(dir, 'whisper-base.en'), {
      onWords: (words) => windows.push(words),
    });
    for (let at = 0; at < samples.length; at += 1600) session.push(samples.subarray(at, at + 1600));
    const transcript = await session.finish();
    expect(transcript.words.map((word) => word.text)).toEqual(['Hello', 'world.']);
    expect(windows.length).toBeGreaterThanOrEqual(1);
    expect(bridge.forks).toHaveLength(1); // one process serves both requests
  });

  it('reports a broken model folder with the file at fault', async () => {
    await expect(host.transcribe(path.join(dir, 'missing-model'), samples, 0)).rejects.toThrow(
      /no model folder/,
    );
  });
});
