/**
 * Errors a model download can end in. Each message names the file and says what to do, because
 * it is shown to the user as it is.
 */

export type DownloadFailureKind = 'http' | 'network' | 'checksum' | 'filesystem';

/** A download that failed for a reason the user can act on. */
export class ModelDownloadError extends Error {
  constructor(
    readonly kind: DownloadFailureKind,
    /** The file within the model, e.g. `onnx/encoder_model_quantized.onnx`. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ModelDownloadError';
  }
}

/** Thrown when the caller's AbortSignal stops a download; partial files are kept. */
export class DownloadCancelledError extends Error {
  constructor(readonly file: string) {
    super(`Download of ${file} was cancelled; the bytes received so far are kept for a resume.`);
    this.name = 'DownloadCancelledError';
  }
}

const FILESYSTEM_CODES = new Set([
  'ENOSPC',
  'EACCES',
  'EPERM',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'EMFILE',
  'EDQUOT',
]);

/** The errno code of a filesystem failure (disk full, no permission…), or null. */
export function filesystemErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FILESYSTEM_CODES.has(code) ? code : null;
}

/** The innermost cause's message (fetch reports "fetch failed" with the socket error inside). */
export function rootCauseMessage(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null) break;
    current = cause;
  }
  if (current instanceof Error) {
    const code = (current as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${current.message}` : current.message;
  }
  return String(current);
}

/** The user-facing error for an HTTP status the server answered with. */
export function httpStatusError(file: string, url: string, status: number, statusText: string) {
  const answer = `the server answered ${status}${statusText ? ` ${statusText}` : ''} for ${url}`;
  const fix =
    status === 404
      ? 'Check the download address (base URL) and the repository and revision in models/manifest.json.'
      : status === 401 || status === 403
        ? 'The server refused access: check the download address, or import a model folder instead.'
        : 'The server had a problem: try again later, or import a model folder instead.';
  return new ModelDownloadError('http', file, `Could not download ${file}: ${answer}. ${fix}`);
}
