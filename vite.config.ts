import { createReadStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Connect, Plugin, UserConfig } from 'vite';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const rendererOutDir = fileURLToPath(new URL('./out/renderer', import.meta.url));
const repoModelsDir = fileURLToPath(new URL('./models', import.meta.url));

/**
 * Cross-origin isolation (COOP + COEP) unlocks SharedArrayBuffer, which ONNX Runtime Web needs
 * for its WASM threads. Electron's app:// protocol handler sends the same two headers.
 */
export const crossOriginIsolationHeaders: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Renderer settings shared by `npm run web` (this file) and the Electron build
 * (`electron.vite.config.ts`): plugins, ES-module workers, and ONNX Runtime Web left
 * unbundled by the dep optimiser (it ships its own .wasm/.mjs pairs loaded by URL).
 * `base: './'` keeps asset URLs relative so the build also loads under app://.
 */
export const rendererConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: {
    outDir: rendererOutDir,
    emptyOutDir: true,
    target: 'es2022',
    // Worklets are loaded by URL (audioWorklet.addModule); a data: URL would need a looser CSP.
    assetsInlineLimit: (file: string) => (file.endsWith('.worklet.js') ? false : undefined),
  },
} satisfies UserConfig;

const MODEL_FILE_TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
};

/**
 * Serves a models folder at /models/ for `npm run web` and `vite preview` (weights are never in
 * the repo, so not in public/): each file as it is, 404 for anything missing (not the SPA page),
 * and /models/index.json naming the model folders present. `PITCHPACE_MODELS_DIR` (read per
 * request) picks another folder than `models/`: the e2e suite serves generated fixtures.
 */
function serveModelsFolder(): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (!pathname.startsWith('/models/')) return next();
    const root = path.resolve(process.env.PITCHPACE_MODELS_DIR ?? repoModelsDir);
    if (pathname === '/models/index.json') {
      const folders = statSync(root, { throwIfNoEntry: false })?.isDirectory()
        ? readdirSync(root, { withFileTypes: true })
        : [];
      const models = folders
        .filter(
          (d) =>
            d.isDirectory() &&
            statSync(path.join(root, d.name, 'config.json'), { throwIfNoEntry: false }),
        )
        .map((d) => ({ id: d.name }));
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ models }));
      return;
    }
    let file: string;
    try {
      file = path.resolve(root, decodeURIComponent(pathname.slice('/models/'.length)));
    } catch {
      file = root; // malformed escapes: answered 404 below like any missing file
    }
    const stat = file.startsWith(root + path.sep)
      ? statSync(file, { throwIfNoEntry: false })
      : undefined;
    if (!stat?.isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader(
      'Content-Type',
      MODEL_FILE_TYPES[path.extname(file)] ?? 'application/octet-stream',
    );
    res.setHeader('Content-Length', stat.size);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  return {
    name: 'pitchpace-serve-models',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  ...rendererConfig,
  plugins: [...rendererConfig.plugins, serveModelsFolder()],
  // IndexedDB is per origin: a fixed host and port keep saved attempts visible across runs.
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    headers: crossOriginIsolationHeaders,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: crossOriginIsolationHeaders,
  },
});
