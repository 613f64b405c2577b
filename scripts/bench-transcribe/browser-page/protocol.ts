import type { RunTimes } from '../run-timing';

/** Messages between the bench page, its Web Worker and the Node side (browser.ts). */

/** Which ONNX Runtime Web bundle transformers.js and the VAD run on. */
export type OrtBuild = 'webgpu' | 'wasm';

export interface BrowserBenchOptions {
  /** Model folder name under the served models path. */
  modelId: string;
  /** ORT Web threads (used only when the page is cross-origin isolated, as in the app). */
  threads: number;
  /** `webgpu` = the asyncify bundle transformers.js imports (the app's); `wasm` = the plain one. */
  ortBuild: OrtBuild;
  /** Merged into every InferenceSession.create (graphOptimizationLevel, enableCpuMemArena, …). */
  sessionOptions: Record<string, unknown>;
  /** `env.backends.onnx.wasm.proxy`: ORT in its own worker. */
  proxy: boolean;
  /** Queue all session runs (VAD and Whisper) one at a time; the app does not (yet). */
  serializeRuns: boolean;
  /** Silero VAD on its own single-threaded plain ORT Web instance instead of Whisper's. */
  vadOwnRuntime: boolean;
  /** ORT's own trace points (env.trace): input copy / output copy per session kind. */
  traceOrt: boolean;
  /** Windows decoded together in the whole-file run (the app's stored-recording path uses 4). */
  batch: number;
}

export interface WorkerBenchResult {
  crossOriginIsolated: boolean;
  numThreads: number;
  audioSeconds: number;
  windows: number;
  words: number;
  loadMs: number;
  offlineMs: number;
  stopToTranscriptMs: number;
  lastWindowSeconds: number;
  offline: RunTimes;
  stop: RunTimes;
  /** Whole file: "<kind> <ORT step>" → ms, with traceOrt. */
  ortTraceMs?: Record<string, number>;
}

export type WorkerRequest = { options: BrowserBenchOptions; samples: Float32Array };
export type WorkerReply = { result: WorkerBenchResult } | { error: string };

/** Console prefix of the page's phase marks (`offline-start`, `offline-end`, `stop-start`, `stop-end`). */
export const PHASE_PREFIX = 'bench-phase:';
