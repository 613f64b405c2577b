/// <reference lib="webworker" />
/**
 * The browser's speech host: speech/host.ts in a module Web Worker on ONNX Runtime Web (WebGPU
 * where the browser has an adapter, else WASM).
 * Everything is same-origin — model files from /models/, ORT's .wasm/.mjs and Silero VAD as
 * Vite assets — so nothing reaches the network (no CDN).
 */
import { env, type DataType } from '@huggingface/transformers';
import sileroVadUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';
// The same ORT module the transformers.js web build imports, so VAD shares its WASM runtime.
import * as ort from 'onnxruntime-web/webgpu';
// The web build's asyncify pair. Giving both files keeps ORT's thread workers off the app
// chunk (a production build with 2 threads hangs otherwise, see browser-testing.md).
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import { createSpeechHost } from '../../speech/host';
import { queueSessionRuns } from '../../speech/ort-run-queue';
import type { SpeechClientMessage, SpeechHostMessage } from '../../speech/protocol';
import { WhisperTranscriber } from '../../speech/transcriber';
import { SileroVad } from '../../speech/vad';
import { WASM_FILE_BATCH_WINDOWS } from '../../speech/window-batcher';
import { MODELS_PATH, modelDtype } from './model-dtype';
import { loadOnBestDevice, type GpuLike } from './whisper-device';

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = MODELS_PATH; // a path: a full URL breaks tokenizer loading in 4.3.1
env.useBrowserCache = false;
const wasm = env.backends.onnx.wasm;
if (wasm) {
  wasm.wasmPaths = { wasm: ortWasmUrl, mjs: ortMjsUrl };
  // threads need SharedArrayBuffer (COOP/COEP); 2 beat 1 and 4 on a 2-core machine
  wasm.numThreads = self.crossOriginIsolated ? 2 : 1;
}

// VAD frames and Whisper windows share one ORT Web runtime, which breaks on overlapping runs
queueSessionRuns(ort);

/**
 * The GPU, for file sets that run on it: q8's integer MatMuls have no WebGPU kernels in ORT Web,
 * so a q8 model (the catalog's) would bounce between GPU and CPU; it stays on WASM.
 */
function gpuFor(dtype: DataType): GpuLike | undefined {
  if (!['fp32', 'fp16', 'q4', 'q4f16'].includes(dtype)) return undefined;
  return (self.navigator as { gpu?: GpuLike }).gpu;
}

async function loadSileroVad(): Promise<SileroVad> {
  const response = await fetch(sileroVadUrl);
  if (!response.ok) throw new Error(`Silero VAD model not served (HTTP ${response.status}).`);
  return SileroVad.create(ort, new Uint8Array(await response.arrayBuffer()));
}

const host = createSpeechHost({
  loadModel: async (modelId, options) => {
    const dtype = await modelDtype(modelId);
    return loadOnBestDevice(
      (device) => WhisperTranscriber.load(modelId, { device, dtype, ...options }),
      gpuFor(dtype),
      (error) => console.warn('Whisper on WebGPU failed; using WASM instead.', error),
    );
  },
  loadVad: loadSileroVad,
  fileBatchWindows: WASM_FILE_BATCH_WINDOWS,
  post: (message: SpeechHostMessage, transfer: ArrayBuffer[] = []) =>
    self.postMessage(message, transfer),
});

self.onmessage = (event: MessageEvent<SpeechClientMessage>) => void host.handle(event.data);
