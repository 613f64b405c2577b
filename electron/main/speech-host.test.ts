/** The utility-process host with `electron` mocked: message wiring, crash and restart. */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transcript } from '../../core/transcript';
import type { SpeechClientMessage } from '../../speech/protocol';

class FakeChild extends EventEmitter {
  readonly received: SpeechClientMessage[] = [];
  postMessage = vi.fn((message: SpeechClientMessage) => this.received.push(message));
  kill = vi.fn(() => true);
}

const forked = vi.hoisted(() => ({ children: [] as unknown[], args: [] as unknown[][] }));
vi.mock('electron', () => {
  const utilityProcess = {
    fork: vi.fn((...args: unknown[]) => {
      const child = new FakeChild();
      forked.children.push(child);
      forked.args.push(args);
      return child;
    }),
  };
  return { utilityProcess, default: { utilityProcess } };
});

const { SpeechProcessHost } = await import('./speech-host');

const transcript: Transcript = {
  schemaVersion: 1,
  duration: 3,
  words: [{ text: 'hello', start: 2.5, end: 2.9 }],
  segments: [],
  pauses: [],
  fillers: [],
  model: 'whisper-tiny.en',
};
const lastChild = () => forked.children.at(-1) as FakeChild;

describe('SpeechProcessHost', () => {
  beforeEach(() => {
    forked.children.length = 0;
    forked.args.length = 0;
  });

  it('forks the speech process once and matches replies to requests', async () => {
    const host = new SpeechProcessHost('/app/out/main/speech-process.js', '/data/models');
    const samples = new Float32Array([0.1, -0.2, 0.3]);
    const pending = host.transcribe('/data/models/whisper-tiny.en', samples, 2);
    const child = lastChild();
    expect(forked.args[0]).toEqual([
      '/app/out/main/speech-process.js',
      ['/data/models'],
      expect.objectContaining({ serviceName: 'Pitchpace speech' }),
    ]);
    const request = child.received[0];
    expect(request).toMatchObject({
      type: 'transcribe',
      modelId: '/data/models/whisper-tiny.en',
      offsetSeconds: 2,
    });
    expect(Array.from((request as { samples: Float32Array }).samples)).toEqual(Array.from(samples));
    child.emit('message', {
      id: (request as { id: number }).id,
      type: 'transcribe',
      result: { transcript },
    });
    await expect(pending).resolves.toEqual(transcript);

    const second = host.transcribe('/m', new Float32Array(1), 0);
    expect(forked.children).toHaveLength(1);
    const id = (child.received[1] as { id: number }).id;
    child.emit('message', {
      id,
      type: 'error',
      error: { name: 'ModelFilesError', message: 'config.json is missing', file: 'config.json' },
    });
    await expect(second).rejects.toMatchObject({
      message: 'config.json is missing',
      file: 'config.json',
    });
  });

  it('fails outstanding requests when the process dies, and restarts on the next one', async () => {
    const host = new SpeechProcessHost('/entry.js', '/models');
    const pending = host.transcribe('/m', new Float32Array(1), 0);
    lastChild().emit('exit', 137);
    await expect(pending).rejects.toThrow(
      /speech process stopped \(exit code 137\).*restarts on the next request/,
    );
    void host.transcribe('/m', new Float32Array(1), 0);
    expect(forked.children).toHaveLength(2);
    host.stop();
    expect(lastChild().kill).toHaveBeenCalled();
  });
});
