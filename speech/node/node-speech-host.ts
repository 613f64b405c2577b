/**
 * The speech host in Node: models from folders on disk (onnxruntime-node), Silero VAD from the
 * installed package. The Electron utility process is this plus its channel:
 *
 *   const host = createNodeSpeechHost({ modelsRoot, fix, post: (m) => process.parentPort.postMessage(m) });
 *   process.parentPort.on('message', (e) => void host.handle(e.data));
 */
import { createSpeechHost, type SpeechHost } from '../host';
import type { SpeechHostMessage } from '../protocol';
import { loadLocalWhisper } from './load-whisper';
import { loadSileroVadNode } from './silero-node';

export interface NodeSpeechHostOptions {
  /** Folder holding one folder per model id (the app's models folder, or `models/`). */
  modelsRoot: string;
  /** What a broken-model error tells the user to do. */
  fix: string;
  post(message: SpeechHostMessage, transfer?: ArrayBuffer[]): void;
}

export function createNodeSpeechHost(options: NodeSpeechHostOptions): SpeechHost {
  return createSpeechHost({
    loadModel: (modelId, load) =>
      loadLocalWhisper(modelId, {
        modelsRoot: options.modelsRoot,
        fix: options.fix,
        ...(load.onProgress ? { onProgress: load.onProgress } : {}),
      }),
    loadVad: loadSileroVadNode,
    post: (message, transfer) => options.post(message, transfer),
  });
}
