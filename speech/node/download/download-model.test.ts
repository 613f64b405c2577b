/**
 * The model downloader end to end against a real HTTP server on 127.0.0.1: full download,
 * dropped connection and Range resume, corruption, cancel, 404 and unreachable server.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelDownloadProgress } from '../../../core/desktop-api';
import { ModelDownloadError } from './download-errors';
import { downloadModel, stagingFolderOf } from './download-model';
import { inspectModelFolder } from './model-folder';
import { makeFixtureModelFiles, servedPathOf } from './testing/fixture-model-files';
import { ModelFileServer } from './testing/model-file-server';

const DECODER = 'onnx/decoder_model_merged_quantized.onnx';
const fixture = makeFixtureModelFiles();
const totalFixtureBytes = [...fixture.contents.values()].reduce((sum, b) => sum + b.length, 0);

let server: ModelFileServer;
let baseUrl: string;
let modelsRoot: string;

beforeEach(async () => {
  server = new ModelFileServer(fixture.served);
  baseUrl = await server.start();
  modelsRoot = await mkdtemp(path.join(tmpdir(), 'pitchpace-models-'));
});
afterEach(async () => {
  await server.close();
  await rm(modelsRoot, { recursive: true, force: true });
});

const expectFolderMatchesFixture = async (folder: string): Promise<void> => {
  for (const [file, bytes] of fixture.contents) {
    const onDisk = await readFile(path.join(folder, file));
    expect(onDisk.equals(bytes), file).toBe(true);
  }
};

const getsOf = (file: string) =>
  server.requests.filter(
    (request) => request.method === 'GET' && request.path === servedPathOf(fixture.pinned, file),
  );

describe('downloadModel', () => {
  it('downloads, verifies pinned hashes and lands the model atomically, with real progress', async () => {
    const events: ModelDownloadProgress[] = [];
    const report = await downloadModel({
      model: fixture.pinned,
      modelsRoot,
      baseUrl,
      onProgress: (progress) => events.push(progress),
      progressIntervalMs: 0,
    });

    expect(report).toMatchObject({
      status: 'installed',
      verification: 'verified',
      alreadyInstalled: false,
    });
    expect(report.folder).toBe(path.join(modelsRoot, fixture.pinned.id));
    expect(report.files.map((file) => file.sha256)).toEqual(
      fixture.pinned.files.map((f) => f.sha256),
    );
    await expectFolderMatchesFixture(report.folder);
    expect(await readdir(modelsRoot)).toEqual([fixture.pinned.id]); // no .partial left behind

    const last = events.at(-1);
    expect(last).toMatchObject({ receivedBytes: totalFixtureBytes, totalBytes: totalFixtureBytes });
    const received = events.map((event) => event.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(new Set(events.map((event) => event.file))).toEqual(new Set(fixture.contents.keys()));
    expect(events.some((event) => event.bytesPerSecond > 0)).toBe(true);

    // A second call finds the model complete and fetches nothing.
    const before = server.requests.length;
    const again = await downloadModel({ model: fixture.pinned, modelsRoot, baseUrl });
    expect(again).toMatchObject({ status: 'installed', alreadyInstalled: true });
    expect(server.requests.length).toBe(before);
  });

  it('resumes with a Range request when the server drops the connection mid-file', async () => {
    const cutAt = 1_000_000;
    server.faults.cutOnceAfter.set(servedPathOf(fixture.pinned, DECODER), cutAt);
    const report = await downloadModel({
      model: fixture.pinned,
      modelsRoot,
      baseUrl,
      retryDelayMs: 1,
    });

    expect(report.status).toBe('installed');
    await expectFolderMatchesFixture(report.folder);
    const gets = getsOf(DECODER);
    expect(gets).toHaveLength(2);
    expect(gets[0]?.range).toBeNull();
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(gets[1]?.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(cutAt);
  });

  it('keeps the partial file when retries run out, and a later call resumes it', async () => {
    server.faults.cutOnceAfter.set(servedPathOf(fixture.pinned, DECODER), 700_000);
    const failed = downloadModel({ model: fixture.pinned, modelsRoot, baseUrl, retries: 0 });
    await expect(failed).rejects.toThrow(ModelDownloadError);
    await expect(failed).rejects.toThrow(new RegExp(`${DECODER}.*resumes`));
    const part = path.join(stagingFolderOf(modelsRoot, fixture.pinned.id), `${DECODER}.part`);
    const partBytes = (await stat(part)).size;
    expect(partBytes).toBeGreaterThan(0);
    expect(
      await inspectModelFolder(path.join(modelsRoot, fixture.pinned.id), fixture.pinned, {
        verifyHashes: false,
      }),
    ).toMatchObject({ state: 'missing' });

    const sentBefore = server.bytesSent;
    const report = await downloadModel({ model: fixture.pinned, modelsRoot, baseUrl });
    expect(report.status).toBe('installed');
    await expectFolderMatchesFixture(report.folder);
    const decoderBytes = fixture.contents.get(DECODER)?.length ?? 0;
    // Only the missing tail was fetched again, not the whole decoder.
    expect(server.bytesSent - sentBefore).toBe(decoderBytes - partBytes);
    expect(getsOf(DECODER).at(-1)?.range).toBe(`bytes=${partBytes}-`);
  });

  it('follows redirects to a CDN, for the download and for the resume', async () => {
    server.faults.redirectToCdn = true;
    server.faults.cutOnceAfter.set(`/cdn${servedPathOf(fixture.pinned, DECODER)}`, 900_000);
    const report = await downloadModel({
      model: fixture.pinned,
      modelsRoot,
      baseUrl,
      retryDelayMs: 1,
    });
    expect(report).toMatchObject({ status: 'installed', verification: 'verified' });
    await expectFolderMatchesFixture(report.folder);
    const cdnGets = server.requests.filter(
      (request) =>
        request.method === 'GET' && request.path === `/cdn${servedPathOf(fixture.pinned, DECODER)}`,
    );
    expect(cdnGets.map((request) => request.range?.replace(/\d+/, 'N') ?? null)).toEqual([
      null,
      'bytes=N-',
    ]);
  });

  it('starts a file over when it changed on the server since the partial download (If-Range)', async () => {
    const decoderUrl = servedPathOf(fixture.unpinned, DECODER);
    server.faults.cutOnceAfter.set(decoderUrl, 700_000);
    const failed = downloadModel({ model: fixture.unpinned, modelsRoot, baseUrl, retries: 0 });
    await expect(failed).rejects.toThrow(ModelDownloadError);
    const newRevision = makeFixtureModelFiles().contents.get(DECODER) ?? Buffer.alloc(0);
    server.replaceFile(decoderUrl, newRevision);

    const report = await downloadModel({ model: fixture.unpinned, modelsRoot, baseUrl });
    const onDisk = await readFile(path.join(report.folder, DECODER));
    expect(onDisk.equals(newRevision)).toBe(true); // not old head + new tail
    const resumed = getsOf(DECODER).at(-1);
    expect(resumed?.range).toMatch(/^bytes=\d+-$/);
    expect(resumed?.ifRange).toMatch(/^"[0-9a-f]{16}"$/);
    const staged = await readdir(modelsRoot, { recursive: true });
    expect(staged.filter((name) => name.endsWith('.validator'))).toEqual([]);
  });

  it('detects a corrupted file by sha256, names it, deletes it and installs nothing', async () => {
    server.faults.corrupt.add(servedPathOf(fixture.pinned, DECODER));
    const failed = downloadModel({ model: fixture.pinned, modelsRoot, baseUrl });
    await expect(failed).rejects.toMatchObject({ kind: 'checksum', file: DECODER });
    await expect(failed).rejects.toThrow(
      /is corrupt: its sha256 is [0-9a-f]{64} but models\/manifest.json pins/,
    );
    const staged = stagingFolderOf(modelsRoot, fixture.pinned.id);
    await expect(stat(path.join(staged, `${DECODER}.part`))).rejects.toThrow();
    await expect(stat(path.join(modelsRoot, fixture.pinned.id))).rejects.toThrow();

    server.faults.corrupt.clear();
    const report = await downloadModel({ model: fixture.pinned, modelsRoot, baseUrl });
    expect(report).toMatchObject({ status: 'installed', verification: 'verified' });
  });

  it('reports unpinned files as "unpinned" and still rejects a web page saved as a model', async () => {
    const report = await downloadModel({ model: fixture.unpinned, modelsRoot, baseUrl });
    expect(report).toMatchObject({ status: 'installed', verification: 'unpinned' });
    expect(report.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);

    const htmlServer = new ModelFileServer(
      new Map(
        [...fixture.served].map(([url, bytes]) => [
          url,
          url.endsWith('.onnx') ? Buffer.from('<!doctype html><p>Sign in</p>') : bytes,
        ]),
      ),
    );
    const htmlBase = await htmlServer.start();
    const otherRoot = await mkdtemp(path.join(tmpdir(), 'pitchpace-models-'));
    try {
      await expect(
        downloadModel({ model: fixture.unpinned, modelsRoot: otherRoot, baseUrl: htmlBase }),
      ).rejects.toThrow(/encoder_model_quantized\.onnx is a web page/);
    } finally {
      await htmlServer.close();
      await rm(otherRoot, { recursive: true, force: true });
    }
  });

  it('restarts cleanly when the server ignores Range', async () => {
    server.faults.cutOnceAfter.set(servedPathOf(fixture.pinned, DECODER), 500_000);
    server.faults.ignoreRange = true;
    const report = await downloadModel({
      model: fixture.pinned,
      modelsRoot,
      baseUrl,
      retryDelayMs: 1,
    });
    expect(report.status).toBe('installed');
    await expectFolderMatchesFixture(report.folder);
  });

  it('cancels on abort, keeps the partial bytes, and resumes later', async () => {
    server.faults.chunkBytes = 64 * 1024;
    server.faults.chunkDelayMs = 5;
    const controller = new AbortController();
    const report = await downloadModel({
      model: fixture.pinned,
      modelsRoot,
      baseUrl,
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (progress) => {
        if (progress.receivedBytes > 600_000) controller.abort();
      },
    });
    expect(report).toMatchObject({ status: 'cancelled' });
    await expect(stat(path.join(modelsRoot, fixture.pinned.id))).rejects.toThrow();
    const staged = await readdir(stagingFolderOf(modelsRoot, fixture.pinned.id), {
      recursive: true,
    });
    expect(staged.some((name) => name.endsWith('.part'))).toBe(true);

    server.faults.chunkDelayMs = 0;
    const resumed = await downloadModel({ model: fixture.pinned, modelsRoot, baseUrl });
    expect(resumed.status).toBe('installed');
    await expectFolderMatchesFixture(resumed.folder);
    expect(server.requests.some((request) => request.range !== null)).toBe(true);
  });

  it('refuses to start when the disk cannot hold the model', async () => {
    const failed = downloadModel({
      model: fixture.pinned,
      modelsRoot,
      baseUrl,
      freeBytes: () => Promise.resolve(1_000_000),
    });
    await expect(failed).rejects.toMatchObject({ kind: 'filesystem' });
    await expect(failed).rejects.toThrow(
      /^Not enough disk space for whisper-tiny\.en: it needs 5 MB more, but only 1 MB is free in /,
    );
    expect(server.requests.filter((request) => request.method === 'GET')).toEqual([]);
  });

  it('turns a 404 into an error naming the file, the URL and the fix', async () => {
    const missing = { ...fixture.pinned, revision: 'no-such-revision' };
    const failed = downloadModel({ model: missing, modelsRoot, baseUrl });
    await expect(failed).rejects.toMatchObject({ kind: 'http', file: 'config.json' });
    await expect(failed).rejects.toThrow(
      /Could not download config\.json: the server answered 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/test-org\/whisper-tiny\.en\/resolve\/no-such-revision\/config\.json\. Check the download address \(base URL\)/,
    );
  });

  it('explains an unreachable server and points to importing a folder', async () => {
    await server.close();
    const failed = downloadModel({
      model: fixture.pinned,
      modelsRoot,
      baseUrl,
      retries: 1,
      retryDelayMs: 1,
    });
    await expect(failed).rejects.toMatchObject({ kind: 'network', file: 'config.json' });
    await expect(failed).rejects.toThrow(/after 2 attempts \(ECONNREFUSED.*Import model folder/);
    server = new ModelFileServer(fixture.served); // afterEach closes it
    await server.start();
  });
});
