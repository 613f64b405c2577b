/** `npm run models` against a loopback server serving generated files at the real manifest paths. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogModel } from '../../speech/models/catalog';
import { makeServedFilesFor } from '../../speech/node/download/testing/fixture-model-files';
import { ModelFileServer } from '../../speech/node/download/testing/model-file-server';
import { fetchModelsCommand } from './fetch-models-command';

const tiny = catalogModel('whisper-tiny.en');
const { served, contents } = makeServedFilesFor(tiny.manifest);
let server: ModelFileServer;
let baseUrl: string;
let out: string;

const capture = () => {
  const chunks = { stdout: '', stderr: '' };
  return {
    chunks,
    output: {
      stdout: { write: (text: string) => (chunks.stdout += text) },
      stderr: { write: (text: string) => (chunks.stderr += text) },
    },
  };
};

beforeAll(async () => {
  server = new ModelFileServer(served);
  baseUrl = await server.start();
  out = await mkdtemp(path.join(tmpdir(), 'pitchpace-fetch-models-'));
});
afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

describe('npm run models', () => {
  it('fetches every manifest file into <out>/<id>/ and prints their sha256', async () => {
    const { chunks, output } = capture();
    const code = await fetchModelsCommand(
      ['whisper-tiny.en', '--base-url', baseUrl, '--out', out],
      output,
    );
    expect(chunks.stderr).toBe('');
    expect(code).toBe(0);
    expect(chunks.stdout).toContain(
      `whisper-tiny.en: unpinned in ${path.join(out, 'whisper-tiny.en')}`,
    );
    for (const [file, bytes] of contents) {
      expect((await readFile(path.join(out, 'whisper-tiny.en', file))).equals(bytes)).toBe(true);
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(chunks.stdout).toContain(`  ${sha}  ${file}\n`);
    }
  });

  it('runs as the npm script entry (tsx), finding the model already complete', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/fetch-models.ts',
        'whisper-tiny.en',
        '--base-url',
        baseUrl,
        '--out',
        out,
      ],
      { cwd: path.resolve(import.meta.dirname, '../..') },
    );
    expect(stdout).toMatch(/^whisper-tiny\.en: unpinned in .* \(already complete\)/);
  });

  it('exits 2 with one clear line for bad input', async () => {
    for (const argv of [
      [],
      ['whisper-large'],
      ['whisper-tiny.en', '--base-url', 'ftp://x'],
      ['--bogus'],
    ]) {
      const { chunks, output } = capture();
      expect(await fetchModelsCommand(argv, output)).toBe(2);
      expect(chunks.stderr.split('\n')[0]).toMatch(/^models: /);
    }
  });

  it('exits 1 naming the file when the server lacks it', async () => {
    const { chunks, output } = capture();
    const code = await fetchModelsCommand(
      ['whisper-base.en', '--base-url', baseUrl, '--out', out],
      output,
    );
    expect(code).toBe(1);
    expect(chunks.stderr).toMatch(
      /^models: Could not download config\.json: the server answered 404/,
    );
  });
});
