/**
 * A generated stand-in for a model's files: small JSON configs and random "ONNX" bytes that pass
 * the form check, with their sha256 — enough to exercise download, validation and import.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CatalogModel, WhisperModelId } from '../../../models/catalog';
import type { ManifestModel } from '../../../models/manifest';

export interface FixtureModelFiles {
  /** Manifest entry with every file pinned. */
  pinned: ManifestModel;
  /** The same files, unpinned (as the real manifest is today). */
  unpinned: ManifestModel;
  /** File path within the model → bytes. */
  contents: Map<string, Buffer>;
  /** A catalog entry recognising the fixture by its config.json (for import tests). */
  catalogEntry: CatalogModel;
  /** URL path on the test server → bytes. */
  served: Map<string, Buffer>;
}

/**
 * Random bytes framed as an ONNX ModelProto (ir_version, then one length-delimited graph field),
 * so the structural ONNX check passes and truncating the file makes it fail.
 */
const onnxLike = (size: number): Buffer => {
  const payload = randomBytes(size);
  const length: number[] = [];
  for (let rest = size; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) {
      length.push(rest);
      break;
    }
    length.push((rest % 128) | 0x80);
  }
  // field 1 (ir_version) = 8; field 7 (graph), wire type 2, then the payload.
  return Buffer.concat([Buffer.from([0x08, 0x08, 0x3a, ...length]), payload]);
};

export function makeFixtureModelFiles(
  id: WhisperModelId = 'whisper-tiny.en',
  sizes = { encoder: 1_500_000, decoder: 2_500_000 },
): FixtureModelFiles {
  const repository = `test-org/${id}`;
  const revision = 'main';
  const contents = new Map<string, Buffer>([
    [
      'config.json',
      Buffer.from(JSON.stringify({ model_type: 'whisper', d_model: 64, encoder_layers: 2 })),
    ],
    ['tokenizer.json', Buffer.from(JSON.stringify({ version: '1.0', model: { vocab: { a: 0 } } }))],
    ['onnx/encoder_model_quantized.onnx', onnxLike(sizes.encoder)],
    ['onnx/decoder_model_merged_quantized.onnx', onnxLike(sizes.decoder)],
  ]);
  const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
  const files = [...contents.entries()];
  const pinned: ManifestModel = {
    id,
    repository,
    revision,
    dtype: 'q8',
    files: files.map(([path, bytes]) => ({ path, sha256: sha(bytes) })),
  };
  const unpinned: ManifestModel = {
    ...pinned,
    files: files.map(([path]) => ({ path, sha256: null })),
  };
  const served = new Map(
    files.map(([path, bytes]) => [`/${repository}/resolve/${revision}/${path}`, bytes]),
  );
  const catalogEntry: CatalogModel = {
    id,
    label: 'fixture',
    approxDownloadBytes: 0,
    expectedSpeed: '',
    dims: { dModel: 64, encoderLayers: 2 },
    isDefault: false,
    manifest: pinned,
  };
  return { pinned, unpinned, contents, catalogEntry, served };
}

/** URL path of one fixture file on the test server. */
export const servedPathOf = (model: ManifestModel, file: string): string =>
  `/${model.repository}/resolve/${model.revision}/${file}`;

/**
 * Generated stand-ins for every file a manifest entry lists (JSON for .json, ONNX-like bytes for
 * .onnx), keyed by URL path on the test server, plus the same bytes keyed by file path.
 */
export function makeServedFilesFor(
  model: ManifestModel,
  onnxBytes = 300_000,
): { served: Map<string, Buffer>; contents: Map<string, Buffer> } {
  const contents = new Map(
    model.files.map((file) => [
      file.path,
      file.path.endsWith('.onnx')
        ? onnxLike(onnxBytes)
        : Buffer.from(JSON.stringify({ file: file.path, d_model: 384, encoder_layers: 4 })),
    ]),
  );
  const served = new Map([...contents].map(([file, bytes]) => [servedPathOf(model, file), bytes]));
  return { served, contents };
}
