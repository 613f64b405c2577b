/**
 * Where to close transcription windows, decided frame by frame from VAD probabilities so the
 * cuts depend only on the audio (not on how it was chunked): always inside a silence, never
 * mid-word, and never past Whisper's 30-s window.
 */
import type { VadFrame } from './vad';

export interface WindowCutOptions {
  /** A silence this long closes the window early (the live transcript appears after a real pause). */
  pauseCutSeconds: number;
  /** …provided the window already holds this much audio (each window costs a full encoder pass). */
  minWindowSeconds: number;
  /** Past this length any silence of `shortPauseCutSeconds` closes the window. */
  targetWindowSeconds: number;
  shortPauseCutSeconds: number;
  /** Hard limit: cut at the quietest point found (Whisper hears at most 30 s per call). */
  maxWindowSeconds: number;
  /** Frames under this speech probability count as silence. */
  silenceThreshold: number;
}

export const DEFAULT_WINDOW_CUT_OPTIONS: WindowCutOptions = {
  pauseCutSeconds: 1.2,
  minWindowSeconds: 3,
  targetWindowSeconds: 20,
  shortPauseCutSeconds: 0.3,
  maxWindowSeconds: 28,
  silenceThreshold: 0.35,
};

export class WindowCutter {
  private windowStart = 0;
  private silenceStart: number | null = null;
  /** This window's frames, for choosing a forced cut. */
  private frames: VadFrame[] = [];

  constructor(private readonly options: WindowCutOptions = DEFAULT_WINDOW_CUT_OPTIONS) {}

  /** Start of the open window (seconds). */
  get currentWindowStart(): number {
    return this.windowStart;
  }

  /** Feeds one frame; returns the time to cut the open window at, or null to keep it open. */
  accept(frame: VadFrame): number | null {
    this.frames.push(frame);
    if (frame.probability < this.options.silenceThreshold) this.silenceStart ??= frame.start;
    else this.silenceStart = null;

    const length = frame.end - this.windowStart;
    const silence = this.silenceStart === null ? 0 : frame.end - this.silenceStart;
    const silenceMiddle =
      this.silenceStart === null ? frame.end : (this.silenceStart + frame.end) / 2;
    if (
      silence >= this.options.pauseCutSeconds &&
      silenceMiddle - this.windowStart >= this.options.minWindowSeconds
    ) {
      return this.cutAt(silenceMiddle);
    }
    if (
      length >= this.options.targetWindowSeconds &&
      silence >= this.options.shortPauseCutSeconds
    ) {
      return this.cutAt(silenceMiddle);
    }
    if (length >= this.options.maxWindowSeconds) return this.cutAt(this.quietestPoint());
    return null;
  }

  /**
   * The middle of the longest silent run in the window's second half, else the least speech-like
   * frame boundary there — a forced cut still falls between words when it can.
   */
  private quietestPoint(): number {
    const lastEnd = this.frames.at(-1)?.end ?? this.windowStart;
    const half = this.windowStart + (lastEnd - this.windowStart) / 2;
    const candidates = this.frames.filter((f) => f.start >= half);
    let best: { start: number; end: number } | null = null;
    let runStart: number | null = null;
    for (const f of candidates) {
      if (f.probability < this.options.silenceThreshold) {
        runStart ??= f.start;
        if (!best || f.end - runStart > best.end - best.start)
          best = { start: runStart, end: f.end };
      } else {
        runStart = null;
      }
    }
    if (best) return (best.start + best.end) / 2;
    const quietest = candidates.reduce<VadFrame | undefined>(
      (q, f) => (!q || f.probability < q.probability ? f : q),
      undefined,
    );
    return quietest ? (quietest.start + quietest.end) / 2 : lastEnd;
  }

  private cutAt(time: number): number {
    this.windowStart = time;
    // frames after the cut belong to the new window
    this.frames = this.frames.filter((f) => f.start >= time);
    if (this.silenceStart !== null) this.silenceStart = Math.max(this.silenceStart, time);
    return time;
  }
}
