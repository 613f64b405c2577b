/**
 * `npm run bench:transcribe [-- --long] [-- --only <model>/<runtime>] [-- --script-seconds 28.8]`
 * Real-time factor and Stop→final-transcript latency for a 3-minute rehearsal (espeak-ng speech
 * with pauses), with the tiny scripted fixture and with whisper-base-sized compute (random weights,
 * q8 and fp32, scripted logits on top), on ONNX Runtime Node and ONNX Runtime Web (WASM, in Node),
 * side by side; peak memory (max RSS) of each run. --long adds a 60-minute recording (q8, Node).
 * Each configuration runs in its own process so peak memory is its own. --threads 1,2 runs both
 * thread counts (on a busy machine one thread can beat two: spinning threads fight for cores).
 * --script-seconds sets how much each window's scripted transcript covers (decoder steps per
 * window; see `benchSpec`); models for a non-default script get their own cached folder.
 * Runtime `browser`: the same speech code in a module Web Worker in real Chromium (ORT Web WASM,
 * cross-origin isolated, see bench-transcribe/browser.ts); --ort-build wasm swaps the asyncify
 * bundle transformers.js imports for the plain one, --session-options '{"…":…}' is merged into
 * every session, --proxy sets ORT's wasm proxy; --runs N repeats each row (take medians).
 * A second table splits each run's wall time into encoder, decoder steps, VAD and the rest (JS).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchSpec, DEFAULT_SCRIPT_SECONDS, prepareRehearsal } from './bench-transcribe/assets';
import { makeBaseSizedFixture } from './fixture-model/base-model';
import { makeFixture } from './fixture-model/make-fixture';
import { GENERATED_DIR } from './fixture-model/test-support';
import { runBenchChild, type ChildResult } from './bench-transcribe/child';
import { BREAKDOWN_HEADER, breakdownRows } from './bench-transcribe/breakdown-table';
import { FILE_BATCH_WINDOWS, WASM_FILE_BATCH_WINDOWS } from '../speech/window-batcher';
// type-only: the browser bench (vite, playwright) is imported when a browser row runs, never in
// a child process, whose peak memory is part of what it measures (~150 MB more otherwise)
import type { BenchServer } from './bench-transcribe/browser';
import type { BrowserBenchOptions } from './bench-transcribe/browser-page/protocol';

const BENCH_DIR = path.join(GENERATED_DIR, 'bench');
const MODELS = {
  fixture: (dir: string, script: number) => makeFixture(dir, benchSpec(script)),
  'base-q8': (dir: string, script: number) =>
    makeBaseSizedFixture(dir, benchSpec(script), { q8: true }),
  'base-fp32': (dir: string, script: number) =>
    makeBaseSizedFixture(dir, benchSpec(script), { q8: false }),
} as const;
type ModelName = keyof typeof MODELS;
/** `pool`: the CLI's path for files, two single-threaded pipelines in worker threads (--threads per worker). */
const RUNTIMES = ['node', 'pool', 'wasm', 'browser'] as const;

function modelDir(model: ModelName, script: number): string {
  const name = script === DEFAULT_SCRIPT_SECONDS ? model : `${model}-script${script}s`;
  return path.join(BENCH_DIR, name);
}

/** Generates (once) the models the run needs and the rehearsal. */
function prepare(models: readonly ModelName[], script: number): { wav3: string } {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (const model of models) {
    const dir = modelDir(model, script);
    if (!fs.existsSync(path.join(dir, 'config.json'))) MODELS[model](dir, script);
  }
  return { wav3: prepareRehearsal(BENCH_DIR) };
}

function runChild(
  dir: string,
  runtime: string,
  wav: string,
  repeat: number,
  threads: number,
  batch = 1,
): ChildResult | { error: string } {
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      self,
      '--child',
      dir,
      '--runtime',
      runtime,
      '--wav',
      wav,
      '--repeat',
      String(repeat),
      '--threads',
      String(threads),
      '--batch',
      String(batch),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const line = out.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as ChildResult;
  } catch {
    return { error: (out.stderr || out.stdout).trim().split('\n').slice(-3).join(' | ') };
  }
}

type BrowserVariant = Pick<
  BrowserBenchOptions,
  'ortBuild' | 'sessionOptions' | 'proxy' | 'serializeRuns' | 'vadOwnRuntime' | 'traceOrt'
>;

/** `browser (webgpu bundle)`, plus whatever differs from the app's configuration. */
function browserLabel(v: BrowserVariant): string {
  const extras = [
    `${v.ortBuild} bundle`,
    ...(v.proxy ? ['proxy'] : []),
    ...(v.serializeRuns ? [] : ['concurrent runs']),
    ...(v.vadOwnRuntime ? ['VAD on own 1-thread ORT'] : []),
    ...(v.traceOrt ? ['ORT trace'] : []),
    ...(Object.keys(v.sessionOptions).length > 0 ? [JSON.stringify(v.sessionOptions)] : []),
  ];
  return `browser (${extras.join(', ')})`;
}

function traceLine(label: string, ms: Record<string, number>): string {
  const steps = Object.entries(ms)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([step, total]) => `${step} ${(total / 1000).toFixed(2)} s`);
  return `- ${label}: ${steps.join('; ')}`;
}

