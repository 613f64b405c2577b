/**
 * Debian's Chromium driven by playwright-core, with a WAV as the fake microphone and every
 * request recorded so a spec can fail when anything leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { QUIET_CHROMIUM_ARGS } from '../../../scripts/headless-chromium';

export const BASE_URL = process.env.PITCHPACE_E2E_URL ?? 'http://127.0.0.1:4173/';

export interface LaunchOptions {
  /** WAV played once by the fake microphone; omit for the default fake tone. */
  microphoneWav?: string;
  /** False: no fake audio device at all (as on a machine without a microphone). */
  fakeDevice?: boolean;
  /** False: media permission prompts are not auto-accepted (they are denied). */
  grantMicrophone?: boolean;
  /** Reuse a profile directory (IndexedDB survives relaunch). */
  profileDir?: string;
  /**
   * WebGPU on SwiftShader (Chromium's Vulkan on the CPU): the app's GPU code path runs on
   * machines without a GPU. Slow, so for correctness only.
   */
  webgpu?: boolean;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'pitchpace-e2e-'));
  const quiet = options.webgpu
    ? QUIET_CHROMIUM_ARGS.filter((flag) => flag !== '--disable-gpu')
    : QUIET_CHROMIUM_ARGS;
  const args = ['--headless', ...quiet, '--autoplay-policy=no-user-gesture-required'];
  if (options.webgpu) {
    args.push(
      '--enable-unsafe-webgpu',
      '--use-webgpu-adapter=swiftshader',
      '--enable-unsafe-swiftshader',
    );
  }
  if (options.grantMicrophone !== false) args.push('--use-fake-ui-for-media-stream');
  else args.push('--deny-permission-prompts');
  if (options.fakeDevice !== false) {
    args.push('--use-fake-device-for-media-stream');
    if (options.microphoneWav) {
      args.push(`--use-file-for-fake-audio-capture=${options.microphoneWav}%noloop`);
    }
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1200, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { context, page, profileDir, requests, errors };
}

/** Requests that left loopback (data: and blob: URLs never touch the network). */
export function externalRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  });
}

/**
 * Kills this session's Chromium outright (SIGKILL, no unload handlers), as a crash or a power
 * cut would. Only the processes started with this session's own profile directory are touched.
 * Returns how many processes were killed.
 */
export async function crash(session: Session): Promise<number> {
  const processes = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const marker = `--user-data-dir=${session.profileDir}`;
  let killed = 0;
  for (const line of processes.split('\n')) {
    const [pid, ...args] = line.trim().split(/\s+/);
    if (pid && args.includes(marker)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
        killed++;
      } catch {
        // Already gone.
      }
    }
  }
  await session.context.close().catch(() => undefined);
  return killed;
}
