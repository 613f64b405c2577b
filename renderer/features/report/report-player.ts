/**
 * The review's playback, shared by the waveform (which owns the wavesurfer.js instance) and the
 * panels that seek or follow it (transcript, checklist, chart). Time listeners run on every
 * animation frame while playing, so they must stay cheap.
 */
import { createContext, useContext } from 'react';
import type WaveSurfer from 'wavesurfer.js';

export type TimeListener = (time: number, playing: boolean) => void;

/** Zoom steps in pixels per second of audio; 0 fits the whole recording in view. */
export const ZOOM_STEPS = [0, 10, 25, 50, 100, 200] as const;
/** Playback speeds offered. */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2] as const;

export class ReportPlayer {
  private wavesurfer: WaveSurfer | undefined;
  private readonly listeners = new Set<TimeListener>();
  private readonly stateListeners = new Set<() => void>();
  private zoomStep = 0;
  private rate = 1;

  /** Connects the player to the waveform's wavesurfer (undefined when it goes away). */
  attach(wavesurfer: WaveSurfer | undefined): void {
    this.wavesurfer = wavesurfer;
    if (!wavesurfer) return;
    const tick = (time: number) => this.emitTime(time);
    wavesurfer.on('audioprocess', tick);
    wavesurfer.on('seeking', tick);
    wavesurfer.on('interaction', tick);
    wavesurfer.on('play', () => this.emitState());
    wavesurfer.on('pause', () => this.emitState());
    wavesurfer.on('finish', () => this.emitState());
    wavesurfer.setPlaybackRate(this.rate);
    this.emitState();
  }

  get ready(): boolean {
    return this.wavesurfer !== undefined;
  }

  get playing(): boolean {
    return this.wavesurfer?.isPlaying() ?? false;
  }

  get time(): number {
    return this.wavesurfer?.getCurrentTime() ?? 0;
  }

  get playbackRate(): number {
    return this.rate;
  }

  get zoomLevel(): number {
    return this.zoomStep;
  }

  /** Moves the playhead to `time` (seconds) and tells the listeners at once. */
  seek(time: number): void {
    const ws = this.wavesurfer;
    if (!ws) return;
    ws.setTime(Math.max(0, time));
    this.emitTime(ws.getCurrentTime());
  }

  /** Seeks and plays: what a click on a quote does. */
  playFrom(time: number): void {
    this.seek(time);
    void this.wavesurfer?.play().catch(() => undefined);
  }

  togglePlay(): void {
    void this.wavesurfer?.playPause().catch(() => undefined);
  }

  skip(by: number): void {
    this.seek(this.time + by);
  }

  setRate(rate: number): void {
    this.rate = rate;
    this.wavesurfer?.setPlaybackRate(rate, true);
    this.emitState();
  }

  /** Steps the playback speed up (+1) or down (−1) through {@link PLAYBACK_RATES}. */
  stepRate(direction: 1 | -1): void {
    const i = PLAYBACK_RATES.findIndex((r) => r === this.rate);
    const next = PLAYBACK_RATES[Math.max(0, Math.min(PLAYBACK_RATES.length - 1, i + direction))];
    if (next !== undefined) this.setRate(next);
  }

  /** Sets the zoom to step `step` of {@link ZOOM_STEPS}. */
  setZoom(step: number): void {
    const clamped = Math.max(0, Math.min(ZOOM_STEPS.length - 1, step));
    this.zoomStep = clamped;
    try {
      this.wavesurfer?.zoom(ZOOM_STEPS[clamped] ?? 0);
    } catch {
      // Not loaded yet: the waveform applies the zoom once it is ready.
    }
    this.emitState();
  }

  /** Called with the time on every frame while playing and after every seek. */
  onTime(listener: TimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when playing/paused, speed or zoom change (for React: useSyncExternalStore). */
  onState(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private emitTime(time: number): void {
    const playing = this.playing;
    for (const listener of this.listeners) listener(time, playing);
  }

  private emitState(): void {
    for (const listener of this.stateListeners) listener();
  }
}

export const ReportPlayerContext = createContext<ReportPlayer | undefined>(undefined);

/** The review's player; panels must be rendered inside a {@link ReportPlayerContext}. */
export function useReportPlayer(): ReportPlayer {
  const player = useContext(ReportPlayerContext);
  if (!player) throw new Error('useReportPlayer needs a ReportPlayerContext provider');
  return player;
}
