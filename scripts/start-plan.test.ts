/** `npm start`'s runtime detection, on fake electron package folders, and start.js itself here. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FALLBACK_MESSAGE, detectElectronRuntime, planStart } from './start-plan.js';

let root: string;
const electronDir = () => path.join(root, 'node_modules', 'electron');

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pitchpace-start-'));
  await mkdir(electronDir(), { recursive: true });
  await writeFile(path.join(electronDir(), 'package.json'), '{"name":"electron"}');
  for (const [pkg, bin] of [
    ['vite', 'bin/vite.js'],
    ['electron-vite', 'bin/electron-vite.js'],
  ] as const) {
    await mkdir(path.join(root, 'node_modules', pkg), { recursive: true });
    await writeFile(
      path.join(root, 'node_modules', pkg, 'package.json'),
      JSON.stringify({ bin: { [pkg]: bin } }),
    );
  }
});
afterEach(() => rm(root, { recursive: true, force: true }));

const installBinary = async (relative: string) => {
  await writeFile(path.join(electronDir(), 'path.txt'), relative);
  const binary = path.join(electronDir(), 'dist', relative);
  await mkdir(path.dirname(binary), { recursive: true });
  await writeFile(binary, '');
  return binary;
};

describe('detectElectronRuntime', () => {
  it('is unavailable without the package, without path.txt, or when the binary is missing', async () => {
    expect(detectElectronRuntime(path.join(root, 'elsewhere'), {})).toMatchObject({
      available: false,
    });
    expect(detectElectronRuntime(root, {})).toEqual({
      available: false,
      reason: 'node_modules/electron/path.txt is missing (binary never downloaded)',
    });
    await writeFile(path.join(electronDir(), 'path.txt'), 'electron');
    expect(detectElectronRuntime(root, {})).toMatchObject({
      available: false,
      reason: expect.stringMatching(/dist[/\\]electron does not exist$/) as unknown,
    });
  });

  it('finds the binary path.txt names under dist/', async () => {
    const binary = await installBinary('electron');
    expect(detectElectronRuntime(root, {})).toEqual({ available: true, binary });
    const mac = await installBinary('Electron.app/Contents/MacOS/Electron');
    expect(detectElectronRuntime(root, {})).toEqual({ available: true, binary: mac });
  });

  it('refuses a path.txt that points outside dist/', async () => {
    await writeFile(path.join(electronDir(), 'path.txt'), '../../../bin/sh');
    expect(detectElectronRuntime(root, {})).toMatchObject({
      available: false,
      reason: expect.stringContaining('outside') as unknown,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', async () => {
    const dist = path.join(root, 'custom-dist');
    await mkdir(dist);
    await writeFile(path.join(dist, 'electron'), '');
    expect(detectElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({
      available: true,
      binary: path.join(dist, 'electron'),
    });
  });
});

describe('planStart', () => {
  it('launches the desktop app through electron-vite when the runtime is there', async () => {
    const binary = await installBinary('electron');
    const plan = planStart(root, { available: true, binary });
    expect(plan).toEqual({
      mode: 'desktop',
      message: null,
      command: process.execPath,
      args: [
        path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
        'preview',
      ],
      env: { ELECTRON_EXEC_PATH: binary },
    });
  });

  it('otherwise serves the web UI on the fixed port, announced in one line', () => {
    const plan = planStart(root, { available: false, reason: 'x' });
    expect(plan.mode).toBe('web');
    expect(plan.args).toEqual([
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      '--config',
      'vite.config.ts',
    ]);
    expect(plan.message).toBe(FALLBACK_MESSAGE);
    expect(FALLBACK_MESSAGE).not.toContain('\n');
    expect(FALLBACK_MESSAGE).toContain('http://127.0.0.1:5173');
  });
});

describe('scripts/start.js on this machine (no Electron binary)', () => {
  it('plans the web fallback without loading the electron package', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/start.js', '--dry-run'],
      {
        cwd: path.resolve(import.meta.dirname, '..'),
      },
    );
    const { runtime, plan } = JSON.parse(stdout) as {
      runtime: { available: boolean };
      plan: { mode: string; args: string[] };
    };
    expect(runtime.available).toBe(false);
    expect(plan.mode).toBe('web');
    expect(plan.args.slice(1)).toEqual(['--config', 'vite.config.ts']);
  });
});
