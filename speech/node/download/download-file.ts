/**
 * Downloads one file: resumable (HTTP Range onto `<file>.part`), retried after a dropped
 * connection, sha256-verified when pinned, cancellable, and renamed into place only when whole.
 */
import { mkdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DownloadCancelledError,
  ModelDownloadError,
  filesystemErrorCode,
  httpStatusError,
  rootCauseMessage,
} from './download-errors';
import { sha256OfFile } from './file-sha256';

export interface FileDownloadRequest {
  url: string;
  /** Final path. Bytes go to `<destination>.part` until the file is complete and verified. */
  destination: string;
  /** The file's path within the model, used in messages. */
  file: string;
  expectedSha256: string | null;
  signal?: AbortSignal;
  /** Bytes of this file on disk (resumed bytes included) and its length once known. */
  onBytes?: (bytesOnDisk: number, totalBytes: number | null) => void;
  /** Automatic resumes after a dropped connection or a server error. */
  retries?: number;
  /** Pause before the first retry; doubles each time. */
  retryDelayMs?: number;
}

export interface FileDownloadResult {
  bytes: number;
  sha256: string;
  /** Bytes that were already on disk when this call started (0 for a fresh download). */
  resumedFromBytes: number;
  verification: 'verified' | 'unpinned';
}

/** A failure worth retrying with a Range request (connection dropped, 5xx, short body). */
class RetriableTransferError extends Error {}

export const partPathOf = (destination: string): string => `${destination}.part`;

async function sizeOnDisk(filePath: string): Promise<number> {
  try {
    return (await stat(filePath)).size;
  } catch {
    return 0;
  }
}

/** Parses `Content-Range: bytes start-end/total` (total may be `*`). */
function parseContentRange(header: string | null): { start: number; total: number | null } | null {
  const match = header ? /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header.trim()) : null;
  if (!match?.[1] || !match[2]) return null;
  return { start: Number(match[1]), total: match[2] === '*' ? null : Number(match[2]) };
}

const unsatisfiableTotal = (header: string | null): number | null => {
  const match = header ? /^bytes \*\/(\d+)$/.exec(header.trim()) : null;
  return match?.[1] ? Number(match[1]) : null;
};

/**
 * The part file's validator (strong ETag or Last-Modified), kept beside it so a resume sends
 * `If-Range`: if the file changed on the server meanwhile (e.g. `main` moved), the server answers
 * with the whole new file instead of a tail that would not fit the bytes already on disk.
 */
const validatorPathOf = (partPath: string): string => `${partPath}.validator`;

async function readValidator(partPath: string): Promise<string | null> {
  try {
    return (await readFile(validatorPathOf(partPath), 'utf8')) || null;
  } catch {
    return null;
  }
}

async function saveValidator(partPath: string, response: Response): Promise<void> {
  const etag = response.headers.get('etag');
  const validator = etag && !etag.startsWith('W/') ? etag : response.headers.get('last-modified');
  if (validator) await writeFile(validatorPathOf(partPath), validator);
  else await rm(validatorPathOf(partPath), { force: true });
}

