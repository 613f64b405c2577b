/**
 * Several Whisper pipelines in worker threads, transcribing windows side by side (Node only: the
 * CLI and benchmarks, for whole files).
 *
 * Why: onnxruntime-node runs a session synchronously on the calling thread, so while one pipeline
 * does its JavaScript (feature extraction, decoding bookkeeping, word alignment: ~10–30 % of a
 * window) a second core sits idle, and ONNX Runtime's small decoder steps use two threads poorly.
 * Two single-threaded pipelines keep both cores busy. Each window is still transcribed whole by one
 * pipeline, so the words are the same as one pipeline gives (the windowing is unchanged).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TimedWord } from '../../core/transcript';
import type { BatchRecognizer } from '../window-batcher';
import type { WindowRecognizer } from '../windowing';
import type { LocalWhisperOptions } from './load-whisper';
import { checkModelFolder, resolveModelLocation } from './local-model';
import { ModelFilesError } from './model-files-error';
import type { PoolError, PoolReply, PoolRequest } from './transcriber-pool-protocol';

export interface TranscriberPoolOptions extends Omit<
  LocalWhisperOptions,
  'onProgress' | 'threads'
> {
  /** Pipelines (worker threads); default: 2, or 1 on a single core. */
  workers?: number;
  /** ONNX Runtime threads per pipeline; default: the cores shared out (at least 1). */
  threadsPerWorker?: number;
}

interface Job {
  id: number;
  windows: Float32Array<ArrayBuffer>[];
  resolve: (words: TimedWord[][]) => void;
  reject: (error: Error) => void;
}

interface Member {
  worker: Worker;
  job: Job | null;
}

const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './transcriber-pool-worker.ts' : './transcriber-pool-worker.js',
  import.meta.url,
);

/**
 * Starts a pool worker. Running from TypeScript sources (the CLI and tests, through tsx), the
 * worker first registers tsx's loader as bin/pitchpace.js does: Node 20 does not hand the main
 * thread's loader to workers, and `--import tsx` in a worker's execArgv is not honoured either.
 */
function startWorker(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL);
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

function rebuildError(error: PoolError): Error {
  const rebuilt =
    error.file === undefined ? new Error(error.message) : new ModelFilesError(error.file, '', '');
  rebuilt.message = error.message;
  return rebuilt;
}

/**
 * A {@link WindowRecognizer} that transcribes up to `parallelWindows` windows at once, and a
 * {@link BatchRecognizer}: each batch goes to one pipeline, decoded together.
 */
export class TranscriberPool implements WindowRecognizer, BatchRecognizer {
  private readonly queue: Job[] = [];
  private nextId = 0;

  private constructor(
    readonly modelId: string,
    private readonly members: Member[],
  ) {
    for (const member of members) {
      member.worker.on('message', (reply: PoolReply) => this.settle(member, reply));
      member.worker.on('error', (error) => this.crash(member, error));
    }
  }

  /** How many windows run side by side (what the windowing may keep in flight). */
  get parallelWindows(): number {
    return this.members.length;
  }

  /** Starts the workers and loads the model in each; rejects as loading one pipeline would. */
  static async start(dirOrId: string, options: TranscriberPoolOptions): Promise<TranscriberPool> {
    // a missing or partial folder fails here, at once, before any thread starts
    const location = resolveModelLocation(dirOrId, options.modelsRoot);
    checkModelFolder(location.dir, options.fix, options.dtype);
    const cores = os.availableParallelism();
    const workers = Math.max(1, options.workers ?? Math.min(2, cores));
    const threads = Math.max(1, options.threadsPerWorker ?? Math.floor(cores / workers));
    const whisper: Omit<LocalWhisperOptions, 'onProgress'> = {
      modelsRoot: options.modelsRoot,
      fix: options.fix,
      ...(options.dtype ? { dtype: options.dtype } : {}),
      ...(options.device ? { device: options.device } : {}),
      threads,
      memArena: false, // two pipelines: ~250 MB less peak, same speed (measured)
    };
    const members = Array.from({ length: workers }, () => ({
      worker: startWorker(),
      job: null,
    }));
    const loads = members.map(
      ({ worker }) =>
        new Promise<string>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('message', (reply: PoolReply) => {
            if (reply.type === 'loaded') resolve(reply.modelId);
            else if (reply.type === 'failed') reject(rebuildError(reply.error));
            else reject(new Error(`transcriber pool: unexpected ${reply.type} while loading`));
          });
          worker.postMessage({
            type: 'load',
            model: { dirOrId, options: whisper },
          } satisfies PoolRequest);
        }),
    );
    const settled = await Promise.allSettled(loads);
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) {
      await Promise.all(members.map(({ worker }) => worker.terminate()));
      throw failure.reason;
    }
    const [first] = settled;
    return new TranscriberPool(first?.status === 'fulfilled' ? first.value : dirOrId, members);
  }

  async transcribe(samples: Float32Array): Promise<TimedWord[]> {
    const [words] = await this.transcribeBatch([samples]);
    return words ?? [];
  }

  /** Decodes `windows` together in the next free pipeline. */
  transcribeBatch(windows: Float32Array[]): Promise<TimedWord[][]> {
    return new Promise((resolve, reject) => {
      // copies of its own, so the buffers can be transferred whatever `windows` view
      const copies = windows.map((w) => w.slice());
      this.queue.push({ id: this.nextId++, windows: copies, resolve, reject });
      this.dispatch();
    });
  }

  /** Disposes every pipeline and ends the threads. */
  async dispose(): Promise<void> {
    const failure = new Error('transcriber pool disposed');
    for (const job of this.queue.splice(0)) job.reject(failure);
    await Promise.all(
      this.members.map(async ({ worker }) => {
        const disposed = new Promise<void>((resolve) =>
          worker.on('message', (reply: PoolReply) => reply.type === 'disposed' && resolve()),
        );
        worker.postMessage({ type: 'dispose' } satisfies PoolRequest);
        await Promise.race([disposed, new Promise((resolve) => setTimeout(resolve, 5000))]);
        await worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (const member of this.members) {
      if (member.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      member.job = job;
      member.worker.postMessage(
        { type: 'transcribe', id: job.id, windows: job.windows } satisfies PoolRequest,
        job.windows.map((w) => w.buffer),
      );
    }
  }

  private settle(member: Member, reply: PoolReply): void {
    const job = member.job;
    if (!job || !('id' in reply) || reply.id !== job.id) return;
    member.job = null;
    if (reply.type === 'words') job.resolve(reply.words);
    else if (reply.type === 'failed') job.reject(rebuildError(reply.error));
    this.dispatch();
  }

  private crash(member: Member, error: Error): void {
    member.job?.reject(error);
    member.job = null;
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    if (this.members.length === 0) for (const job of this.queue.splice(0)) job.reject(error);
    else this.dispatch();
  }
}
