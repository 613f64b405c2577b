/**
 * Downloads every file of a model into `<modelsRoot>/.partial/<id>/` (where an interrupted
 * download waits to be resumed), verifies the whole folder, then renames it to
 * `<modelsRoot>/<id>` so a model folder is either complete or absent.
 */
import { mkdir, readdir, rename, rm, rmdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { ModelDownloadProgress, ModelVerification } from '../../../core/desktop-api';
import type { ManifestModel } from '../../models/manifest';
import { modelFileUrl } from '../../models/manifest';
import { DownloadCancelledError, ModelDownloadError } from './download-errors';
import { downloadFile } from './download-file';
import { sha256OfFile } from './file-sha256';
import { inspectModelFolder } from './model-folder';
import { TransferRateMeter } from './transfer-rate';

export interface ModelDownloadOptions {
  model: ManifestModel;
  modelsRoot: string;
  /** e.g. `https://huggingface.co`, a mirror, or the test server. */
  baseUrl: string;
  signal?: AbortSignal;
  onProgress?: (progress: ModelDownloadProgress) => void;
  /** Minimum time between progress events (the last event is always sent). */
  progressIntervalMs?: number;
  retries?: number;
  retryDelayMs?: number;
  /** Free bytes where models are stored (injectable so tests can simulate a full disk). */
  freeBytes?: (folder: string) => Promise<number>;
}

export interface DownloadedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ModelDownloadReport {
  status: 'installed' | 'cancelled';
  verification: ModelVerification;
  folder: string;
  /** Files and their sha256 (for pinning); empty when cancelled. */
  files: DownloadedFile[];
  /** True when the model was already complete and nothing was fetched. */
  alreadyInstalled: boolean;
}

/** Folder of an installed model. */
export const modelFolderOf = (modelsRoot: string, modelId: string): string =>
  path.join(modelsRoot, modelId);

/** Folder where a model's download collects its files until it is complete. */
export const stagingFolderOf = (modelsRoot: string, modelId: string): string =>
  path.join(modelsRoot, '.partial', modelId);

const fileSize = async (filePath: string): Promise<number | null> => {
  try {
    return (await stat(filePath)).size;
  } catch {
    return null;
  }
};

/** Content lengths from HEAD requests, so the progress bar has a total from the start. */
async function probeLengths(
  baseUrl: string,
  model: ManifestModel,
  signal: AbortSignal | undefined,
): Promise<(number | null)[]> {
  return Promise.all(
    model.files.map(async (file) => {
      try {
        const response = await fetch(modelFileUrl(baseUrl, model, file.path), {
          method: 'HEAD',
          headers: { 'Accept-Encoding': 'identity' },
          signal,
        });
        const length = response.headers.get('content-length');
        return response.ok && length !== null ? Number(length) : null;
      } catch {
        return null; // The GET that follows reports the real problem.
      }
    }),
  );
}

async function listHashes(folder: string, model: ManifestModel): Promise<DownloadedFile[]> {
  return Promise.all(
    model.files.map(async (file) => {
      const filePath = path.join(folder, ...file.path.split('/'));
      return {
        path: file.path,
        bytes: (await fileSize(filePath)) ?? 0,
        sha256: await sha256OfFile(filePath),
      };
    }),
  );
}

/** Downloads (or resumes, or confirms) one model. Failures throw `ModelDownloadError`. */
export async function downloadModel(options: ModelDownloadOptions): Promise<ModelDownloadReport> {
  const { model, modelsRoot, signal } = options;
  const folder = modelFolderOf(modelsRoot, model.id);
  const existing = await inspectModelFolder(folder, model, { verifyHashes: true });
  if (existing.state === 'installed') {
    const files = await listHashes(folder, model);
    return {
      status: 'installed',
      verification: existing.verification,
      folder,
      files,
      alreadyInstalled: true,
    };
  }

  const staging = stagingFolderOf(modelsRoot, model.id);
  await mkdir(staging, { recursive: true });
  const lengths = await probeLengths(options.baseUrl, model, signal);
  const totalBytes = lengths.every((length) => length !== null)
    ? lengths.reduce<number>((sum, length) => sum + (length ?? 0), 0)
    : null;
  if (totalBytes !== null) await ensureSpace(options, staging, totalBytes);

  // Speed counts only bytes moved in this run: resumed and skipped bytes would inflate it.
  const meter = new TransferRateMeter();
  let transferred = 0;
  let lastOnDisk: number | null = null;
  const interval = options.progressIntervalMs ?? 100;
  let lastSent = -Infinity;
  let completedBytes = 0;
  const report = (file: string, fileIndex: number, fileBytes: number, force: boolean): void => {
    const receivedBytes = completedBytes + fileBytes;
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastSent < interval)) return;
    lastSent = now;
    options.onProgress({
      modelId: model.id,
      file,
      fileIndex,
      fileCount: model.files.length,
      receivedBytes,
      totalBytes,
      bytesPerSecond: meter.bytesPerSecond(),
      secondsLeft: meter.secondsLeft(totalBytes === null ? null : totalBytes - receivedBytes),
    });
  };
  const onFileBytes = (file: string, fileIndex: number, onDisk: number): void => {
    // The first count of a transfer is where it resumed; a smaller one means it restarted.
    if (lastOnDisk !== null && onDisk > lastOnDisk) transferred += onDisk - lastOnDisk;
    lastOnDisk = onDisk;
    meter.record(transferred);
    report(file, fileIndex, onDisk, false);
  };

  const files: DownloadedFile[] = [];
  try {
    for (const [fileIndex, file] of model.files.entries()) {
      const destination = path.join(staging, ...file.path.split('/'));
      const alreadyThere = await fileSize(destination);
      if (alreadyThere !== null) {
        // Finished by an earlier, interrupted run; its sha256 is checked with the folder below.
        completedBytes += alreadyThere;
        report(file.path, fileIndex, 0, true);
        continue;
      }
      report(file.path, fileIndex, 0, true);
      lastOnDisk = null;
      const result = await downloadFile({
        url: modelFileUrl(options.baseUrl, model, file.path),
        destination,
        file: file.path,
        expectedSha256: file.sha256,
        signal,
        retries: options.retries,
        retryDelayMs: options.retryDelayMs,
        onBytes: (onDisk) => onFileBytes(file.path, fileIndex, onDisk),
      });
      completedBytes += result.bytes;
      files.push({ path: file.path, bytes: result.bytes, sha256: result.sha256 });
      report(file.path, fileIndex, 0, true);
    }
  } catch (error) {
    if (error instanceof DownloadCancelledError) {
      return {
        status: 'cancelled',
        verification: 'unpinned',
        folder,
        files: [],
        alreadyInstalled: false,
      };
    }
    throw error;
  }

  const staged = await inspectModelFolder(staging, model, { verifyHashes: true });
  if (staged.state !== 'installed') {
    // A file finished by an earlier run went bad: drop the staging folder so the next run is clean.
    await rm(staging, { recursive: true, force: true });
    throw new ModelDownloadError(
      'checksum',
      model.id,
      `${staged.problem ?? 'The download is damaged.'} Download the model again.`,
    );
  }
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
  await removeIfEmpty(path.dirname(staging));
  const complete = files.length === model.files.length ? files : await listHashes(folder, model);
  return {
    status: 'installed',
    verification: staged.verification,
    folder,
    files: complete,
    alreadyInstalled: false,
  };
}

const freeBytesOnDisk = async (folder: string): Promise<number> => {
  const info = await statfs(folder);
  return info.bavail * info.bsize;
};

/** Fails before fetching anything when the disk cannot hold what is left to download. */
async function ensureSpace(options: ModelDownloadOptions, staging: string, total: number) {
  let onDisk = 0;
  for (const entry of await readdir(staging, { recursive: true })) {
    onDisk += (await fileSize(path.join(staging, entry))) ?? 0;
  }
  const needed = Math.max(0, total - onDisk);
  const free = await (options.freeBytes ?? freeBytesOnDisk)(staging);
  if (free >= needed * 1.05) return;
  const mb = (bytes: number): string => `${Math.ceil(bytes / 1e6)} MB`;
  throw new ModelDownloadError(
    'filesystem',
    options.model.id,
    `Not enough disk space for ${options.model.id}: it needs ${mb(needed)} more, but only ` +
      `${mb(free)} is free in ${options.modelsRoot}. Free some space and download again.`,
  );
}

async function removeIfEmpty(folder: string): Promise<void> {
  try {
    if ((await readdir(folder)).length === 0) await rmdir(folder);
  } catch {
    // Another download may be using it; leaving an empty folder is harmless.
  }
}
