/** Loads a Whisper model folder from disk in Node (onnxruntime-node), failing clearly when it is broken. */
import path from 'node:path';
import type { DataType, DeviceType } from '@huggingface/transformers';
import { WhisperTranscriber, type ModelLoadProgress } from '../transcriber';
import { checkModelFolder, resolveModelLocation, useLocalModels } from './local-model';
import { ModelFilesError } from './model-files-error';

export interface LocalWhisperOptions {
  /** Where ids (not paths) are looked up: `<modelsRoot>/<id>`. */
  modelsRoot: string;
  /** What to tell the user when the folder is broken (differs between CLI and app). */
  fix: string;
  dtype?: DataType;
  /** `cpu` (onnxruntime-node, the default); `auto` when another runtime was installed in its place. */
  device?: DeviceType;
  threads?: number;
  /** ONNX Runtime's CPU memory arena; see TranscriberLoadOptions.memArena. */
  memArena?: boolean;
  onProgress?: (progress: ModelLoadProgress) => void;
}

export async function loadLocalWhisper(
  dirOrId: string,
  options: LocalWhisperOptions,
): Promise<WhisperTranscriber> {
  const location = resolveModelLocation(dirOrId, options.modelsRoot);
  const dtype = checkModelFolder(location.dir, options.fix, options.dtype) as DataType;
  useLocalModels(location.root);
  try {
    return await WhisperTranscriber.load(location.id, {
      device: options.device ?? 'cpu',
      dtype,
      ...(options.threads ? { threads: options.threads } : {}),
      ...(options.memArena === false ? { memArena: false } : {}),
      spinWait: false, // beside the app's UI, sleeping threads beat spinning ones
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    // the folder looked whole, so the runtime rejected a file's content: say which, if it told us
    const message = (error as Error).message;
    const file = /(onnx\/[\w.-]+\.onnx|[\w-]+\.json)/.exec(message)?.[1];
    throw new ModelFilesError(
      file ? path.join(location.dir, file) : location.dir,
      `model ${location.id} in ${location.dir} could not be loaded${file ? ` (${file})` : ''}: ${message.split('\n')[0] ?? ''}`,
      options.fix,
    );
  }
}
