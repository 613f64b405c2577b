/**
 * `npm run bench:transcribe [-- --long] [-- --only <model>/<runtime>]`
 * Real-time factor and Stop→final-transcript latency for a 3-minute rehearsal (espeak-ng speech
 * with pauses), with the tiny scripted fixture and with whisper-base-sized compute (random weights,
 * q8 and fp32, scripted logits on top), on ONNX Runtime Node and ONNX Runtime Web (WASM, in Node),
 * side by side; peak memory (max RSS) of each run. --long adds a 60-minute recording (q8, Node).
 * Each configuration runs in its own process so peak memory is its own. --threads 1,2 runs both
 * thread counts (on a busy machine one thread can beat two: spinning threads fight for cores).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchSpec, prepareRehearsal } from './bench-transcribe/assets';
import { makeBaseSizedFixture } from './fixture-model/base-model';
import { makeFixture } from './fixture-model/make-fixture';
import { GENERATED_DIR } from './fixture-model/test-support';
import { runBenchChild, type ChildResult } from './bench-transcribe/child';

const BENCH_DIR = path.join(GENERATED_DIR, 'bench');
const MODELS = {
  fixture: (dir: string) => makeFixture(dir, benchSpec()),
  'base-q8': (dir: string) => makeBaseSizedFixture(dir, benchSpec(), { q8: true }),
  'base-fp32': (dir: string) => makeBaseSizedFixture(dir, benchSpec(), { q8: false }),
} as const;
type ModelName = keyof typeof MODELS;
const RUNTIMES = ['node', 'wasm'] as const;

function prepare(): { wav3: string } {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (const [name, make] of Object.entries(MODELS)) {
    const dir = path.join(BENCH_DIR, name);
    if (!fs.existsSync(path.join(dir, 'config.json'))) make(dir);
  }
  return { wav3: prepareRehearsal(BENCH_DIR) };
}

function runChild(
  model: ModelName,
  runtime: string,
  wav: string,
  repeat: number,
  threads: number,
): ChildResult | { error: string } {
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      self,
      '--child',
      path.join(BENCH_DIR, model),
      '--runtime',
      runtime,
      '--wav',
      wav,
      '--repeat',
      String(repeat),
      '--threads',
      String(threads),
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
    `${(r.stopCpuMs / 1000).toFixed(2)} s`,
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
    },
  });
  if (values.child !== undefined) {
    // a child gets one thread count
    const result = await runBenchChild(
      values.child,
      values.runtime === 'wasm' ? 'wasm' : 'node',
      values.wav ?? '',
      Number(values.repeat),
      Number(values.threads),
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const { wav3 } = prepare();
  // --threads 2 (default) or a list such as 1,2
  const threadCounts = values.threads.split(',').map(Number);
  const header =
    '| model | runtime | audio | windows | load | whole file | real-time factor | CPU time (audio/CPU) | per window | Stop → transcript | Stop CPU | last window | peak RSS | words |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const [load1 = 0] = os.loadavg();
  process.stdout.write(
    `${os.cpus().length} cores, load average ${load1.toFixed(1)} at start (other work on the machine skews timings)\n\n${header}\n`,
  );
  for (const model of Object.keys(MODELS) as ModelName[]) {
    for (const runtime of RUNTIMES) {
      if (values.only !== undefined && values.only !== `${model}/${runtime}`) continue;
      for (const threads of threadCounts) {
        const label = `${runtime}, ${threads} thread${threads > 1 ? 's' : ''}`;
        process.stdout.write(`${row(model, label, runChild(model, runtime, wav3, 1, threads))}\n`);
      }
    }
  }
  if (values.long) {
    process.stdout.write(
      `${row('base-q8 (60 min)', 'node', runChild('base-q8', 'node', wav3, 20, threadCounts[0] ?? 2))}\n`,
    );
  }
}

await main();
