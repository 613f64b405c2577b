/**
 * Whisper model folders on disk: where `--model <dir|id>` points, whether the folder is complete
 * and well-formed, and transformers.js set up to load from it with no network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { ModelFilesError } from './model-files-error';
import { checkOnnxFile } from './onnx-file-check';

export interface ModelLocation {
  /** The model folder. */
  dir: string;
  /** Its name, which transformers.js resolves under `root`. */
  id: string;
  root: string;
}

/** `--model` as a folder path when one exists (or it looks like a path), else an id under `modelsRoot`. */
export function resolveModelLocation(dirOrId: string, modelsRoot: string): ModelLocation {
  const looksLikePath =
    dirOrId.includes('/') || dirOrId.includes(path.sep) || dirOrId.startsWith('.');
  const dir = path.resolve(
    looksLikePath || fs.existsSync(dirOrId) ? dirOrId : path.join(modelsRoot, dirOrId),
  );
  return { dir, id: path.basename(dir), root: path.dirname(dir) };
}

const JSON_FILES = [
  'config.json',
  'generation_config.json',
  'preprocessor_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
];
const DTYPE_SUFFIX: Record<string, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

const MODULES = ['encoder_model', 'decoder_model_merged'];
const onnxFiles = (dtype: string): string[] =>
  MODULES.map((m) => `onnx/${m}${DTYPE_SUFFIX[dtype] ?? ''}.onnx`);

/**
 * Which dtype (ONNX file set) to load: the one asked for, else the one config.json names for
 * transformers.js, else the first whole set on disk (fp32, then q8, …), else a partial one, else fp32.
 */
export function chooseDtype(dir: string, config: unknown, dtype?: string): string {
  if (dtype) return dtype;
  const configured = (config as { 'transformers.js_config'?: { dtype?: unknown } } | null)?.[
    'transformers.js_config'
  ]?.dtype;
  if (typeof configured === 'string') return configured;
  const dtypes = Object.keys(DTYPE_SUFFIX);
  const has = (d: string, test: 'every' | 'some'): boolean =>
    onnxFiles(d)[test]((f) => fs.existsSync(path.join(dir, f)));
  // a set with a file missing still names the file to fix
  return dtypes.find((d) => has(d, 'every')) ?? dtypes.find((d) => has(d, 'some')) ?? 'fp32';
}

/**
 * Checks that every file the pipeline needs is present and well-formed (JSON parses, ONNX files
 * are whole protobufs), so a broken model fails with its file named instead of deep in a library.
 * Returns the dtype whose files were checked.
 */
export function checkModelFolder(dir: string, fix: string, dtype?: string): string {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new ModelFilesError(dir, `no model folder at ${dir}`, fix);
  }
  let config: unknown = null;
  for (const file of JSON_FILES) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full))
      throw new ModelFilesError(full, `model file ${file} is missing in ${dir}`, fix);
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(full, 'utf8'));
      if (file === 'config.json') config = parsed;
    } catch {
      throw new ModelFilesError(
        full,
        `model file ${file} in ${dir} is corrupt (not valid JSON)`,
        fix,
      );
    }
  }
  const chosen = chooseDtype(dir, config, dtype);
  for (const file of onnxFiles(chosen)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full))
      throw new ModelFilesError(full, `model file ${file} is missing in ${dir}`, fix);
    const problem = checkOnnxFile(full);
    if (problem) throw new ModelFilesError(full, `model file ${file} in ${dir} is ${problem}`, fix);
  }
  return chosen;
}

/** Points transformers.js at `root` for models and forbids any download. */
export function useLocalModels(root: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = root.endsWith(path.sep) ? root : root + path.sep;
}
