/**
 * Groups a file's windows for batched decoding (see whisper-decoding/batched-windows.ts).
 *
 * Groups are fixed by arrival order — windows 0–3, 4–7, … for a batch of 4 — never by timing: on
 * a q8 model a window's numbers depend a little on its batch-mates, so grouping by "what is
 * queued when the model is free" would make the same file transcribe differently from run to
 * run. A group runs when it is full, or when the windowing says no more windows are coming
 * ({@link WindowBatcher.flush}: at Stop, and before it waits for every window).
 */
import type { TimedWord } from '../core/transcript';
import type { WindowRecognizer } from './windowing';

/**
 * Windows decoded together when a whole recording is transcribed on ONNX Runtime Node (the CLI,
 * the desktop app's stored recordings). 3-minute file, 2 threads: 25.7–25.8× with 4 against
 * 22.2–24.9× with 2 (8: slower, the first group waits for VAD to reach its last window).
 */
export const FILE_BATCH_WINDOWS = 4;

/**
 * The same on ONNX Runtime Web, whose WASM memory only grows: in Chromium 2 gave 8.0× at 805 MB
 * peak against 8.2× at 948 MB for 4.
 */
export const WASM_FILE_BATCH_WINDOWS = 2;

/** What transcribes a group of windows (a loaded WhisperTranscriber, or a pool of them). */
export interface BatchRecognizer {
  readonly modelId: string;
  /** Groups it runs side by side (a pool); absent or 1: one group at a time. */
  readonly parallelWindows?: number;
  transcribeBatch(windows: Float32Array[]): Promise<TimedWord[][]>;
}

interface PendingWindow {
  samples: Float32Array;
  resolve: (words: TimedWord[]) => void;
  reject: (error: unknown) => void;
}

export class WindowBatcher implements WindowRecognizer {
  private group: PendingWindow[] = [];
  private readonly concurrency: number;
  /** Free pipelines (of `concurrency`), and the groups waiting for one, oldest first. */
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly inner: BatchRecognizer,
    /** Windows decoded together. */
    readonly batchSize: number,
  ) {
    this.concurrency = Math.max(1, inner.parallelWindows ?? 1);
    this.free = this.concurrency;
  }

  get modelId(): string {
    return this.inner.modelId;
  }

  /** Windows in flight: the running groups and the one being gathered. */
  get parallelWindows(): number {
    return this.batchSize * (this.concurrency + 1);
  }

  transcribe(samples: Float32Array): Promise<TimedWord[]> {
    return new Promise((resolve, reject) => {
      this.group.push({ samples, resolve, reject });
      if (this.group.length >= this.batchSize) this.flush();
    });
  }

  /** Starts the group being gathered, however small (no more windows are coming for now). */
  flush(): void {
    if (this.group.length === 0) return;
    const group = this.group;
    this.group = [];
    void this.runWhenFree(group);
  }

  /** Runs `group` once a pipeline is free (a single pipeline takes one group at a time). */
  private async runWhenFree(group: PendingWindow[]): Promise<void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      const words = await this.inner.transcribeBatch(group.map((w) => w.samples));
      for (const [i, window] of group.entries()) window.resolve(words[i] ?? []);
    } catch (error) {
      for (const window of group) window.reject(error);
    } finally {
      // hand the pipeline straight to the oldest waiting group
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
