/**
 * The Whisper models Pitchpace offers, with what the model picker shows: download size and
 * expected speed. Repository, revision and files come from models/manifest.json.
 */
import manifestJson from '../../models/manifest.json';
import { parseModelManifest } from './manifest';
import type { ManifestModel, ModelManifest } from './manifest';

export type WhisperModelId = 'whisper-tiny.en' | 'whisper-base.en' | 'whisper-small.en';

/** Picker facts for one model, and the config values that identify its files. */
interface CatalogFacts {
  id: WhisperModelId;
  label: string;
  /**
   * Approximate total download (q8 encoder + merged decoder + tokenizer/configs), from the
   * Hugging Face file listings of the Xenova repositories. The server's lengths are exact.
   */
  approxDownloadBytes: number;
  /**
   * Expected speed on a 2-core laptop CPU, whole recordings end to end (VAD, windows, word
   * timing). base.en: measured with whisper-base-sized graphs (random weights, q8, 2 threads, a
   * 3-minute espeak-ng rehearsal in 8 windows, `npm run bench:transcribe -- --script-seconds
   * 22.4`, 2026-12-03): 26–34× real time with ONNX Runtime Node (the machine's speed drifts
   * ±20 %), 8.8–9.2× in Chromium's WASM. tiny/small: base's model time scaled by layers × width²
   * (0.375× and 4.5× the compute) plus the same JavaScript time — an estimate, not a measurement.
   */
  expectedSpeed: string;
  /** `d_model` and `encoder_layers` in config.json: how an imported folder is recognised. */
  dims: { dModel: number; encoderLayers: number };
}

const FACTS: readonly CatalogFacts[] = [
  {
    id: 'whisper-tiny.en',
    label: 'Whisper tiny (English) — fastest, least accurate',
    approxDownloadBytes: 64_000_000,
    expectedSpeed: '≈60× real time desktop, ≈20× browser (estimate scaled from base)',
    dims: { dModel: 384, encoderLayers: 4 },
  },
  {
    id: 'whisper-base.en',
    label: 'Whisper base (English) — recommended',
    approxDownloadBytes: 80_000_000,
    expectedSpeed: '≈25–30× real time desktop, ≈6–9× browser (measured with base-sized compute)',
    dims: { dModel: 512, encoderLayers: 6 },
  },
  {
    id: 'whisper-small.en',
    label: 'Whisper small (English) — most accurate, slowest',
    approxDownloadBytes: 252_000_000,
    expectedSpeed: '≈7× real time desktop, ≈2× browser (estimate scaled from base)',
    dims: { dModel: 768, encoderLayers: 12 },
  },
];

export const DEFAULT_MODEL_ID: WhisperModelId = 'whisper-base.en';

/** A catalog model: picker facts plus its manifest entry. */
export interface CatalogModel extends CatalogFacts {
  isDefault: boolean;
  manifest: ManifestModel;
}

/** The parsed, validated manifest (fails at import if models/manifest.json is malformed). */
export const MODEL_MANIFEST: ModelManifest = parseModelManifest(manifestJson);

function joinCatalog(manifest: ModelManifest): CatalogModel[] {
  return FACTS.map((facts) => {
    const entry = manifest.models.find((model) => model.id === facts.id);
    if (!entry) throw new Error(`models/manifest.json has no entry for ${facts.id}.`);
    return { ...facts, isDefault: facts.id === DEFAULT_MODEL_ID, manifest: entry };
  });
}

/** Every model the app offers, smallest first. */
export const MODEL_CATALOG: readonly CatalogModel[] = joinCatalog(MODEL_MANIFEST);

/** True for ids in the catalog (use to validate ids from the UI, IPC or the command line). */
export const isCatalogModelId = (id: unknown): id is WhisperModelId =>
  typeof id === 'string' && MODEL_CATALOG.some((model) => model.id === id);

/** The catalog model with this id; the error lists the valid ids. */
export function catalogModel(id: string): CatalogModel {
  const model = MODEL_CATALOG.find((entry) => entry.id === id);
  if (!model) {
    const known = MODEL_CATALOG.map((entry) => entry.id).join(', ');
    throw new Error(`Unknown model "${id}". Available models: ${known}.`);
  }
  return model;
}
