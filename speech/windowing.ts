/**
 * Streaming transcription: speech gathered into windows of up to ~30 s, cut in VAD silences,
 * each window transcribed once as soon as it closes (in the background while recording goes on).
 * At Stop only the last, partial window remains. Files go through the same class, so the app and
 * the CLI give the same transcript for the same audio whatever the chunk sizes.
 */
import type { TimedWord, Transcript } from '../core/transcript';
import { SAMPLE_RATE, secondsToSamples } from './audio-format';
import { suppressHallucinations } from './hallucinations';
import { SampleBuffer } from './sample-buffer';
import { overlapSeconds, type Span } from './time-spans';
import { assembleTranscript, placeWindowWords } from './transcript-assembly';
import { TypedEvents } from './typed-events';
import type { VadFrame, VadStream } from './vad';
import { DEFAULT_WINDOW_CUT_OPTIONS, WindowCutter, type WindowCutOptions } from './window-cutter';

/** What transcribes one window (a loaded {@link WhisperTranscriber} in practice). */
export interface WindowRecognizer {
  readonly modelId: string;
  /**
   * How many windows it transcribes side by side (a pool of pipelines); absent or 1: one at a
   * time, and each window waits for the previous one before it starts.
   */
  readonly parallelWindows?: number;
  /**
   * Windows it holds back to decode together (a WindowBatcher); `flush()` starts those it holds.
   * The windowing flushes at Stop and before it waits for windows that may be held.
   */
  readonly batchSize?: number;
  flush?(): void;
  transcribe(samples: Float32Array): Promise<TimedWord[]>;
}

/** A window's words, on the recording's timeline. */
export interface WindowWords {
  index: number;
  start: number;
  end: number;
  words: TimedWord[];
}

export interface StreamingTranscriberEvents extends Record<string, unknown> {
  /** A window was transcribed: its words are final (live transcript). */
  words: WindowWords;
  /** A window closed; `transcribed` is false when VAD heard no speech in it (nothing to do). */
  window: { index: number; start: number; end: number; transcribed: boolean };
  /** Transcription or VAD failed; `finish()` rejects with the same error. */
  error: Error;
}

/** Less VAD speech than this in a window and it is not transcribed (silence only makes Whisper invent). */
const MIN_WINDOW_SPEECH_SECONDS = 0.1;

export class StreamingTranscriber extends TypedEvents<StreamingTranscriberEvents> {
  private readonly cutter: WindowCutter;
  private readonly buffer = new SampleBuffer();
  private readonly windows: WindowWords[] = [];
  private vadWork: Promise<void> = Promise.resolve();
  private transcription: Promise<void> = Promise.resolve();
  /** Closed windows whose words are not in yet, oldest first. */
  private readonly inFlight: Promise<void>[] = [];
  private failure: Error | null = null;
  private windowCount = 0;
  private finished = false;

  constructor(
    private readonly recognizer: WindowRecognizer,
    private readonly vad: VadStream,
    cutOptions: Partial<WindowCutOptions> = {},
  ) {
    super();
    this.cutter = new WindowCutter({ ...DEFAULT_WINDOW_CUT_OPTIONS, ...cutOptions });
  }

  /** Adds recorded audio (16 kHz mono). Cheap: VAD and transcription run in the background. */
  push(samples16k: Float32Array): void {
    if (this.finished) throw new Error('StreamingTranscriber: push after finish');
    this.buffer.append(samples16k);
    const pushed = this.vad.push(samples16k);
    this.vadWork = this.vadWork
      .then(async () => this.acceptFrames(await pushed))
      .catch((e: unknown) => this.fail(e));
  }

  /** Resolves once everything pushed so far is through VAD and every closed window is transcribed. */
  async idle(): Promise<void> {
    await this.caughtUp(0);
  }

  /**
   * Resolves once everything pushed so far is through VAD and at most `windows` closed windows
   * are still being transcribed (back-pressure for a caller that feeds faster than real time).
   */
  async caughtUp(windows: number): Promise<void> {
    await this.vadWork;
    // a batcher holds back at most batchSize - 1 windows, the newest: wait for those only if asked
    if (windows < (this.recognizer.batchSize ?? 1)) this.recognizer.flush?.();
    await Promise.all(this.inFlight.slice(0, Math.max(0, this.inFlight.length - windows)));
  }

  /** Words of the windows transcribed so far, in order. */
  get words(): TimedWord[] {
    return this.windows.flatMap((w) => w.words);
  }

