/**
 * Transcribes each recording as it is made: opens a live session on the first audio of a new
 * attempt, streams the recorder's 16 kHz audio to it, and at the end of the recording gets the
 * final transcript and saves it with the attempt. Recording never waits on any of this.
 */
import type { StoreApi } from 'zustand';
import type { AppState } from '../../store/app-store';
import type { PitchpaceDatabase } from '../../storage/schema';
import { saveTranscript } from '../../storage/transcripts';
import type { SpeechAudioListener } from '../record/recording-controller';
import { setFinalTranscript, useLiveTranscript } from './transcript-stores';
import type { LiveSession, TranscriptionEngine } from './transcription-engine';

interface Recorder {
  onSpeechAudio(listener: SpeechAudioListener): () => void;
}

interface CurrentRecording {
  attemptId: string;
  /** Null when no model was ready: the recording goes untranscribed. */
  opening: Promise<LiveSession> | null;
  session: LiveSession | null;
  /** Audio that arrived before the session was open. */
  early: Float32Array[];
  failed: boolean;
}

export class RecordingTranscription {
  private current: CurrentRecording | null = null;

  constructor(
    private readonly engine: TranscriptionEngine,
    private readonly activeModelId: () => string | null,
    private readonly db: PitchpaceDatabase,
  ) {}

  /** Starts following recordings; returns a function that stops. */
  attach(recorder: Recorder, store: Pick<StoreApi<AppState>, 'subscribe'>): () => void {
    const stopAudio = recorder.onSpeechAudio((samples, attemptId) => this.push(attemptId, samples));
    const stopPhase = store.subscribe((state, previous) => {
      // back to idle = the recording was saved or discarded, and all of its audio delivered
      if (state.phase === 'idle' && previous.phase !== 'idle') void this.finish();
    });
    return () => {
      stopAudio();
      stopPhase();
    };
  }

  private push(attemptId: string, samples: Float32Array): void {
    if (this.current?.attemptId !== attemptId) this.begin(attemptId);
    const current = this.current;
    if (!current || current.failed) return;
    if (current.session) current.session.push(samples);
    else current.early.push(samples.slice());
  }

  private begin(attemptId: string): void {
    const modelId = this.activeModelId();
    if (!modelId) {
      this.current = { attemptId, opening: null, session: null, early: [], failed: true };
      useLiveTranscript.setState({ status: 'off', attemptId, windows: [], message: null });
      return;
    }
    useLiveTranscript.setState({ status: 'listening', attemptId, windows: [], message: null });
    const live = (update: () => void) => {
      if (useLiveTranscript.getState().attemptId === attemptId) update();
    };
    const opening = this.engine.startSession(modelId, {
      onWindow: (window) =>
        live(() => useLiveTranscript.setState((s) => ({ windows: [...s.windows, window] }))),
      onError: (message) => live(() => useLiveTranscript.setState({ status: 'error', message })),
    });
    const current: CurrentRecording = {
      attemptId,
      opening,
      session: null,
      early: [],
      failed: false,
    };
    this.current = current;
    opening.then(
      (session) => {
        current.session = session;
        for (const samples of current.early) session.push(samples);
        current.early = [];
      },
      (error: unknown) => {
        current.failed = true;
        current.early = [];
        live(() => useLiveTranscript.setState({ status: 'error', message: errorMessage(error) }));
      },
    );
  }

  private async finish(): Promise<void> {
    const current = this.current;
    this.current = null;
    if (!current?.opening) return;
    const { attemptId } = current;
    setFinalTranscript(attemptId, { status: 'transcribing' });
    try {
      const transcript = await (await current.opening).finish();
      const saved = await saveTranscript(this.db, attemptId, transcript);
      // not saved: the recording was too short to keep, or deleted meanwhile
      setFinalTranscript(attemptId, saved ? { status: 'ready', transcript } : { status: 'none' });
    } catch (error) {
      setFinalTranscript(attemptId, { status: 'error', message: errorMessage(error) });
    }
  }
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
