/**
 * Micro benchmark: Whisper log-mel features of one 30-s window, transformers.js's own
 * `WhisperFeatureExtractor._extract_fbank_features` vs `whisperLogMel` (speech/whisper-features).
 * Prints the median of N runs (after warm-up) per input and the max abs difference.
 *
 *   node --expose-gc --import tsx scripts/bench-log-mel.ts [--runs 20]
 *
 * With --expose-gc each timed run starts after a full GC, so one side's garbage (transformers.js
 * allocates a Tensor per op) is not collected on the other side's clock.
 */
import os from 'node:os';
import type { Tensor } from '@huggingface/transformers';
import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { useFastLogMel } from '../speech/whisper-features/install';
import { WHISPER_PREPROCESSOR_CONFIG } from './fixture-model/configs';
import { noise } from './fixture-model/test-support';

const SAMPLE_RATE = 16000;
const WINDOW_SAMPLES = 30 * SAMPLE_RATE;

type FbankExtractor = { _extract_fbank_features(waveform: Float32Array): Promise<Tensor> };

function parseRuns(argv: string[]): number {
  const i = argv.indexOf('--runs');
  const runs = i >= 0 ? Number(argv[i + 1]) : 20;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive integer');
  return runs;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeRuns(extractor: FbankExtractor, waveform: Float32Array, runs: number) {
  for (let i = 0; i < 3; ++i) await extractor._extract_fbank_features(waveform); // warm-up / JIT
  const times: number[] = [];
  let output: Tensor | undefined;
  for (let i = 0; i < runs; ++i) {
    collectGarbage?.();
    const start = performance.now();
    output = await extractor._extract_fbank_features(waveform);
    times.push(performance.now() - start);
  }
  return { ms: median(times), output: output! };
}

function maxAbsDiff(a: Tensor, b: Tensor): number {
  const x = a.data as Float32Array;
  const y = b.data as Float32Array;
  if (x.length !== y.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < x.length; ++i) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  return worst;
}

async function main(): Promise<void> {
  const runs = parseRuns(process.argv.slice(2));
  const original = new WhisperFeatureExtractor({
    ...WHISPER_PREPROCESSOR_CONFIG,
  }) as unknown as FbankExtractor;
  const fast = new WhisperFeatureExtractor({ ...WHISPER_PREPROCESSOR_CONFIG });
  if (!useFastLogMel(fast)) throw new Error('useFastLogMel did not accept the Whisper extractor');
  const speech = noise(WINDOW_SAMPLES, 0.3, 12345);
  const shortClip = new Float32Array(WINDOW_SAMPLES);
  shortClip.set(speech.subarray(0, 3 * SAMPLE_RATE));
  const inputs: Record<string, Float32Array> = {
    'noise, full 30 s': speech,
    '3-s clip padded to 30 s': shortClip,
    'silence 30 s': new Float32Array(WINDOW_SAMPLES),
  };
  const [load1 = 0, load5 = 0] = os.loadavg();
  console.log(
    `median of ${runs} runs per 30-s window; load average ${load1.toFixed(2)} ${load5.toFixed(2)}`,
  );
  for (const [name, waveform] of Object.entries(inputs)) {
    const before = await timeRuns(original, waveform, runs);
    const after = await timeRuns(fast, waveform, runs);
    console.log(
      `${name.padEnd(26)} transformers.js ${before.ms.toFixed(1).padStart(6)} ms   fast ${after.ms
        .toFixed(1)
        .padStart(5)} ms   ×${(before.ms / after.ms).toFixed(1)}   max abs diff ${maxAbsDiff(
        before.output,
        after.output,
      ).toExponential(2)}`,
    );
  }
}

await main();
