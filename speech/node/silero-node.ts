/** Silero VAD in Node: the model file from `@ricky0123/vad-web`, run by onnxruntime-node. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as ort from 'onnxruntime-node';
import { SileroVad } from '../vad';

const require = createRequire(import.meta.url);

/** Path of `silero_vad_v5.onnx` inside the installed `@ricky0123/vad-web` package. */
export function sileroModelPath(): string {
  return require.resolve('@ricky0123/vad-web/dist/silero_vad_v5.onnx');
}

/** Loads Silero VAD v5 on onnxruntime-node (one thread: it is tiny and runs beside Whisper). */
export async function loadSileroVadNode(): Promise<SileroVad> {
  const bytes = new Uint8Array(fs.readFileSync(sileroModelPath()));
  return SileroVad.create(ort, bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
}
