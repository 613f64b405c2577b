import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  originOfUrl,
  registerAppScheme,
  resolveAppFile,
} from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

describe('app:// scheme registration', () => {
  it('registers app:// as standard, secure, fetch-capable, streaming and CORS-enabled', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol, () => false);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        corsEnabled: true,
      },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
  });

  it('refuses to register once the app is ready (Electron would ignore it)', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    expect(() => registerAppScheme(protocol, () => true)).toThrow(/before the app is ready/);
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });
});

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/renderer');

  it('maps app URLs to files under the renderer root', () => {
    expect(resolveAppFile(root, 'app://pitchpace/')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'index.html'),
    });
    expect(resolveAppFile(root, 'app://pitchpace/assets/ort%20wasm.wasm?v=1')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'ort wasm.wasm'),
    });
  });

  it.each([
    'app://pitchpace/..%2f..%2fetc%2fpasswd',
    'app://pitchpace/assets/..%2F..%2F..%2Fetc/passwd',
    'app://pitchpace/%2e%2e/%2e%2e/etc/passwd',
    'app://pitchpace/assets/%2E%2E%2f%2E%2E%2fsecret',
    'app://pitchpace/..%5c..%5cwindows',
    'app://pitchpace/index.html%00.png',
  ])('refuses traversal: %s', (url) => {
    const resolution = resolveAppFile(root, url);
    if (resolution.kind === 'file') {
      // The URL parser may already have folded the dots away: then it must stay inside.
      expect(resolution.filePath.startsWith(root + path.sep)).toBe(true);
    } else {
      expect([400, 403]).toContain(resolution.status);
    }
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppFile(root, 'app://evil/index.html')).toEqual({ kind: 'refused', status: 404 });
    expect(resolveAppFile(root, 'file:///etc/passwd')).toEqual({ kind: 'refused', status: 404 });
    expect(resolveAppFile(root, 'not a url')).toEqual({ kind: 'refused', status: 400 });
  });
});

describe('app:// handler', () => {
  let base: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'pitchpace-app-protocol-'));
    const root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Pitchpace</title>');
    await writeFile(path.join(root, 'assets', 'ort.wasm'), new Uint8Array([0, 97, 115, 109]));
    await writeFile(path.join(base, 'secret.txt'), 'outside the root');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
    handler = createAppProtocolHandler(root);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves files with the CSP, cross-origin isolation and a correct content type', async () => {
    const response = await handler(new Request('app://pitchpace/assets/ort.wasm'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('falls back to index.html for client routes, but 404s missing assets', async () => {
    const route = await handler(new Request('app://pitchpace/history'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Pitchpace</title>');
    expect((await handler(new Request('app://pitchpace/assets/missing.js'))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://pitchpace/..%2fsecret.txt',
      'app://pitchpace/assets/..%2f..%2fsecret.txt',
      'app://pitchpace/assets/link.txt',
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('outside the root');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://pitchpace/index.html', { method: 'POST' }));
    expect(response.status).toBe(405);
  });
});

describe('originOfUrl', () => {
  it('gives app:// its real origin (Node would say "null")', () => {
    expect(new URL('app://pitchpace/index.html').origin).toBe('null');
    expect(originOfUrl('app://pitchpace/index.html')).toBe('app://pitchpace');
    expect(originOfUrl('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOfUrl('file:///etc/passwd')).toBe('');
    expect(originOfUrl('garbage')).toBe('');
  });
});
