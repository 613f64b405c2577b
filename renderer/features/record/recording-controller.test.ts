import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { microphoneErrorFrom } from '../../audio/microphone';
import type { MicrophoneInput } from '../../audio/microphone-input';
import { createAppStore } from '../../store/app-store';
import { listAttempts, readTrack } from '../../storage/attempts';
import { PitchpaceDatabase } from '../../storage/schema';
import { RecordingController } from './recording-controller';

/** A stand-in microphone: the test feeds audio and moves the clock itself. */
interface FakeMicrophone {
  rate: number;
  clock: number;
  frames: number;
  onChunk: ((samples: Float32Array) => void) | undefined;
  deviceLost: (() => void) | undefined;
  openError: Error | undefined;
}
const fake = vi.hoisted((): FakeMicrophone => ({
  rate: 48_000,
  clock: 0,
  frames: 0,
  onChunk: undefined,
  deviceLost: undefined,
  openError: undefined,
}));

vi.mock('../../audio/microphone-input', () => ({
  MicrophoneInput: {
    open: (deviceId?: string): Promise<Partial<MicrophoneInput>> => {
      if (fake.openError) return Promise.reject(fake.openError);
      return Promise.resolve({
        deviceId,
        label: 'Fake microphone',
        isClosed: false,
        context: { sampleRate: fake.rate } as AudioContext,
        onDeviceLost: (listener: () => void) => {
          fake.deviceLost = listener;
          return () => undefined;
        },
        close: () => Promise.resolve(),
      });
    },
  },
}));

vi.mock('../../audio/pcm-capture', () => ({
  PcmCapture: {
    start: (_input: unknown, onChunk: (samples: Float32Array) => void) => {
      fake.onChunk = onChunk;
      return Promise.resolve({
        elapsed: () => fake.clock,
        capturedDuration: () => fake.frames / fake.rate,
        stop: () => Promise.resolve(),
      });
    },
  },
}));

/** Feeds `duration` seconds of a tone in 100 ms blocks, advancing the clock with it. */
function speak(duration: number) {
  const block = fake.rate / 10;
  for (let i = 0; i < Math.round(duration * 10); i++) {
    const samples = Float32Array.from({ length: block }, (_, k) =>
      Math.sin((2 * Math.PI * 220 * (fake.frames + k)) / fake.rate),
    );
    fake.frames += block;
    fake.clock = fake.frames / fake.rate;
    fake.onChunk?.(samples);
  }
}

let db: PitchpaceDatabase;
let store: ReturnType<typeof createAppStore>;
let controller: RecordingController;
let counter = 0;

beforeEach(() => {
  Object.assign(fake, { clock: 0, frames: 0, onChunk: undefined, deviceLost: undefined });
  fake.openError = undefined;
  db = new PitchpaceDatabase(`controller-test-${++counter}`);
  store = createAppStore();
  controller = new RecordingController(db, store);
});
afterEach(async () => {
  await db.delete();
});

describe('RecordingController', () => {
  it('records, marks sections, and saves raw and 16 kHz audio with the markers', async () => {
    const heard: number[] = [];
    controller.onSpeechAudio((samples) => heard.push(samples.length));
    await controller.start();
    expect(store.getState().notice?.text).toBeUndefined();
    expect(store.getState().phase).toBe('recording');
    speak(1);
    controller.markNextSection();
    speak(1.5);
    controller.markNextSection();
    speak(0.5);
    await controller.stop('stopped');

    const [attempt] = await listAttempts(db);
    expect(attempt).toMatchObject({
      status: 'complete',
      endReason: 'stopped',
      duration: 3,
      boundaries: [1, 2.5],
      sampleRate: 48_000,
      microphoneLabel: 'Fake microphone',
    });
    expect((await readTrack(db, attempt!.id, 'raw')).samples.length).toBe(3 * 48_000);
    expect((await readTrack(db, attempt!.id, 'speech16k')).samples.length).toBe(3 * 16_000);
    expect(heard.reduce((a, b) => a + b, 0)).toBe(3 * 16_000);
    expect(store.getState()).toMatchObject({ phase: 'idle', openAttemptId: attempt!.id });
    expect(store.getState().attempts.map((a) => a.id)).toEqual([attempt!.id]);
  });

  it('discards a recording under one second and says why', async () => {
    await controller.start();
    speak(0.5);
    await controller.stop('stopped');
    expect(await listAttempts(db)).toEqual([]);
    expect(store.getState().notice).toMatchObject({ tone: 'warning' });
    expect(store.getState().notice?.text).toMatch(/shorter than one second/);
    expect(store.getState().phase).toBe('idle');
  });

  it('saves what was captured when the microphone disappears', async () => {
    await controller.start();
    speak(2);
    fake.deviceLost?.();
    await vi.waitFor(() => expect(store.getState().phase).toBe('idle'));
    const [attempt] = await listAttempts(db);
    expect(attempt).toMatchObject({ endReason: 'device-lost', duration: 2 });
    expect(store.getState().notice?.text).toMatch(/disconnected.*0:02/);
  });

  it('reports a refused microphone and leaves nothing behind', async () => {
    fake.openError = microphoneErrorFrom(new DOMException('denied', 'NotAllowedError'));
    await controller.start();
    expect(store.getState().phase).toBe('idle');
    expect(store.getState().notice).toMatchObject({ tone: 'error' });
    expect(store.getState().notice?.text).toMatch(/Allow microphone access/);
    expect(await listAttempts(db)).toEqual([]);
  });

  it('ignores markers past the last section and Stop when nothing records', async () => {
    await controller.stop('stopped');
    store.getState().setMode('close');
    await controller.start();
    speak(1.2);
    controller.markNextSection();
    expect(store.getState().markers).toEqual([]);
    await controller.stop('stopped');
    expect((await listAttempts(db))[0]?.boundaries).toEqual([]);
    expect(store.getState()).toMatchObject({ phase: 'idle', elapsed: 0, markers: [] });
  });
});
