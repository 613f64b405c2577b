import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_ID,
  MODEL_CATALOG,
  MODEL_MANIFEST,
  catalogModel,
  isCatalogModelId,
} from './catalog';
import { modelFileUrl, parseModelManifest } from './manifest';

const TRANSFORMERS_JS_FILES = [
  'config.json',
  'generation_config.json',
  'preprocessor_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/encoder_model_quantized.onnx',
  'onnx/decoder_model_merged_quantized.onnx',
];

describe('model catalog', () => {
  it('offers tiny, base (default) and small, with size and speed for the picker', () => {
    expect(MODEL_CATALOG.map((model) => model.id)).toEqual([
      'whisper-tiny.en',
      'whisper-base.en',
      'whisper-small.en',
    ]);
    expect(DEFAULT_MODEL_ID).toBe('whisper-base.en');
    expect(MODEL_CATALOG.filter((model) => model.isDefault).map((model) => model.id)).toEqual([
      DEFAULT_MODEL_ID,
    ]);
    const sizes = MODEL_CATALOG.map((model) => model.approxDownloadBytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    for (const model of MODEL_CATALOG) expect(model.expectedSpeed).toMatch(/real time/);
  });

  it('lists the q8 files Transformers.js loads, all unpinned until hashes can be fetched', () => {
    for (const model of MODEL_CATALOG) {
      expect(model.manifest.dtype).toBe('q8');
      expect(model.manifest.repository).toBe(`Xenova/${model.id}`);
      expect(model.manifest.files.map((file) => file.path)).toEqual(TRANSFORMERS_JS_FILES);
      expect(model.manifest.files.every((file) => file.sha256 === null)).toBe(true);
    }
    expect(MODEL_MANIFEST.defaultBaseUrl).toBe('https://huggingface.co');
  });

  it('validates ids and explains unknown ones', () => {
    expect(isCatalogModelId('whisper-small.en')).toBe(true);
    expect(isCatalogModelId('whisper-large')).toBe(false);
    expect(isCatalogModelId(42)).toBe(false);
    expect(() => catalogModel('whisper-large')).toThrow(
      'Unknown model "whisper-large". Available models: whisper-tiny.en, whisper-base.en, whisper-small.en.',
    );
  });

  it('builds Hugging Face style file URLs under any base URL', () => {
    const model = catalogModel('whisper-base.en').manifest;
    expect(
      modelFileUrl('https://huggingface.co/', model, 'onnx/encoder_model_quantized.onnx'),
    ).toBe(
      'https://huggingface.co/Xenova/whisper-base.en/resolve/main/onnx/encoder_model_quantized.onnx',
    );
    expect(modelFileUrl('http://127.0.0.1:8080/mirror', model, 'config.json')).toBe(
      'http://127.0.0.1:8080/mirror/Xenova/whisper-base.en/resolve/main/config.json',
    );
  });
});

describe('parseModelManifest', () => {
  const valid = {
    schemaVersion: 1,
    defaultBaseUrl: 'https://example.org',
    models: [
      {
        id: 'm',
        repository: 'o/m',
        revision: 'main',
        dtype: 'q8',
        files: [{ path: 'a.json', sha256: null }],
      },
    ],
  };

  it('names the field that is wrong', () => {
    const withFile = (file: unknown) => ({
      ...valid,
      models: [{ ...valid.models[0], files: [file] }],
    });
    expect(() => parseModelManifest({ ...valid, schemaVersion: 2 })).toThrow(
      'schemaVersion must be 1',
    );
    expect(() => parseModelManifest(withFile({ path: '../../etc/passwd', sha256: null }))).toThrow(
      'models[0].files[0].path "../../etc/passwd" must be a relative path inside the model',
    );
    expect(() => parseModelManifest(withFile({ path: 'a.json', sha256: 'ABC' }))).toThrow(
      'models[0].files[0].sha256 must be null or 64 lower-case hex digits',
    );
    expect(() =>
      parseModelManifest({ ...valid, models: [valid.models[0], valid.models[0]] }),
    ).toThrow('duplicate ids');
    expect(parseModelManifest(valid).models[0]?.files[0]).toEqual({ path: 'a.json', sha256: null });
  });
});
