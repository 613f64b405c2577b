/**
 * Where to close transcription windows, decided frame by frame from VAD probabilities so the
 * cuts depend only on the audio (not on how it was chunked): always in the middle of a silence
 * when there is one, never past Whisper's 30-s window.
 *
 * Whisper pads every window to 30 s, so each window costs a full encoder pass whatever its
 * length: the fewer windows, the faster. Windows therefore grow towards `maxWindowSeconds` and
 * close at the longest pause of their last stretch; only a pause long enough to mean "the speaker
 * stopped" closes a short window early, so the live transcript still shows up then.
 */
import type { VadFrame } from './vad';

export interface WindowCutOptions {
  /**
   * A silence this long closes the window at once: the speaker stopped, so the live transcript
   * shows up now. Shorter pauses leave the window growing (each window costs an encoder pass).
   */
  longPauseSeconds: number;
  /** …provided the window already holds this much audio. */
  minWindowSeconds: number;
  /** From this length on, a silence of `targetPauseSeconds` closes the window at once. */
  targetWindowSeconds: number;
  targetPauseSeconds: number;
  /**
   * Hard limit, just under Whisper's 30 s: the window closes in the middle of the longest silence
   * heard since `targetWindowSeconds` (else in its second half), which may lie a few seconds back;
   * the audio after the cut opens the next window.
   */
  maxWindowSeconds: number;
  /** Silences shorter than this are gaps inside speech, not pauses a forced cut prefers. */
  minCutSilenceSeconds: number;
  /** Frames under this speech probability count as silence. */
  silenceThreshold: number;
}

export const DEFAULT_WINDOW_CUT_OPTIONS: WindowCutOptions = {
  longPauseSeconds: 1.4,
  minWindowSeconds: 3,
  targetWindowSeconds: 22,
  targetPauseSeconds: 1,
  // 0.5 s under Whisper's 30 s, so the last words never sit on the edge of its input
  maxWindowSeconds: 29.5,
  minCutSilenceSeconds: 0.2,
  silenceThreshold: 0.35,
};

interface SilentRun {
  start: number;
  end: number;
}

export class WindowCutter {
  private windowStart = 0;
  private silenceStart: number | null = null;
  /** This window's frames, for choosing the cut at the hard limit. */
  private frames: VadFrame[] = [];

  constructor(private readonly options: WindowCutOptions = DEFAULT_WINDOW_CUT_OPTIONS) {}

  /** Start of the open window (seconds). */
  get currentWindowStart(): number {
    return this.windowStart;
  }

  /** Feeds one frame; returns the time to cut the open window at, or null to keep it open. */
  accept(frame: VadFrame): number | null {
    const o = this.options;
    this.frames.push(frame);
    if (frame.probability < o.silenceThreshold) this.silenceStart ??= frame.start;
    else this.silenceStart = null;

    const length = frame.end - this.windowStart;
    const silence = this.silenceStart === null ? 0 : frame.end - this.silenceStart;
    const silenceMiddle =
      this.silenceStart === null ? frame.end : (this.silenceStart + frame.end) / 2;
    if (silence >= o.longPauseSeconds && silenceMiddle - this.windowStart >= o.minWindowSeconds)
      return this.cutAt(silenceMiddle);
    if (
      silence >= o.targetPauseSeconds &&
      silenceMiddle - this.windowStart >= o.targetWindowSeconds
    )
      return this.cutAt(silenceMiddle);
    if (length >= o.maxWindowSeconds) return this.cutAt(this.bestForcedCut());
    return null;
  }

  /**
   * The middle of the longest silence since the target length, else of the longest in the
   * window's second half, else the least speech-like frame there: a forced cut still falls
   * between words when it can.
   */
  private bestForcedCut(): number {
    const lastEnd = this.frames.at(-1)?.end ?? this.windowStart;
    const runs = this.silentRuns().filter(
      (r) => r.end - r.start >= this.options.minCutSilenceSeconds,
    );
    const after = (t: number) => longest(runs.filter((r) => (r.start + r.end) / 2 >= t));
    const best =
      after(this.windowStart + this.options.targetWindowSeconds) ??
      after(this.windowStart + (lastEnd - this.windowStart) / 2);
    if (best) return (best.start + best.end) / 2;
    const half = this.windowStart + (lastEnd - this.windowStart) / 2;
    const quietest = this.frames
      .filter((f) => f.start >= half)
      .reduce<VadFrame | undefined>(
        (q, f) => (!q || f.probability < q.probability ? f : q),
        undefined,
      );
    return quietest ? (quietest.start + quietest.end) / 2 : lastEnd;
  }

  private silentRuns(): SilentRun[] {
    const runs: SilentRun[] = [];
    let run: SilentRun | null = null;
    for (const f of this.frames) {
      if (f.probability >= this.options.silenceThreshold) run = null;
      else if (run) run.end = f.end;
      else runs.push((run = { start: f.start, end: f.end }));
    }
    return runs;
  }

  private cutAt(time: number): number {
    this.windowStart = time;
    // frames after the cut belong to the new window
    this.frames = this.frames.filter((f) => f.start >= time);
    if (this.silenceStart !== null) this.silenceStart = Math.max(this.silenceStart, time);
    return time;
  }
}

function longest(runs: readonly SilentRun[]): SilentRun | undefined {
  return runs.reduce<SilentRun | undefined>(
    (best, r) => (!best || r.end - r.start > best.end - best.start ? r : best),
    undefined,
  );
}
