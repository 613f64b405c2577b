/**
 * The app:// scheme: the renderer's one origin for the app's whole life (IndexedDB is per
 * origin, so stored attempts must never move). Serves the built renderer (out/renderer) with
 * the security headers, and nothing outside it.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { SECURITY_HEADERS } from './content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pitchpace';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium sees it. Node's URL reports "null" as the origin of any
 * non-special scheme, app:// included, so it cannot be used to recognise the app's own pages.
 * Returns '' for unparsable or host-less URLs (which are never trusted).
 */
export function originOfUrl(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? '' : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '';
  }
}

/**
 * standard: real origin and relative URLs; secure: a secure context (getUserMedia, crypto);
 * supportFetchAPI/corsEnabled: fetch() of .wasm and model assets; stream: media range requests.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    stream: true,
    codeCache: true,
  },
};

/** The part of Electron's `protocol` and `app` modules scheme registration needs. */
export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
}

/**
 * Registers app:// as privileged. Electron only honours this before `ready`, so calling it later
 * is a programming error worth failing loudly on rather than a silently insecure origin.
 */
export function registerAppScheme(protocol: SchemeRegistrar, isAppReady: () => boolean): void {
  if (isAppReady()) {
    throw new Error('app:// must be registered as privileged before the app is ready.');
  }
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Where an app:// URL points: a file inside the renderer folder, or a refusal status. */
export type AppFileResolution =
  { kind: 'file'; filePath: string } | { kind: 'refused'; status: number };

const isInside = (root: string, candidate: string): boolean => {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * Maps an app:// URL to a file under `rendererRoot`, refusing other hosts, encoded separators,
 * NUL bytes and anything that resolves outside the root (`..`, `%2e%2e`, `..%2f`).
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'refused', status: 404 };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused', status: 400 };
  if (pathname.split('/').some((segment) => segment === '..')) {
    return { kind: 'refused', status: 403 };
  }
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, relative);
  if (!isInside(root, filePath)) return { kind: 'refused', status: 403 };
  return { kind: 'file', filePath };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

const contentTypeOf = (filePath: string): string =>
  MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

const refusal = (status: number): Response =>
  new Response(null, { status, headers: { ...SECURITY_HEADERS } });

/**
 * Builds the `protocol.handle('app', …)` handler. Extension-less paths that match no file fall
 * back to index.html so client-side routes survive a reload.
 */
export function createAppProtocolHandler(rendererRoot: string) {
  const root = path.resolve(rendererRoot);
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const resolution = resolveAppFile(root, request.url);
    if (resolution.kind === 'refused') return refusal(resolution.status);
    let filePath = resolution.filePath;
    let body: Uint8Array<ArrayBuffer>;
    try {
      // realpath: a symlink inside the root must not lead outside it.
      const real = await realpath(filePath);
      if (!isInside(await realpath(root), real)) return refusal(403);
      body = new Uint8Array(await readFile(real));
    } catch {
      if (path.extname(filePath) !== '') return refusal(404);
      filePath = path.join(root, 'index.html');
      try {
        body = new Uint8Array(await readFile(filePath));
      } catch {
        return refusal(404);
      }
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(filePath) },
    });
  };
}
