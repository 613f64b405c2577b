/**
 * Whisper through the transformers.js automatic-speech-recognition pipeline: one loaded model at
 * a time, word timestamps, output in core/ transcript types. Host-neutral: the host configures
 * transformers.js's `env` (model folder, wasm paths, …) before loading.
 */
import {
  pipeline,
  type AutomaticSpeechRecognitionPipeline,
  type DataType,
  type DeviceType,
  type ProgressInfo,
} from '@huggingface/transformers';
import type { TimedWord } from '../core/transcript';
import { decodeWindowBatch } from './whisper-decoding/batched-windows';
import { useWhisperFastPaths } from './whisper-fast-paths';

/** Progress of loading a model's files (transformers.js's own events, passed through). */
export type ModelLoadProgress = ProgressInfo;

export interface TranscriberLoadOptions {
  /** `cpu` (onnxruntime-node), `wasm` or `webgpu` (onnxruntime-web); the library picks when absent. */
  device?: DeviceType;
  /** Which ONNX files to load (`fp32`, `q8`, …); the model's config decides when absent. */
  dtype?: DataType;
  onProgress?: (progress: ModelLoadProgress) => void;
  /** ONNX Runtime Node intra-op threads (its default uses every core). */
  threads?: number;
  /**
   * ONNX Runtime Node: let idle worker threads spin-wait (its default). Off, they sleep: measured
   * here ~20 % less CPU per window at the same wall time, leaving cores to the UI.
   */
  spinWait?: boolean;
  /**
   * ONNX Runtime's CPU memory arena (its default: on). Off, freed activations go back to the
   * system: measured here ~250 MB less peak for two pipelines at the same speed.
   */
  memArena?: boolean;
}

export interface WindowTranscriptionOptions {
  /** Only for multilingual models (English-only models reject it, as real `*.en` models do). */
  language?: string;
}

/** Longest audio one call takes: Whisper pads every input to a 30-s window. */
export const MAX_WINDOW_SECONDS = 30;

/** A loaded Whisper model that transcribes one window (≤ 30 s) at a time. */
export class WhisperTranscriber {
  private constructor(
    readonly modelId: string,
    /** The backend it was loaded on (`webgpu`, `wasm`, `cpu`, …); null: the library's default. */
    readonly device: DeviceType | null,
    private readonly asr: AutomaticSpeechRecognitionPipeline,
  ) {}

  static async load(
    modelId: string,
    options: TranscriberLoadOptions = {},
  ): Promise<WhisperTranscriber> {
    const asr = await pipeline('automatic-speech-recognition', modelId, {
      ...(options.device ? { device: options.device } : {}),
      ...(options.dtype ? { dtype: options.dtype } : {}),
      ...(options.onProgress ? { progress_callback: options.onProgress } : {}),
      session_options: {
        ...(options.threads ? { intraOpNumThreads: options.threads } : {}),
        ...(options.memArena === false ? { enableCpuMemArena: false } : {}),
        ...(options.spinWait === false
          ? { extra: { session: { intra_op: { allow_spinning: '0' } } } }
          : {}),
      },
    });
    useWhisperFastPaths(asr);
    return new WhisperTranscriber(modelId, options.device ?? null, asr);
  }

  /**
   * Words of one window of 16 kHz mono audio, timed from the window's start. A word whose end
   * Whisper could not time keeps `end: null` (the windowing fills it in).
   */
  async transcribe(
    samples: Float32Array,
    options: WindowTranscriptionOptions = {},
  ): Promise<TimedWord[]> {
    const output = await this.asr(samples, {
      return_timestamps: 'word',
      ...(options.language ? { language: options.language, task: 'transcribe' } : {}),
    });
    return wordsFromChunks(output.chunks ?? []);
  }

  /**
   * Words of several windows, decoded as one batch (./whisper-decoding/batched-windows.ts): the
   * same words as {@link transcribe} gives each, up to the rounding a q8 model's shared
   * activation scale brings; faster for files, where windows are known ahead. A window the
   * library would decode twice is transcribed alone. On WebGPU the windows go one at a time:
   * batching was measured and tested on the CPU backends only (ONNX Runtime Node and WASM).
   */
  async transcribeBatch(windows: readonly Float32Array[]): Promise<TimedWord[][]> {
    if (windows.length < 2 || this.device === 'webgpu') {
      const words: TimedWord[][] = [];
      for (const samples of windows) words.push(await this.transcribe(samples));
      return words;
    }
    const decoded = await decodeWindowBatch(this.asr, windows);
    const words: TimedWord[][] = [];
    for (const [i, chunks] of decoded.entries()) {
      const samples = windows[i];
      if (chunks) words.push(wordsFromChunks(chunks));
      else if (samples) words.push(await this.transcribe(samples));
    }
    return words;
  }

  dispose(): Promise<void> {
    return this.asr.dispose();
  }
}

interface WordChunk {
  text: string;
  timestamp: readonly [number | null, number | null] | readonly number[];
}

/** Maps the pipeline's word chunks to timed words (text trimmed, empty words dropped). */
export function wordsFromChunks(chunks: readonly WordChunk[]): TimedWord[] {
  const words: TimedWord[] = [];
  for (const chunk of chunks) {
    const text = chunk.text.trim();
    if (!text) continue;
    const [start, end] = chunk.timestamp;
    const previousEnd = words.at(-1)?.end ?? 0;
    words.push({ text, start: start ?? previousEnd, end: end ?? null });
  }
  return words;
}

/**
 * Keeps at most one loaded pipeline: asking for another model disposes the current one, and
 * concurrent requests for the same model share one load.
 */
export class TranscriberSlot {
  private current: { modelId: string; loading: Promise<WhisperTranscriber> } | null = null;

  constructor(
    private readonly load: (
      modelId: string,
      options: TranscriberLoadOptions,
    ) => Promise<WhisperTranscriber> = (id, options) => WhisperTranscriber.load(id, options),
  ) {}

  get(modelId: string, options: TranscriberLoadOptions = {}): Promise<WhisperTranscriber> {
    if (this.current?.modelId === modelId) return this.current.loading;
    const previous = this.current;
    // set synchronously so concurrent requests for this model share the load
    const loading = (async () => {
      if (previous) await disposeQuietly(previous.loading);
      return this.load(modelId, options);
    })();
    this.current = { modelId, loading };
    // a failed load must not stick: the next request tries again (e.g. after the model is fixed)
    loading.catch(() => {
      if (this.current?.loading === loading) this.current = null;
    });
    return loading;
  }

  /** The loaded model's id, if any. */
  get modelId(): string | null {
    return this.current?.modelId ?? null;
  }

  async dispose(): Promise<void> {
    const previous = this.current;
    this.current = null;
    if (previous) await disposeQuietly(previous.loading);
  }
}

/** Disposes a pipeline that may have failed to load (nothing to dispose then). */
async function disposeQuietly(loading: Promise<WhisperTranscriber>): Promise<void> {
  try {
    await (await loading).dispose();
  } catch {
    // a load that failed left nothing behind
  }
}
