/**
 * bench:transcribe in real Chromium: a `vite build` of browser-page/ (with the project's
 * vite.config.ts: ES-module workers, COOP/COEP headers, models served at /models/) served by
 * `vite preview` on loopback, opened in /usr/bin/chromium through playwright-core; the bench
 * itself runs in a module Web Worker (browser-page/bench.worker.ts). A production build, as the
 * app ships, with ORT's .wasm/.mjs given as a pair (the prod-build thread hang).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview, type Plugin } from 'vite';
import type { ChildResult } from './child';
import {
  PHASE_PREFIX,
  type BrowserBenchOptions,
  type WorkerBenchResult,
} from './browser-page/protocol';
import { freeLoopbackPort, QUIET_CHROMIUM_ARGS } from '../headless-chromium';
import { descendantsCpuMs, descendantsPeakRssMb } from './chromium-usage';

const here = path.dirname(fileURLToPath(import.meta.url));
const pageDir = path.join(here, 'browser-page');
const configFile = path.join(here, '..', '..', 'vite.config.ts');
const BENCH_TIMEOUT_MS = 20 * 60_000;

export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the rehearsal WAV at /bench-audio/rehearsal.wav. */
function serveRehearsal(wav: string): Plugin {
  return {
    name: 'bench-serve-rehearsal',
    configurePreviewServer: (server) =>
      void server.middlewares.use((req, res, next) => {
        if (req.url !== '/bench-audio/rehearsal.wav') return next();
        res.setHeader('Content-Type', 'audio/wav');
        res.end(fs.readFileSync(wav));
      }),
  };
}

/** Builds the bench page and serves it, the models in `benchDir` and the rehearsal `wav`. */
export async function startBenchServer(benchDir: string, wav: string): Promise<BenchServer> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-transcribe-page-'));
  const common = { configFile, root: pageDir, base: '/', logLevel: 'warn' as const };
  await build({ ...common, build: { outDir, emptyOutDir: true } });
  // read per request by vite.config.ts's models middleware
  process.env.PITCHPACE_MODELS_DIR = benchDir;
  const port = await freeLoopbackPort();
  const server = await preview({
    ...common,
    build: { outDir },
    plugins: [serveRehearsal(wav)],
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const isLocal = (url: string, origin: string): boolean =>
  url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One bench run in a fresh Chromium. Errors (a request off loopback, a page that is not
 * cross-origin isolated, a failed run) come back as `{ error }` for the table.
 */
export async function runBrowserBench(
  server: BenchServer,
  options: BrowserBenchOptions,
): Promise<ChildResult | { error: string }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // anything that is not loopback fails to resolve; the request log below names it
    args: [
      ...QUIET_CHROMIUM_ARGS,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      // experiments, e.g. BENCH_CHROMIUM_ARGS='--js-flags=--no-liftoff'
      ...(process.env.BENCH_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  });
  const offLoopback: string[] = [];
  try {
    const context = await browser.newContext();
    context.on('request', (request) => {
      if (!isLocal(request.url(), server.origin)) offLoopback.push(request.url());
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // the browser's CPU time at each phase mark of the worker (offline-start, …, stop-end)
    const cpuAt = new Map<string, number>();
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith(PHASE_PREFIX))
        cpuAt.set(text.slice(PHASE_PREFIX.length), descendantsCpuMs());
    });
    await page.goto(`${server.origin}/index.html`);
    const isolated = await page.evaluate(() => self.crossOriginIsolated);
    if (!isolated) return { error: 'page is not crossOriginIsolated (COOP/COEP headers missing)' };
    await page.waitForFunction(() => 'runTranscribeBench' in window);
    const run = page.evaluate(
      (o) =>
        (
          window as unknown as {
            runTranscribeBench: (o: BrowserBenchOptions) => Promise<WorkerBenchResult>;
          }
        ).runTranscribeBench(o),
      options,
    );
    const r = await withTimeout(run, BENCH_TIMEOUT_MS, 'browser bench');
    if (offLoopback.length > 0)
      return { error: `request left loopback: ${offLoopback.slice(0, 3).join(', ')}` };
    if (pageErrors.length > 0) return { error: `page error: ${pageErrors.join(' | ')}` };
    if (!r.crossOriginIsolated) return { error: 'worker is not crossOriginIsolated' };
    if (r.numThreads !== options.threads)
      return { error: `ORT Web ran ${r.numThreads} threads, not ${options.threads}` };
    const cpuBetween = (from: string, to: string): number =>
      (cpuAt.get(to) ?? Number.NaN) - (cpuAt.get(from) ?? Number.NaN);
    return {
      audioSeconds: r.audioSeconds,
      windows: r.windows,
      words: r.words,
      loadMs: r.loadMs,
      offlineMs: r.offlineMs,
      realTimeFactor: r.audioSeconds / (r.offlineMs / 1000),
      perWindowMs: r.offlineMs / Math.max(r.windows, 1),
      stopToTranscriptMs: r.stopToTranscriptMs,
      offlineCpuMs: cpuBetween('offline-start', 'offline-end'),
      stopCpuMs: cpuBetween('stop-start', 'stop-end'),
      lastWindowSeconds: r.lastWindowSeconds,
      peakRssMb: descendantsPeakRssMb(),
      runTimes: { offline: r.offline, stop: r.stop },
      numThreads: r.numThreads,
      ...(r.ortTraceMs ? { ortTraceMs: r.ortTraceMs } : {}),
    };
  } catch (error) {
    const suffix = offLoopback.length > 0 ? ` (off loopback: ${offLoopback[0]})` : '';
    return { error: `${error instanceof Error ? error.message : String(error)}${suffix}` };
  } finally {
    await browser.close();
  }
}