/** One HTTP exchange: appends to the part file from where it ends. Returns the file length. */
async function transferOnce(request: FileDownloadRequest, partPath: string): Promise<number> {
  const offset = await sizeOnDisk(partPath);
  const headers: Record<string, string> = { 'Accept-Encoding': 'identity' };
  if (offset > 0) {
    headers.Range = `bytes=${offset}-`;
    const validator = await readValidator(partPath);
    if (validator) headers['If-Range'] = validator;
  }
  let response: Response;
  try {
    response = await fetch(request.url, { headers, signal: request.signal, redirect: 'follow' });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new RetriableTransferError(rootCauseMessage(error), { cause: error });
  }

  if (response.status === 416 && offset > 0) {
    await response.body?.cancel();
    // The part file may already be whole (e.g. cancelled just before the rename).
    if (unsatisfiableTotal(response.headers.get('content-range')) === offset) return offset;
    await truncate(partPath, 0);
    throw new RetriableTransferError('the server refused to resume; starting the file again');
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    const error = httpStatusError(request.file, request.url, response.status, response.statusText);
    if (response.status >= 500) throw new RetriableTransferError(error.message, { cause: error });
    throw error;
  }

  let startAt = 0;
  let total: number | null = null;
  if (response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (!range || range.start !== offset) {
      await response.body.cancel();
      await truncate(partPath, 0);
      throw new RetriableTransferError('the server resumed at the wrong byte; starting again');
    }
    startAt = offset;
    total = range.total;
  } else {
    const length = response.headers.get('content-length');
    total = length === null ? null : Number(length);
  }

  if (startAt === 0) await saveValidator(partPath, response);
  let onDisk = startAt;
  request.onBytes?.(onDisk, total);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onDisk += chunk.length;
      request.onBytes?.(onDisk, total);
      callback(null, chunk);
    },
  });
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  const output = createWriteStream(partPath, { flags: startAt === 0 ? 'w' : 'a' });
  try {
    await pipeline(body, counter, output, { signal: request.signal });
  } catch (error) {
    if (request.signal?.aborted || filesystemErrorCode(error)) throw error;
    throw new RetriableTransferError(rootCauseMessage(error), { cause: error });
  }
  const written = await sizeOnDisk(partPath);
  if (total !== null && written !== total) {
    throw new RetriableTransferError(`the connection ended after ${written} of ${total} bytes`);
  }
  return written;
}

function finalError(request: FileDownloadRequest, error: unknown, attempts: number): Error {
  if (error instanceof ModelDownloadError) return error;
  const code = filesystemErrorCode(error);
  if (code) {
    return new ModelDownloadError(
      'filesystem',
      request.file,
      `Could not save ${request.file} to ${path.dirname(request.destination)} (${code}). ` +
        'Free some disk space or make the models folder writable, then download again.',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ModelDownloadError(
    'network',
    request.file,
    `Could not download ${request.file} from ${new URL(request.url).host} after ${attempts} ` +
      `attempt${attempts === 1 ? '' : 's'} (${detail}). Check the connection and download ` +
      'again: the bytes already received are kept and the download resumes. Offline? Copy a ' +
      'model folder from another machine and use "Import model folder…".',
    { cause: error },
  );
}

/** Transfers until the part file is whole, resuming after retriable failures. */
async function transferWithRetries(
  request: FileDownloadRequest,
  partPath: string,
  retries: number,
  retryDelayMs: number,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transferOnce(request, partPath);
    } catch (error) {
      if (request.signal?.aborted) throw new DownloadCancelledError(request.file);
      if (!(error instanceof RetriableTransferError) || attempt > retries) {
        throw finalError(request, error, attempt);
      }
      try {
        await sleep(retryDelayMs * 2 ** (attempt - 1), undefined, { signal: request.signal });
      } catch {
        throw new DownloadCancelledError(request.file);
      }
    }
  }
}

/** Downloads (or resumes) one file; see the module comment for the guarantees. */
export async function downloadFile(request: FileDownloadRequest): Promise<FileDownloadResult> {
  const partPath = partPathOf(request.destination);
  const retries = request.retries ?? 3;
  const retryDelayMs = request.retryDelayMs ?? 500;
  try {
    await mkdir(path.dirname(request.destination), { recursive: true });
  } catch (error) {
    throw finalError(request, error, 0);
  }
  const resumedFromBytes = await sizeOnDisk(partPath);

  const bytes = await transferWithRetries(request, partPath, retries, retryDelayMs);

  const sha256 = await sha256OfFile(partPath);
  if (request.expectedSha256 !== null && sha256 !== request.expectedSha256) {
    await rm(partPath, { force: true });
    await rm(validatorPathOf(partPath), { force: true });
    throw new ModelDownloadError(
      'checksum',
      request.file,
      `${request.file} is corrupt: its sha256 is ${sha256} but models/manifest.json pins ` +
        `${request.expectedSha256}. The damaged file was deleted; download the model again. If ` +
        `this repeats, the server at ${new URL(request.url).host} serves a different file.`,
    );
  }
  await rename(partPath, request.destination);
  await rm(validatorPathOf(partPath), { force: true });
  return {
    bytes,
    sha256,
    resumedFromBytes,
    verification: request.expectedSha256 === null ? 'unpinned' : 'verified',
  };
}
