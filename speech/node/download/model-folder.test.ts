/** Model folder validation and "Import model folder…", on generated model files. */
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importModelFolder } from './import-model-folder';
import { ModelFolderError, assertModelFolderUsable, inspectModelFolder } from './model-folder';
import { makeFixtureModelFiles } from './testing/fixture-model-files';

const fixture = makeFixtureModelFiles();
const ENCODER = 'onnx/encoder_model_quantized.onnx';
let base: string;
let source: string;

const writeFixture = async (folder: string): Promise<void> => {
  for (const [file, bytes] of fixture.contents) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), bytes);
  }
};

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'pitchpace-folder-'));
  source = path.join(base, 'copied-from-usb');
  await writeFixture(source);
});
afterEach(() => rm(base, { recursive: true, force: true }));

describe('inspectModelFolder', () => {
  it('accepts a complete folder: verified when pinned, unpinned otherwise', async () => {
    expect(await inspectModelFolder(source, fixture.pinned, { verifyHashes: true })).toEqual({
      state: 'installed',
      problem: null,
      file: null,
      verification: 'verified',
    });
    expect(
      await inspectModelFolder(source, fixture.unpinned, { verifyHashes: true }),
    ).toMatchObject({
      state: 'installed',
      verification: 'unpinned',
    });
  });

  it('reports a missing folder as missing, without a problem', async () => {
    expect(
      await inspectModelFolder(path.join(base, 'nope'), fixture.pinned, { verifyHashes: false }),
    ).toEqual({
      state: 'missing',
      problem: null,
      file: null,
      verification: 'unpinned',
    });
  });

  it('names a missing file and lists what a complete folder needs', async () => {
    await rm(path.join(source, ENCODER));
    const inspection = await inspectModelFolder(source, fixture.pinned, { verifyHashes: false });
    expect(inspection.state).toBe('partial');
    expect(inspection.problem).toMatch(
      /^whisper-tiny\.en: onnx\/encoder_model_quantized\.onnx is missing\. Download the model again, or import a complete folder/,
    );
  });

  it('names a half-downloaded file', async () => {
    await rm(path.join(source, ENCODER));
    await writeFile(path.join(source, `${ENCODER}.part`), Buffer.alloc(10));
    const inspection = await inspectModelFolder(source, fixture.pinned, { verifyHashes: false });
    expect(inspection).toMatchObject({ state: 'partial' });
    expect(inspection.problem).toContain(
      `${ENCODER} is only partly downloaded. Resume the download`,
    );
  });

  it('finds truncated or junk ONNX and broken JSON by form, and a changed byte by its hash', async () => {
    const encoderPath = path.join(source, ENCODER);
    const original = await readFile(encoderPath);
    await truncate(encoderPath, 1000);
    const unhashed = await inspectModelFolder(source, fixture.unpinned, { verifyHashes: false });
    expect(unhashed).toMatchObject({ state: 'corrupt', file: ENCODER });
    expect(unhashed.problem).toMatch(
      /encoder_model_quantized\.onnx is truncated \(1000 bytes, the model needs \d+\)\. Delete the folder/,
    );

    // Same length, one byte changed: only the pinned hash can tell.
    original[500] = (original[500] ?? 0) ^ 0xff;
    await writeFile(encoderPath, original);
    const unverified = await inspectModelFolder(source, fixture.pinned, { verifyHashes: false });
    expect(unverified.state).toBe('installed');
    const hashed = await inspectModelFolder(source, fixture.pinned, { verifyHashes: true });
    expect(hashed.state).toBe('corrupt');
    expect(hashed.problem).toMatch(
      new RegExp(
        `${ENCODER} is corrupt \\(sha256 [0-9a-f]{64}, expected ${fixture.pinned.files[2]?.sha256 ?? ''}\\)\\. Delete the folder`,
      ),
    );

    await writeFile(encoderPath, Buffer.from('garbage that is long enough to check'));
    expect(
      (await inspectModelFolder(source, fixture.unpinned, { verifyHashes: false })).problem,
    ).toContain(`${ENCODER} is not an ONNX model`);
    await writeFile(encoderPath, '<!DOCTYPE html><title>Sign in</title>');
    expect(
      (await inspectModelFolder(source, fixture.unpinned, { verifyHashes: false })).problem,
    ).toContain(`${ENCODER} is a web page`);

    await writeFile(path.join(source, 'config.json'), '{"d_model": 64, ');
    expect(
      (await inspectModelFolder(source, fixture.unpinned, { verifyHashes: false })).problem,
    ).toContain('config.json is not valid JSON');
  });

  it('assertModelFolderUsable throws an error naming the file at fault', async () => {
    await writeFile(path.join(source, 'tokenizer.json'), '');
    const failure = assertModelFolderUsable(source, fixture.pinned);
    await expect(failure).rejects.toBeInstanceOf(ModelFolderError);
    await expect(failure).rejects.toMatchObject({ file: 'tokenizer.json' });
    await expect(assertModelFolderUsable(path.join(base, 'none'), fixture.pinned)).rejects.toThrow(
      /not installed .*"npm run models -- whisper-tiny\.en"/,
    );
  });
});

describe('importModelFolder', () => {
  it('recognises the model from config.json, copies it in and verifies it', async () => {
    const modelsRoot = path.join(base, 'app-data', 'models');
    const report = await importModelFolder(source, modelsRoot, [fixture.catalogEntry]);
    expect(report).toEqual({
      modelId: 'whisper-tiny.en',
      verification: 'verified',
      folder: path.join(modelsRoot, 'whisper-tiny.en'),
    });
    const copied = await readFile(path.join(report.folder, ENCODER));
    expect(copied.equals(fixture.contents.get(ENCODER) ?? Buffer.alloc(0))).toBe(true);
    // Importing again replaces the earlier copy.
    await importModelFolder(source, modelsRoot, [fixture.catalogEntry]);
  });

  it('refuses an incomplete folder, naming the file, and copies nothing', async () => {
    const modelsRoot = path.join(base, 'models');
    await rm(path.join(source, 'onnx', 'decoder_model_merged_quantized.onnx'));
    const failure = importModelFolder(source, modelsRoot, [fixture.catalogEntry]);
    await expect(failure).rejects.toMatchObject({
      file: 'onnx/decoder_model_merged_quantized.onnx',
    });
    await expect(failure).rejects.toThrow(
      /^Cannot import .*decoder_model_merged_quantized\.onnx is missing/,
    );
    await expect(
      readFile(path.join(modelsRoot, 'whisper-tiny.en', 'config.json')),
    ).rejects.toThrow();
  });

  it('explains a folder that is not a model, or a model it does not offer', async () => {
    await expect(
      importModelFolder(base, path.join(base, 'models'), [fixture.catalogEntry]),
    ).rejects.toThrow(
      /is not a Whisper model folder: config\.json is missing\. Choose the folder that contains config\.json/,
    );
    await writeFile(
      path.join(source, 'config.json'),
      JSON.stringify({ d_model: 1280, encoder_layers: 32 }),
    );
    await expect(
      importModelFolder(source, path.join(base, 'models'), [fixture.catalogEntry]),
    ).rejects.toThrow(
      /does not offer \(d_model 1280, 32 encoder layers\)\. Import one of: whisper-tiny\.en/,
    );
  });
});
