/**
 * `electron-vite build|dev|preview`: main (ES module), preload (CommonJS — sandboxed preloads
 * cannot be ES modules) and the renderer, which reuses the web build's settings from
 * vite.config.ts so the desktop app and `npm run web` run the same UI.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // Entry of the speech utility process (ONNX Runtime Node, off the main thread).
          'speech-process': resolve('electron/main/speech-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
