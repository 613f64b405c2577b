/// <reference types="vite/client" />
/**
 * The browser bench's Web Worker: the app's speech code (speech/transcriber, vad, windowing) on
 * ONNX Runtime Web, with transformers.js's env configured as renderer/workers/speech.worker.ts
 * does, measured as scripts/bench-transcribe/child.ts measures Node. Session runs are timed per
 * kind (encoder, decoder step, VAD) by wrapping InferenceSession.run, so the rest is JavaScript.
 */
import { assertScriptedWords, feedLikeRecording, tallyWindows } from '../live-feed';
import type * as OrtWeb from 'onnxruntime-web';
import sileroVadUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';
import asyncifyMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import asyncifyWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import plainMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { MODELS_PATH, modelDtype } from '../../../renderer/workers/model-dtype';
import { queueSessionRuns } from '../../../speech/ort-run-queue';
import { traceOrtSteps } from './ort-trace';
import { emptyRunTimes, instrumentSessionRuns } from '../run-timing';
import type {
  BrowserBenchOptions,
  WorkerBenchResult,
  WorkerReply,
  WorkerRequest,
} from './protocol';

type Ort = typeof OrtWeb;

/** Adds the bench's session options to every session transformers.js or the VAD creates. */
function overrideSessionOptions(ort: Ort, extra: Record<string, unknown>): void {
  if (Object.keys(extra).length === 0) return;
  const sessions = ort.InferenceSession as unknown as {
    create: (model: unknown, options?: Record<string, unknown>) => Promise<unknown>;
  };
  const create = sessions.create.bind(sessions);
  sessions.create = (model, options) => create(model, { ...options, ...extra });
}

/** The session-run tally, shared by the Whisper runtime and a VAD runtime of its own. */
const runTally = { current: emptyRunTimes() };

/** Tells the Node side (through the page) where a measured phase starts or ends. */
const mark = (phase: string): void => self.postMessage({ phase });

/**
 * A second, single-threaded ORT Web instance (the plain bundle: its own module and env) for
 * Silero VAD, so its 5,000+ tiny runs per 3 minutes skip the threaded instance's per-run costs.
 */
async function ownVadRuntime(options: BrowserBenchOptions): Promise<Ort> {
  const own = await import('onnxruntime-web/wasm');
  if (own.env === (await loadOrt(options)).env) throw new Error('VAD runtime is not separate');
  own.env.wasm.wasmPaths = { wasm: plainWasmUrl, mjs: plainMjsUrl };
  own.env.wasm.numThreads = 1;
  instrumentSessionRuns(own, runTally);
  return own;
}

async function loadOrt(options: BrowserBenchOptions): Promise<Ort> {
  if (options.ortBuild === 'webgpu') return import('onnxruntime-web/webgpu');
  // transformers.js takes a runtime placed at Symbol.for('onnxruntime') instead of its own import
  const plain = await import('onnxruntime-web/wasm');
  (globalThis as Record<symbol, unknown>)[Symbol.for('onnxruntime')] = plain;
  return plain;
}

async function runBench(
  options: BrowserBenchOptions,
  samples: Float32Array,
): Promise<WorkerBenchResult> {
  const ort = await loadOrt(options);
  const times = instrumentSessionRuns(ort, runTally);
  const trace = options.traceOrt ? traceOrtSteps(ort) : null;
  // the fix for concurrent-run failures, outside the timing (waits are not counted as run time)
  if (options.serializeRuns) queueSessionRuns(ort);
  overrideSessionOptions(ort, options.sessionOptions);
  // imported after the runtime is chosen: transformers.js picks its ONNX Runtime at import
  const { env } = await import('@huggingface/transformers');
  const { SileroVad } = await import('../../../speech/vad');
  const { WhisperTranscriber } = await import('../../../speech/transcriber');
  const { StreamingTranscriber, transcribeRecording } = await import('../../../speech/windowing');

  // as renderer/workers/speech.worker.ts configures it
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_PATH;
  env.useBrowserCache = false;
  const wasm = env.backends.onnx.wasm;
  if (!wasm) throw new Error('transformers.js has no ONNX Runtime Web wasm backend');
  wasm.wasmPaths =
    options.ortBuild === 'webgpu'
      ? { wasm: asyncifyWasmUrl, mjs: asyncifyMjsUrl }
      : { wasm: plainWasmUrl, mjs: plainMjsUrl };
  wasm.numThreads = self.crossOriginIsolated ? options.threads : 1;
  wasm.proxy = options.proxy;

  let t = performance.now();
  const transcriber = await WhisperTranscriber.load(options.modelId, {
    // a runtime from Symbol.for('onnxruntime') lists no devices in transformers.js: 'auto' = ORT's default (wasm)
    device: options.ortBuild === 'webgpu' ? 'wasm' : 'auto',
    dtype: await modelDtype(options.modelId),
  });
  const loadMs = performance.now() - t;
  const vadResponse = await fetch(sileroVadUrl);
  if (!vadResponse.ok) throw new Error(`Silero VAD not served (HTTP ${vadResponse.status})`);
  const vad = await SileroVad.create(
    options.vadOwnRuntime ? await ownVadRuntime(options) : ort,
    new Uint8Array(await vadResponse.arrayBuffer()),
  );
  await transcriber.transcribe(samples.subarray(0, 5 * 16000)); // warm-up, as the app does on load

  times.current = emptyRunTimes();
  if (trace) trace.current = {};
  mark('offline-start');
  t = performance.now();
  const { WindowBatcher } = await import('../../../speech/window-batcher');
  const recognizer =
    options.batch > 1 ? new WindowBatcher(transcriber, options.batch) : transcriber;
  const offline = await transcribeRecording(samples, recognizer, vad.createStream());
  const offlineMs = performance.now() - t;
  const offlineTimes = { ...times.current };
  const ortTraceMs = trace ? { ...trace.current } : undefined;
  mark('offline-end');

  // live: as the app records (the same feed as child.ts)
  const streaming = new StreamingTranscriber(transcriber, vad.createStream());
  const tally = tallyWindows(streaming);
  await feedLikeRecording(streaming, samples);
  times.current = emptyRunTimes();
  mark('stop-start');
  t = performance.now();
  const transcript = await streaming.finish();
  const stopToTranscriptMs = performance.now() - t;
  const stopTimes = { ...times.current };
  mark('stop-end');

  assertScriptedWords(transcript);
  await transcriber.dispose();
  await vad.release();
  return {
    crossOriginIsolated: self.crossOriginIsolated,
    numThreads: wasm.numThreads ?? 0,
    audioSeconds: samples.length / 16000,
    windows: tally.windows,
    words: offline.words.length,
    loadMs,
    offlineMs,
    stopToTranscriptMs,
    lastWindowSeconds: tally.lastWindow.end - tally.lastWindow.start,
    offline: offlineTimes,
    ...(ortTraceMs ? { ortTraceMs } : {}),
    stop: stopTimes,
  };
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const reply = (message: WorkerReply) => self.postMessage(message);
  runBench(event.data.options, event.data.samples).then(
    (result) => reply({ result }),
    (error: unknown) =>
      reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
};
