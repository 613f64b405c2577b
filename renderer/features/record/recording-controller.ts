/**
 * Runs a recording: opens one microphone stream, captures raw PCM and a 16 kHz copy into storage
 * as it arrives, keeps the clock and markers in the store, and saves or discards the attempt at
 * the end. Media objects live here, not in the store.
 */
import { MODES } from '../../../core/modes';
import { normaliseBoundaries } from '../../../core/timing';
import type { Seconds } from '../../../core/units';
import { formatClock } from '../../../core/units';
import { MicrophoneError, listMicrophones } from '../../audio/microphone';
import { MicrophoneInput } from '../../audio/microphone-input';
import { PcmCapture } from '../../audio/pcm-capture';
import { StreamingResampler } from '../../audio/resampler';
import type { StoreApi } from 'zustand';
import type { AppState } from '../../store/app-store';
import {
  completeAttempt,
  createAttempt,
  deleteAttempt,
  saveBoundaries,
} from '../../storage/attempts';
import { AudioChunkWriter } from '../../storage/chunk-writer';
import { playableReviewWav } from '../report/review-audio-cache';
import { MIN_RECORDING_SECONDS } from '../../storage/recovery';
import type { AttemptEndReason, PitchpaceDatabase } from '../../storage/schema';
import { useLiveInput } from './live-input';
import { holdRecordingLock } from './recording-lock';

/** Whisper's input rate. */
export const SPEECH_SAMPLE_RATE = 16_000;
const CLOCK_INTERVAL_MS = 100;

type AppStore = StoreApi<AppState>;

interface ActiveRecording {
  attemptId: string;
  input: MicrophoneInput;
  capture: PcmCapture;
  writer: AudioChunkWriter;
  resampler: StreamingResampler;
  release: () => void;
  clock: ReturnType<typeof setInterval>;
}

/** Receives Whisper-rate audio while recording (live transcription, VAD). */
export type SpeechAudioListener = (samples: Float32Array, attemptId: string) => void;

export class RecordingController {
  private active: ActiveRecording | undefined;
  private readonly speechListeners = new Set<SpeechAudioListener>();

  constructor(
    private readonly db: PitchpaceDatabase,
    private readonly store: AppStore,
  ) {}

  /** Opens the selected microphone for the level meter (and reuses it when Record is pressed). */
  async openPreview(): Promise<void> {
    try {
      await this.ensureInput(this.store.getState().microphoneId);
    } catch (error) {
      this.store.getState().showNotice('error', startFailureMessage(error));
    }
  }

  /** Releases the microphone when nothing is recording. */
  async closePreview(): Promise<void> {
    if (this.active) return;
    const { input } = useLiveInput.getState();
    useLiveInput.setState({ input: undefined });
    await input?.close();
  }

  async toggle(): Promise<void> {
    const { phase } = this.store.getState();
    if (phase === 'idle') await this.start();
    else if (phase === 'recording') await this.stop('stopped');
  }

  async start(): Promise<void> {
    const state = this.store.getState();
    if (state.phase !== 'idle') return;
    state.dismissNotice();
    state.recordingStarting();
    let attemptId: string | undefined;
    try {
      const input = await this.ensureInput(state.microphoneId);
      const rate = input.context.sampleRate;
      const attempt = await createAttempt(this.db, {
        mode: state.mode,
        sampleRate: rate,
        microphoneLabel: input.label,
      });
      attemptId = attempt.id;
      const writer = new AudioChunkWriter(this.db, attempt.id);
      const resampler = new StreamingResampler(rate, SPEECH_SAMPLE_RATE);
      const capture = await PcmCapture.start(input, (samples) => {
        writer.append('raw', rate, samples);
        this.deliverSpeech(attempt.id, resampler.process(samples), writer);
      });
      this.active = {
        attemptId: attempt.id,
        input,
        capture,
        writer,
        resampler,
        release: holdRecordingLock(attempt.id),
        clock: setInterval(() => this.onClock(), CLOCK_INTERVAL_MS),
      };
      window.addEventListener('beforeunload', this.confirmLeave);
      window.addEventListener('pagehide', this.saveBeforeLeaving);
      this.store.getState().recordingStarted(attempt.id);
      void this.refreshMicrophones();
    } catch (error) {
      if (attemptId) await deleteAttempt(this.db, attemptId).catch(() => undefined);
      await this.closePreview();
      this.store.getState().recordingEnded();
      this.store.getState().showNotice('error', startFailureMessage(error));
    }
  }

  /**
   * Subscribes to 16 kHz mono audio as it is captured (each recording's chunks in order, the
   * last one delivered before the attempt is saved). Returns an unsubscribe function.
   */
  onSpeechAudio(listener: SpeechAudioListener): () => void {
    this.speechListeners.add(listener);
    return () => this.speechListeners.delete(listener);
  }

