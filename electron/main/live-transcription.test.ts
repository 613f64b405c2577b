import { describe, expect, it, vi } from 'vitest';
import type { Transcript } from '../../core/transcript';
import type { RecordingSession, SessionCallbacks } from '../../speech/client';
import { LiveTranscriptions } from './live-transcription';
import type { SessionOwner } from './live-transcription';

const transcript = {
  schemaVersion: 1,
  duration: 1,
  words: [],
  segments: [],
  pauses: [],
  fillers: [],
  model: 'm',
} satisfies Transcript;

const setup = () => {
  const opened: {
    folder: string;
    callbacks: SessionCallbacks;
    push: ReturnType<typeof vi.fn>;
    cancel: ReturnType<typeof vi.fn>;
  }[] = [];
  const startSession = vi.fn((folder: string, callbacks: SessionCallbacks) => {
    const push = vi.fn();
    const cancel = vi.fn(() => Promise.resolve());
    const session: RecordingSession = {
      id: opened.length + 100,
      push,
      finish: () => Promise.resolve(transcript),
      cancel,
    };
    opened.push({ folder, callbacks, push, cancel });
    return Promise.resolve(session);
  });
  const events = { onWindow: vi.fn(), onError: vi.fn() };
  const destroyed = new Map<number, () => void>();
  const owner = (id: number): SessionOwner => ({
    id,
    once: (_event: 'destroyed', listener: () => void) => destroyed.set(id, listener),
  });
  return { live: new LiveTranscriptions(startSession, events), opened, events, destroyed, owner };
};

describe('LiveTranscriptions', () => {
  it('feeds and finishes a session for the window that opened it, and only that window', async () => {
    const { live, opened, owner } = setup();
    const window1 = owner(1);
    const id = await live.start(window1, '/models/whisper-base.en');
    expect(opened[0]?.folder).toBe('/models/whisper-base.en');
    const samples = new Float32Array(1600);
    expect(live.push(1, id, samples)).toBe(true);
    expect(opened[0]?.push).toHaveBeenCalledWith(samples);
    expect(live.push(2, id, samples)).toBe(false); // another window cannot feed it
    await expect(live.finish(2, id)).rejects.toThrow(`No live transcription ${id}`);
    await expect(live.finish(1, id)).resolves.toBe(transcript);
    expect(live.push(1, id, samples)).toBe(false); // finished
  });

  it('forwards windows and errors with the registry id; an error ends the session', async () => {
    const { live, opened, events, owner } = setup();
    const window1 = owner(1);
    const id = await live.start(window1, '/m');
    const words = { index: 0, start: 0, end: 4.2, words: [{ text: 'hi', start: 0.5, end: 0.8 }] };
    opened[0]?.callbacks.onWords?.(words);
    expect(events.onWindow).toHaveBeenCalledWith(window1, id, words);
    opened[0]?.callbacks.onError?.(new Error('speech process stopped'));
    expect(events.onError).toHaveBeenCalledWith(window1, id, 'speech process stopped');
    expect(live.push(1, id, new Float32Array(1))).toBe(false);
  });

  it("cancels a window's sessions when the window is destroyed", async () => {
    const { live, opened, destroyed, owner } = setup();
    const a = await live.start(owner(1), '/m');
    await live.start(owner(2), '/m');
    destroyed.get(1)?.();
    expect(opened[0]?.cancel).toHaveBeenCalled();
    expect(opened[1]?.cancel).not.toHaveBeenCalled();
    expect(await live.cancel(1, a)).toBe(false);
  });
});
