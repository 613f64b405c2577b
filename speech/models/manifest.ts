/**
 * The model manifest (models/manifest.json): which repository, revision and files make up each
 * model, and their sha256 once pinned. Runtime-agnostic: no Node, no DOM.
 */

/** One file of a model, relative to the model folder (Hugging Face repository layout). */
export interface ManifestFile {
  path: string;
  /** Lower-case hex sha256, or null while unpinned. */
  sha256: string | null;
}

/** One model as the manifest describes it. */
export interface ManifestModel {
  id: string;
  /** Hugging Face repository, e.g. `Xenova/whisper-base.en`. */
  repository: string;
  /** Branch, tag or commit the files are fetched from. */
  revision: string;
  /** Transformers.js dtype the files are for (`q8` → the `_quantized.onnx` files). */
  dtype: string;
  files: ManifestFile[];
}

export interface ModelManifest {
  schemaVersion: 1;
  defaultBaseUrl: string;
  models: ManifestModel[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

class ManifestError extends Error {
  constructor(where: string, problem: string) {
    super(`models/manifest.json: ${where} ${problem}`);
    this.name = 'ManifestError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const requireString = (record: Record<string, unknown>, key: string, where: string): string => {
  const value = record[key];
  if (typeof value !== 'string' || value === '') {
    throw new ManifestError(`${where}.${key}`, 'must be a non-empty string.');
  }
  return value;
};

// A manifest path must stay inside the model folder whatever OS joins it.
const isSafeRelativePath = (file: string): boolean =>
  !file.startsWith('/') &&
  !file.includes('\\') &&
  !file.includes('\0') &&
  file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

function parseFile(value: unknown, where: string): ManifestFile {
  if (!isRecord(value)) throw new ManifestError(where, 'must be an object.');
  const path = requireString(value, 'path', where);
  if (!isSafeRelativePath(path)) {
    throw new ManifestError(`${where}.path`, `"${path}" must be a relative path inside the model.`);
  }
  const sha256 = value.sha256;
  if (sha256 !== null && (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256))) {
    throw new ManifestError(`${where}.sha256`, 'must be null or 64 lower-case hex digits.');
  }
  return { path, sha256 };
}

function parseModel(value: unknown, where: string): ManifestModel {
  if (!isRecord(value)) throw new ManifestError(where, 'must be an object.');
  const files = value.files;
  if (!Array.isArray(files) || files.length === 0) {
    throw new ManifestError(`${where}.files`, 'must be a non-empty array.');
  }
  return {
    id: requireString(value, 'id', where),
    repository: requireString(value, 'repository', where),
    revision: requireString(value, 'revision', where),
    dtype: requireString(value, 'dtype', where),
    files: files.map((file, index) => parseFile(file, `${where}.files[${index}]`)),
  };
}

/** Validates parsed manifest JSON, naming the first field that is wrong. */
export function parseModelManifest(json: unknown): ModelManifest {
  if (!isRecord(json)) throw new ManifestError('root', 'must be an object.');
  if (json.schemaVersion !== 1) throw new ManifestError('schemaVersion', 'must be 1.');
  const models = json.models;
  if (!Array.isArray(models)) throw new ManifestError('models', 'must be an array.');
  const parsed = models.map((model, index) => parseModel(model, `models[${index}]`));
  const ids = new Set(parsed.map((model) => model.id));
  if (ids.size !== parsed.length) throw new ManifestError('models', 'has duplicate ids.');
  return {
    schemaVersion: 1,
    defaultBaseUrl: requireString(json, 'defaultBaseUrl', 'root'),
    models: parsed,
  };
}

/**
 * URL of one model file under a base URL, in the Hugging Face layout
 * `{base}/{repository}/resolve/{revision}/{file}` (mirrors and the test server use it too).
 */
export function modelFileUrl(baseUrl: string, model: ManifestModel, file: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const encodePath = (value: string): string => value.split('/').map(encodeURIComponent).join('/');
  return `${base}/${encodePath(model.repository)}/resolve/${encodeURIComponent(model.revision)}/${encodePath(file)}`;
}

/** True once every file of the model has a pinned sha256. */
export const isFullyPinned = (model: ManifestModel): boolean =>
  model.files.every((file) => file.sha256 !== null);