  private deliverSpeech(attemptId: string, samples: Float32Array, writer: AudioChunkWriter): void {
    if (samples.length === 0) return;
    writer.append('speech16k', SPEECH_SAMPLE_RATE, samples);
    for (const listener of this.speechListeners) {
      try {
        listener(samples, attemptId);
      } catch (error) {
        // A failing consumer must never cost the recording.
        console.error('Speech audio listener failed', error);
      }
    }
  }

  /** Marks the start of the next section at the current recording time. */
  markNextSection(): void {
    const active = this.active;
    if (!active || !this.store.getState().markNextSection(active.capture.elapsed())) return;
    const { markers } = this.store.getState();
    saveBoundaries(this.db, active.attemptId, markers).catch(() => undefined);
  }

  /** Recording time now (0 when not recording). */
  elapsed(): Seconds | undefined {
    return this.active?.capture.elapsed();
  }

  async stop(reason: Exclude<AttemptEndReason, 'recovered'>): Promise<void> {
    const active = this.active;
    if (!active || this.store.getState().phase !== 'recording') return;
    this.store.getState().recordingSaving();
    const { capture, writer, resampler, input, attemptId } = active;
    clearInterval(active.clock);
    window.removeEventListener('beforeunload', this.confirmLeave);
    window.removeEventListener('pagehide', this.saveBeforeLeaving);
    await capture.stop();
    this.store.getState().tick(capture.capturedDuration());
    this.deliverSpeech(attemptId, resampler.flush(), writer);
    this.active = undefined;
    useLiveInput.setState({ input: undefined });
    await input.close();
    const duration = capture.capturedDuration();
    const { markers, mode } = this.store.getState();
    try {
      await writer.close();
      if (duration < MIN_RECORDING_SECONDS) {
        await deleteAttempt(this.db, attemptId);
        this.store
          .getState()
          .showNotice(
            'warning',
            'That recording was shorter than one second, so it was not kept. Press Record (or Space) and speak a little longer.',
          );
        return;
      }
      const saved = await completeAttempt(this.db, attemptId, {
        duration,
        boundaries: normaliseBoundaries(MODES[mode], markers, duration),
        endReason: reason,
      });
      if (saved) {
        // The review draws from the stored peaks at once; its playable WAV starts now.
        playableReviewWav(this.db, saved.id, saved.duration).catch(() => undefined);
        this.store.getState().putAttempt(saved);
        this.store.getState().openAttempt(saved.id);
      }
      if (reason === 'device-lost') {
        this.store
          .getState()
          .showNotice(
            'warning',
            `The microphone was disconnected, so the recording stopped at ${formatClock(duration)}. Everything up to that point is saved.`,
          );
      }
    } catch {
      this.store
        .getState()
        .showNotice(
          'error',
          'Part of the recording could not be saved (the disk may be full). What was stored is kept and will be recovered on the next start.',
        );
    } finally {
      active.release();
      this.store.getState().recordingEnded();
    }
  }

  /** Advances the on-screen clock; warns at once if audio stopped reaching the disk. */
  private onClock(): void {
    const active = this.active;
    if (!active) return;
    const state = this.store.getState();
    state.tick(active.capture.elapsed());
    if (active.writer.error !== undefined && state.notice?.tone !== 'error') {
      state.showNotice(
        'error',
        'The recording can no longer be saved (the disk may be full). Stop now: what was stored so far is kept.',
      );
    }
  }

  /** Asks before closing the window mid-recording (what was captured is kept either way). */
  private readonly confirmLeave = (event: BeforeUnloadEvent) => {
    event.preventDefault();
  };

  /** Last chance to write buffered audio when the page goes away; recovery does the rest. */
  private readonly saveBeforeLeaving = () => {
    void this.active?.writer.flush();
  };

  /** Updates the microphone list (labels appear once access has been granted). */
  async refreshMicrophones(): Promise<void> {
    this.store.getState().setMicrophones(await listMicrophones().catch(() => []));
  }

  /** The open input for this device, or a newly opened one (closing any other). */
  private async ensureInput(deviceId: string | undefined): Promise<MicrophoneInput> {
    const current = useLiveInput.getState().input;
    if (current && !current.isClosed && current.deviceId === deviceId) return current;
    await current?.close();
    const input = await MicrophoneInput.open(deviceId);
    input.onDeviceLost(() => {
      if (this.active?.input === input) void this.stop('device-lost');
      else void this.closePreview();
    });
    useLiveInput.setState({ input });
    void this.refreshMicrophones();
    return input;
  }
}

/** What to tell the user when recording could not start. */
function startFailureMessage(error: unknown): string {
  if (error instanceof MicrophoneError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Recording could not start (${detail}). Nothing was recorded; try again.`;
}
