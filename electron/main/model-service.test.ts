/** The desktop model service over real folders and a loopback server (no Electron needed). */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelDownloadProgress } from '../../core/desktop-api';
import { makeFixtureModelFiles } from '../../speech/node/download/testing/fixture-model-files';
import { ModelFileServer } from '../../speech/node/download/testing/model-file-server';
import { ModelService } from './model-service';

const fixture = makeFixtureModelFiles();
let server: ModelFileServer;
let base: string;
let service: ModelService;

beforeEach(async () => {
  server = new ModelFileServer(fixture.served);
  base = await mkdtemp(path.join(tmpdir(), 'pitchpace-model-service-'));
  service = new ModelService({
    modelsRoot: path.join(base, 'user-data', 'models'),
    bundledRoot: path.join(base, 'resources', 'models'),
    baseUrl: await server.start(),
    catalog: [fixture.catalogEntry],
  });
});
afterEach(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('ModelService', () => {
  it('lists a missing model, downloads it with progress, then lists it installed', async () => {
    expect(await service.list()).toEqual([
      expect.objectContaining({ id: 'whisper-tiny.en', state: 'missing', problem: null }),
    ]);
    await expect(service.installedFolderOf('whisper-tiny.en')).rejects.toThrow(
      /not installed\. Open Models to download it/,
    );
    const progress: ModelDownloadProgress[] = [];
    const outcome = await service.download('whisper-tiny.en', (p) => progress.push(p));
    expect(outcome).toEqual({
      modelId: 'whisper-tiny.en',
      status: 'installed',
      verification: 'verified',
    });
    expect(progress.at(-1)?.receivedBytes).toBe(progress.at(-1)?.totalBytes);
    expect((await service.list())[0]).toMatchObject({
      state: 'installed',
      verification: 'unpinned',
    });
    expect(await service.installedFolderOf('whisper-tiny.en')).toBe(
      path.join(base, 'user-data', 'models', 'whisper-tiny.en'),
    );
  });

  it('cancels a running download, lists it as resumable, and refuses a second one meanwhile', async () => {
    server.faults.chunkBytes = 32 * 1024;
    server.faults.chunkDelayMs = 5;
    let cancelled = false;
    const running = service.download('whisper-tiny.en', (p) => {
      if (!cancelled && p.receivedBytes > 200_000) cancelled = service.cancel('whisper-tiny.en');
    });
    await expect(service.download('whisper-tiny.en', () => undefined)).rejects.toThrow(
      'whisper-tiny.en is already downloading.',
    );
    expect(await running).toMatchObject({ status: 'cancelled' });
    expect(cancelled).toBe(true);
    expect(service.cancel('whisper-tiny.en')).toBe(false);
    expect((await service.list())[0]).toMatchObject({
      state: 'partial',
      problem: 'The download of whisper-tiny.en stopped part-way. Press Download to resume it.',
    });
  });

  it('uses a model bundled with the installer, and imports a folder into user data', async () => {
    const bundled = path.join(base, 'resources', 'models', 'whisper-tiny.en');
    const otherService = new ModelService({
      modelsRoot: path.join(base, 'scratch'),
      bundledRoot: null,
      baseUrl: 'http://127.0.0.1:9',
      catalog: [fixture.catalogEntry],
    });
    await service.download('whisper-tiny.en', () => undefined);
    await cp(path.join(base, 'user-data', 'models', 'whisper-tiny.en'), bundled, {
      recursive: true,
    });
    await rm(path.join(base, 'user-data'), { recursive: true });
    expect(await service.installedFolderOf('whisper-tiny.en')).toBe(bundled);

    expect(await otherService.importFolder(bundled)).toEqual({
      status: 'imported',
      modelId: 'whisper-tiny.en',
      verification: 'verified',
    });
    expect((await otherService.list())[0]?.state).toBe('installed');
  });

  it('rejects unknown ids with the list of real ones', async () => {
    await expect(service.installedFolderOf('whisper-large')).rejects.toThrow(/Available models/);
  });
});
