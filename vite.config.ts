import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const rendererOutDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

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

export default defineConfig({
  ...rendererConfig,
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
