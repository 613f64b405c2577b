// @ts-check
/**
 * What `npm start` runs: the desktop app when the Electron runtime is installed, else the same
 * UI as a web page. The runtime is detected from files only: in Electron 45 even a bare
 * `require('electron')` tries to download the binary and throws when offline.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const WEB_URL = 'http://127.0.0.1:5173';
export const FALLBACK_MESSAGE = `Electron runtime not available (offline?) — serving the same UI at ${WEB_URL} instead`;

/** @param {string} file */
const isFile = (file) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Finds the Electron binary the `electron` package would launch, without loading the package:
 * `node_modules/electron/path.txt` names it relative to `node_modules/electron/dist/`
 * (or to `ELECTRON_OVERRIDE_DIST_PATH`, which the package honours too).
 * @param {string} projectRoot
 * @param {Record<string, string | undefined>} env
 * @returns {{ available: true, binary: string } | { available: false, reason: string }}
 */
export function detectElectronRuntime(projectRoot, env = process.env) {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(path.join(packageDir, 'package.json'))) {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  if (named === '' && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return {
      available: false,
      reason: 'node_modules/electron/path.txt is missing (binary never downloaded)',
    };
  }
  const binary = path.resolve(distDir, named || 'electron');
  const relative = path.relative(path.resolve(distDir), binary);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { available: false, reason: `path.txt points outside ${distDir}` };
  }
  if (!isFile(binary)) return { available: false, reason: `${binary} does not exist` };
  return { available: true, binary };
}

/**
 * The command `npm start` runs (a package's JS bin under this Node, so no shell is needed).
 * @param {string} projectRoot
 * @param {ReturnType<typeof detectElectronRuntime>} runtime
 * @returns {{ mode: 'desktop' | 'web', message: string | null, command: string, args: string[], env: Record<string, string> }}
 */
export function planStart(projectRoot, runtime) {
  /** @param {string} pkg @param {string} bin */
  const binOf = (pkg, bin) => {
    const manifest = JSON.parse(
      readFileSync(path.join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8'),
    );
    const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin];
    return path.join(projectRoot, 'node_modules', pkg, relative);
  };
  if (runtime.available) {
    return {
      mode: 'desktop',
      message: null,
      command: process.execPath,
      // preview builds main, preload and renderer, then launches the app from app://.
      args: [binOf('electron-vite', 'electron-vite'), 'preview'],
      // electron-vite would otherwise locate the binary through the electron package itself.
      env: { ELECTRON_EXEC_PATH: runtime.binary },
    };
  }
  return {
    mode: 'web',
    message: FALLBACK_MESSAGE,
    command: process.execPath,
    args: [binOf('vite', 'vite'), '--config', 'vite.config.ts'],
    env: {},
  };
}