function row(model: string, runtime: string, r: ChildResult | { error: string }): string {
  if ('error' in r) return `| ${model} | ${runtime} | error: ${r.error} |`;
  const cells = [
    model,
    runtime,
    `${r.audioSeconds.toFixed(0)} s`,
    `${r.windows}`,
    `${(r.loadMs / 1000).toFixed(2)} s`,
    `${(r.offlineMs / 1000).toFixed(2)} s`,
    `${r.realTimeFactor.toFixed(1)}×`,
    `${(r.offlineCpuMs / 1000).toFixed(1)} s (${(r.audioSeconds / (r.offlineCpuMs / 1000)).toFixed(1)}×)`,
    `${(r.perWindowMs / 1000).toFixed(2)} s`,
    `${(r.stopToTranscriptMs / 1000).toFixed(2)} s`,
    Number.isNaN(r.stopCpuMs) ? '–' : `${(r.stopCpuMs / 1000).toFixed(2)} s`,
    `${r.lastWindowSeconds.toFixed(1)} s`,
    `${r.peakRssMb.toFixed(0)} MB`,
    `${r.words}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      runtime: { type: 'string', default: 'node' },
      wav: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      long: { type: 'boolean' },
      only: { type: 'string' },
      threads: { type: 'string', default: '2' },
      // windows decoded together in the whole-file run (default: the app's for the runtime; 1: one at a time)
      batch: { type: 'string' },
      'script-seconds': { type: 'string', default: String(DEFAULT_SCRIPT_SECONDS) },
      'ort-build': { type: 'string', default: 'webgpu' },
      'session-options': { type: 'string', default: '{}' },
      proxy: { type: 'boolean', default: false },
      'concurrent-runs': { type: 'boolean', default: false },
      'vad-own-runtime': { type: 'boolean', default: false },
      'trace-ort': { type: 'boolean', default: false },
      runs: { type: 'string', default: '1' },
    },
  });
  if (values.child !== undefined) {
    // a child gets one thread count
    const result = await runBenchChild(
      values.child,
      values.runtime === 'wasm' || values.runtime === 'pool' ? values.runtime : 'node',
      values.wav ?? '',
      Number(values.repeat),
      Number(values.threads),
      Number(values.batch ?? 1),
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const script = Number(values['script-seconds']);
  const wanted = (model: ModelName, runtime: string) =>
    values.only === undefined || values.only === `${model}/${runtime}`;
  const models = (Object.keys(MODELS) as ModelName[]).filter(
    (m) => RUNTIMES.some((r) => wanted(m, r)) || (values.long === true && m === 'base-q8'),
  );
  const { wav3 } = prepare(models, script);
  // --threads 2 (default) or a list such as 1,2
  const threadCounts = values.threads.split(',').map(Number);
  const batchSizes = values.batch?.split(',').map(Number);
  const appBatch = (runtime: string) =>
    runtime === 'browser' || runtime === 'wasm' ? WASM_FILE_BATCH_WINDOWS : FILE_BATCH_WINDOWS;
  const header =
    '| model | runtime | audio | windows | load | whole file | real-time factor | CPU time (audio/CPU) | per window | Stop → transcript | Stop CPU | last window | peak RSS | words |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const [load1 = 0] = os.loadavg();
  process.stdout.write(
    `${os.cpus().length} cores, load average ${load1.toFixed(1)} at start (other work on the machine skews timings); script ${script} s per window\n\n${header}\n`,
  );
  const variant: BrowserVariant = {
    ortBuild: values['ort-build'] === 'wasm' ? 'wasm' : 'webgpu',
    sessionOptions: JSON.parse(values['session-options']) as Record<string, unknown>,
    proxy: values.proxy,
    serializeRuns: values['concurrent-runs'] !== true,
    vadOwnRuntime: values['vad-own-runtime'] === true,
    traceOrt: values['trace-ort'] === true,
  };
  let server: BenchServer | null = null;
  const breakdown: string[] = [];
  const traces: string[] = [];
  for (const model of models) {
    for (const runtime of RUNTIMES) {
      if (!wanted(model, runtime)) continue;
      for (const [threads, batch] of threadCounts.flatMap((t) =>
        (batchSizes ?? [appBatch(runtime)]).map((b) => [t, b] as const),
      )) {
        for (let run = 0; run < Number(values.runs); run++) {
          const dir = modelDir(model, script);
          const threadLabel = `${threads} thread${threads > 1 ? 's' : ''}`;
          let label =
            (runtime === 'pool' ? `node pool, 2 × ${threadLabel}` : `${runtime}, ${threadLabel}`) +
            (batch > 1 ? `, batches of ${batch}` : '');
          let result: ChildResult | { error: string };
          if (runtime === 'browser') {
            const { runBrowserBench, startBenchServer } =
              await import('./bench-transcribe/browser');
            server ??= await startBenchServer(BENCH_DIR, wav3);
            label = `${browserLabel(variant)}, ${label.slice('browser, '.length)}`;
            result = await runBrowserBench(server, {
              modelId: path.basename(dir),
              threads,
              batch,
              ...variant,
            });
          } else result = runChild(dir, runtime, wav3, 1, threads, batch);
          process.stdout.write(`${row(model, label, result)}\n`);
          breakdown.push(...breakdownRows(model, label, result));
          if (!('error' in result) && result.ortTraceMs)
            traces.push(traceLine(label, result.ortTraceMs));
        }
      }
    }
  }
  await server?.close();
  if (values.long) {
    process.stdout.write(
      `${row('base-q8 (60 min)', 'node', runChild(modelDir('base-q8', script), 'node', wav3, 20, threadCounts[0] ?? 2))}\n`,
    );
  }
  if (breakdown.length > 0) {
    const [loadNow = 0] = os.loadavg();
    process.stdout.write(
      `\nWhere the time went (load average ${loadNow.toFixed(1)} at end):\n\n${BREAKDOWN_HEADER}\n${breakdown.join('\n')}\n`,
    );
  }
  if (traces.length > 0)
    process.stdout.write(
      `\nInside ORT Web's run() (whole file, --trace-ort):\n${traces.join('\n')}\n`,
    );
}

await main();
