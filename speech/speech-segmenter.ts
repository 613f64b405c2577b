/**
 * Turns per-frame speech probabilities into speech segments with hysteresis (a frame over the
 * positive threshold starts speech; a run of frames under the negative threshold lasting at
 * least `minSilenceSeconds` ends it) and lists the pauses between them. Pure: no model here.
 */
import type { Pause } from '../core/transcript';

export interface SpeechSegment {
  start: number;
  end: number;
}

export interface SegmenterOptions {
  /** Probability at which speech starts (Silero's usual 0.5). */
  positiveThreshold: number;
  /** Probability under which speech may end (Silero's usual 0.35). */
  negativeThreshold: number;
  /** Silence shorter than this does not end speech (gaps inside words and between close words). */
  minSilenceSeconds: number;
  /** Speech shorter than this is dropped (clicks, breaths). */
  minSpeechSeconds: number;
}

export const DEFAULT_SEGMENTER_OPTIONS: SegmenterOptions = {
  positiveThreshold: 0.5,
  negativeThreshold: 0.35,
  minSilenceSeconds: 0.1,
  minSpeechSeconds: 0.09,
};

export class SpeechSegmenter {
  private readonly closed: SpeechSegment[] = [];
  private speechStart: number | null = null;
  private silenceStart: number | null = null;
  private lastEnd = 0;

  constructor(private readonly options: SegmenterOptions = DEFAULT_SEGMENTER_OPTIONS) {}

  /** Feeds one frame's probability; frames must come in order. */
  accept(probability: number, frameStart: number, frameEnd: number): void {
    this.lastEnd = frameEnd;
    if (this.speechStart === null) {
      if (probability >= this.options.positiveThreshold) this.speechStart = frameStart;
      return;
    }
    if (probability >= this.options.negativeThreshold) {
      this.silenceStart = null;
      return;
    }
    this.silenceStart ??= frameStart;
    if (frameEnd - this.silenceStart >= this.options.minSilenceSeconds)
      this.close(this.silenceStart);
  }

  /** Closes any open speech at the end of the audio. */
  finish(): void {
    if (this.speechStart !== null) this.close(this.silenceStart ?? this.lastEnd);
  }

  /** Whether speech is going on at the last frame (a silence shorter than the minimum counts as speech). */
  get inSpeech(): boolean {
    return this.speechStart !== null && this.silenceStart === null;
  }

  /** Closed segments, plus the open one cut at the last frame. */
  segments(): SpeechSegment[] {
    if (this.speechStart === null) return [...this.closed];
    return [...this.closed, { start: this.speechStart, end: this.silenceStart ?? this.lastEnd }];
  }

  private close(end: number): void {
    if (this.speechStart !== null && end - this.speechStart >= this.options.minSpeechSeconds) {
      this.closed.push({ start: this.speechStart, end });
    }
    this.speechStart = null;
    this.silenceStart = null;
  }
}

/** Silences between consecutive speech segments lasting at least `minPauseSeconds`. */
export function pausesBetween(segments: readonly SpeechSegment[], minPauseSeconds = 0.3): Pause[] {
  const pauses: Pause[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1];
    const after = segments[i];
    if (before && after && after.start - before.end >= minPauseSeconds) {
      pauses.push({ start: round(before.end), end: round(after.start) });
    }
  }
  return pauses;
}

const round = (t: number): number => Math.round(t * 1000) / 1000;