  /** Stop: transcribes the last partial window and resolves with the whole transcript. */
  async finish(): Promise<Transcript> {
    if (!this.finished) {
      this.finished = true;
      const tail = this.vad.finish();
      this.vadWork = this.vadWork
        .then(async () => this.acceptFrames(await tail))
        .catch((e: unknown) => this.fail(e));
    }
    await this.vadWork;
    const end = this.buffer.endIndex / SAMPLE_RATE;
    if (end > this.cutter.currentWindowStart) this.closeWindow(this.cutter.currentWindowStart, end);
    this.recognizer.flush?.();
    await this.transcription;
    if (this.failure) throw this.failure;
    return assembleTranscript({
      words: this.words,
      speech: this.vad.segments(),
      duration: end,
      model: this.recognizer.modelId,
    });
  }

  private acceptFrames(frames: readonly VadFrame[]): void {
    for (const frame of frames) {
      const windowStart = this.cutter.currentWindowStart;
      const cut = this.cutter.accept(frame);
      if (cut !== null) this.closeWindow(windowStart, cut);
    }
  }

  private closeWindow(start: number, end: number): void {
    const samples = this.buffer.takeUntil(secondsToSamples(end));
    const index = this.windowCount++;
    const window = { start, end };
    // VAD speech as known now: fixed for this window, so the result does not depend on how far
    // VAD has got by the time transcription returns
    const speech = clip(this.vad.segments(), window);
    const transcribed = overlapSeconds(window, speech) >= MIN_WINDOW_SPEECH_SECONDS;
    this.emit('window', { index, start, end, transcribed });
    if (!transcribed) return;
    // a pool starts each window at once (it queues them itself); words are still taken in order
    const early = isParallel(this.recognizer) ? this.recognizer.transcribe(samples) : null;
    early?.catch(() => undefined); // its failure is reported in order, below
    const done = (this.transcription = this.transcription.then(async () => {
      if (this.failure) return;
      try {
        const raw = await (early ?? this.recognizer.transcribe(samples));
        const words = suppressHallucinations(placeWindowWords(raw, window, speech), speech);
        const result = { index, start, end, words };
        this.windows.push(result);
        this.emit('words', result);
      } catch (error) {
        this.fail(error);
      }
    }));
    this.inFlight.push(done);
    void done.then(() => this.inFlight.splice(this.inFlight.indexOf(done), 1));
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.emit('error', this.failure);
  }
}

/** A recogniser that runs windows side by side (a pool), not one after another. */
function isParallel(
  recognizer: WindowRecognizer,
): recognizer is WindowRecognizer & { parallelWindows: number } {
  return (recognizer.parallelWindows ?? 1) > 1;
}

function clip(spans: readonly Span[], window: Span): Span[] {
  return spans
    .filter((s) => s.end > window.start && s.start < window.end)
    .map((s) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) }));
}

/**
 * Transcribes a whole recording through the same windowing as live audio (1-s pushes). Waits for
 * the background work every 30 s of audio, so a long file never sits in memory two or three
 * times over (queued VAD input and the open window); results do not depend on it.
 */
export function transcribeRecording(
  samples16k: Float32Array,
  recognizer: WindowRecognizer,
  vad: VadStream,
  onWords?: (words: WindowWords) => void,
  cutOptions: Partial<WindowCutOptions> = {},
): Promise<Transcript> {
  return transcribeChunks([samples16k], recognizer, vad, onWords, cutOptions);
}

/**
 * {@link transcribeRecording} over audio that arrives in chunks of any size (a file decoded as
 * it is read): read on only as the work keeps up, so memory stays that of a few windows however
 * long the file. Same transcript as the joined samples give.
 */
export async function transcribeChunks(
  chunks: Iterable<Float32Array> | AsyncIterable<Float32Array>,
  recognizer: WindowRecognizer,
  vad: VadStream,
  onWords?: (words: WindowWords) => void,
  cutOptions: Partial<WindowCutOptions> = {},
): Promise<Transcript> {
  const streaming = new StreamingTranscriber(recognizer, vad, cutOptions);
  if (onWords) streaming.on('words', onWords);
  let pushed = 0;
  let nextWait = BACKPRESSURE_SECONDS * SAMPLE_RATE;
  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.length; offset += SAMPLE_RATE) {
      const piece = chunk.subarray(offset, offset + SAMPLE_RATE);
      streaming.push(piece);
      pushed += piece.length;
      // a pool may keep its windows in flight; one pipeline finishes them all before reading on
      if (pushed >= nextWait) {
        nextWait += BACKPRESSURE_SECONDS * SAMPLE_RATE;
        await streaming.caughtUp(isParallel(recognizer) ? recognizer.parallelWindows : 0);
      }
    }
  }
  return streaming.finish();
}

const BACKPRESSURE_SECONDS = 30;
