import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRANSCRIPT_SCHEMA_VERSION, type Transcript } from '../../../core/transcript';
import { createAppStore } from '../../store/app-store';
import { createAttempt, deleteAttempt } from '../../storage/attempts';
import { PitchpaceDatabase } from '../../storage/schema';
import { loadTranscript } from '../../storage/transcripts';
import type { SpeechAudioListener } from '../record/recording-controller';
import { RecordingTranscription } from './recording-transcription';
import { useFinalTranscripts, useLiveTranscript } from './transcript-stores';
import type {
  LiveSession,
  LiveSessionCallbacks,
  TranscriptionEngine,
} from './transcription-engine';

/** An engine whose session records what it was sent and answers when the test says so. */
class FakeEngine implements TranscriptionEngine {
  pushed: number[][] = [];
  callbacks: LiveSessionCallbacks | undefined;
  modelIds: string[] = [];
  private open: { resolve: (s: LiveSession) => void; reject: (e: Error) => void } | undefined;

  load = () => Promise.resolve({ device: 'wasm' });
  transcribe = () => Promise.reject(new Error('not used'));
  startSession(modelId: string, callbacks: LiveSessionCallbacks): Promise<LiveSession> {
    this.modelIds.push(modelId);
    this.callbacks = callbacks;
    return new Promise((resolve, reject) => (this.open = { resolve, reject }));
  }
  openSession(): void {
    this.open?.resolve({
      push: (samples) => this.pushed.push([...samples]),
      finish: () => Promise.resolve(transcriptOf(this.pushed.flat().length)),
      cancel: () => Promise.resolve(),
    });
  }
  failToOpen(message: string): void {
    this.open?.reject(new Error(message));
  }
}

const transcriptOf = (samples: number): Transcript => ({
  schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
  duration: samples / 16_000,
  words: [{ text: `samples:${samples}`, start: 0, end: null }],
  segments: [],
  pauses: [],
  fillers: [],
  model: 'fake',
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

let db: PitchpaceDatabase;
let counter = 0;
beforeEach(() => {
  db = new PitchpaceDatabase(`pitchpace-live-${++counter}`);
  useFinalTranscripts.setState({}, true);
  useLiveTranscript.setState({ status: 'off', attemptId: null, windows: [], message: null });
});
afterEach(async () => {
  await db.delete();
});

function setup(modelId: string | null) {
  const engine = new FakeEngine();
  const store = createAppStore();
  const listeners = new Set<SpeechAudioListener>();
  const recorder = {
    onSpeechAudio: (l: SpeechAudioListener) => (listeners.add(l), () => listeners.delete(l)),
  };
  new RecordingTranscription(engine, () => modelId, db).attach(recorder, store);
  const deliver = (attemptId: string, ...samples: number[]) => {
    for (const l of listeners) l(Float32Array.from(samples), attemptId);
  };
  const record = () => {
    store.getState().recordingStarting();
    store.getState().recordingStarted('x');
  };
  const stop = () => {
    store.getState().recordingSaving();
    store.getState().recordingEnded();
  };
  return { engine, deliver, record, stop };
}

describe('RecordingTranscription', () => {
  it('streams every chunk in order (also those before the session opened), shows windows live, saves the final transcript', async () => {
    const { id } = await createAttempt(db, { mode: 'walkthrough', sampleRate: 48_000 });
    const { engine, deliver, record, stop } = setup('whisper-base.en');
    record();
    deliver(id, 1, 2);
    deliver(id, 3);
    expect(useLiveTranscript.getState()).toMatchObject({ status: 'listening', attemptId: id });
    engine.openSession();
    await tick();
    deliver(id, 4, 5);
    expect(engine.pushed).toEqual([[1, 2], [3], [4, 5]]);
    expect(engine.modelIds).toEqual(['whisper-base.en']);

    engine.callbacks?.onWindow({
      index: 0,
      start: 0,
      end: 3,
      words: [{ text: 'Hi', start: 1, end: 2 }],
    });
    expect(useLiveTranscript.getState().windows.map((w) => w.words[0]?.text)).toEqual(['Hi']);

    stop();
    expect(useFinalTranscripts.getState()[id]).toEqual({ status: 'transcribing' });
    await vi.waitFor(() => expect(useFinalTranscripts.getState()[id]?.status).toBe('ready'));
    expect((await loadTranscript(db, id))?.words[0]?.text).toBe('samples:5');
  });

  it('leaves a recording untranscribed when no model is ready', async () => {
    const { engine, deliver, record, stop } = setup(null);
    record();
    deliver('a', 1);
    deliver('a', 2);
    stop();
    await tick();
    expect(engine.modelIds).toEqual([]);
    expect(useLiveTranscript.getState().status).toBe('off');
    expect(useFinalTranscripts.getState()['a']).toBeUndefined();
  });

  it('does not keep a transcript for a recording that was discarded', async () => {
    const { id } = await createAttempt(db, { mode: 'walkthrough', sampleRate: 48_000 });
    const { engine, deliver, record, stop } = setup('whisper-base.en');
    record();
    deliver(id, 1);
    engine.openSession();
    await deleteAttempt(db, id); // under a second: the controller deletes it
    stop();
    await vi.waitFor(() => expect(useFinalTranscripts.getState()[id]?.status).toBe('none'));
    expect(await loadTranscript(db, id)).toBeUndefined();
  });

  it('says so when the session cannot open, and the recording goes on', async () => {
    const { engine, deliver, record, stop } = setup('whisper-base.en');
    record();
    deliver('b', 1);
    engine.failToOpen('model file onnx/encoder_model.onnx is missing');
    await tick();
    deliver('b', 2);
    expect(useLiveTranscript.getState()).toMatchObject({
      status: 'error',
      message: 'model file onnx/encoder_model.onnx is missing',
    });
    stop();
    await vi.waitFor(() => expect(useFinalTranscripts.getState()['b']?.status).toBe('error'));
    expect(engine.pushed).toEqual([]);
  });
});
