/** One benchmark run in its own process: one model on one runtime. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertScriptedWords, feedLikeRecording, tallyWindows } from './live-feed';
import { instrumentOrtNodeRuns } from './ort-node-run-timing';
import { emptyRunTimes, instrumentSessionRuns, type RunTimes } from './run-timing';

export interface ChildResult {
  audioSeconds: number;
  windows: number;
  words: number;
  loadMs: number;
  /** The whole file through the windowing (what the CLI does). */
  offlineMs: number;
  realTimeFactor: number;
  perWindowMs: number;
  /** Streaming: all audio pushed and every closed window transcribed, then Stop. */
  stopToTranscriptMs: number;
  /**
   * CPU time (all threads) per audio second, whole file. Wall time swings with other load on the
   * machine; CPU time much less: on an idle 2-core machine wall time lies between cpu/2 and cpu.
   */
  offlineCpuMs: number;
  stopCpuMs: number;
  lastWindowSeconds: number;
  peakRssMb: number;
  /** Time inside ONNX Runtime's run() per session kind: whole file, and Stop → transcript. */
  runTimes?: { offline: RunTimes; stop: RunTimes };
  /** ORT Web threads actually used (browser rows: 1 when the page is not cross-origin isolated). */
  numThreads?: number;
  /** Browser rows with --trace-ort: ORT Web's run() steps (whole file), "<kind> <step>" → ms. */
  ortTraceMs?: Record<string, number>;
}

/**
 * ONNX Runtime Web in Node: transformers.js uses a runtime placed at Symbol.for('onnxruntime')
 * instead of onnxruntime-node. The .wasm comes from the installed package, never a CDN.
 */
async function installOrtWeb(threads: number): Promise<{ current: RunTimes }> {
  const ortWeb = await import('onnxruntime-web');
  const dist = path.join(path.dirname(fileURLToPath(import.meta.resolve('onnxruntime-web'))), '/');
  ortWeb.env.wasm.wasmPaths = dist;
  ortWeb.env.wasm.numThreads = threads;
  (globalThis as Record<symbol, unknown>)[Symbol.for('onnxruntime')] = ortWeb;
  return instrumentSessionRuns(ortWeb);
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

export async function runBenchChild(
  modelDir: string,
  runtime: 'node' | 'wasm' | 'pool',
  wav: string,
  repeat: number,
  threads: number,
  /** Windows decoded together in the whole-file run (1: one at a time, as while recording). */
  batch = 1,
): Promise<ChildResult> {
  // Silero VAD runs on onnxruntime-node in both runtimes; its native runs are timed, not the
  // promises (see ort-node-run-timing.ts)
  const times = instrumentOrtNodeRuns(
    runtime === 'wasm' ? await installOrtWeb(threads) : undefined,
  );
  // imported after the runtime is chosen: transformers.js picks its ONNX Runtime at import
  const { env } = await import('@huggingface/transformers');
  env.useWasmCache = false;
  const { readAudioFile } = await import('../../speech/node/audio-file');
  const { loadLocalWhisper } = await import('../../speech/node/load-whisper');
  const { TranscriberPool } = await import('../../speech/node/transcriber-pool');
  const { loadSileroVadNode } = await import('../../speech/node/silero-node');
  const { StreamingTranscriber, transcribeRecording } = await import('../../speech/windowing');
  const { WindowBatcher } = await import('../../speech/window-batcher');

  // a long recording is the clip pushed `repeat` times (no hour-long array of our own in memory)
  const samples = (await readAudioFile(wav)).samples;
  const audioSeconds = (samples.length * repeat) / 16000;

  let t = performance.now();
  const model = {
    modelsRoot: path.dirname(modelDir),
    fix: 'regenerate with npm run bench:transcribe',
  };
  const transcriber =
    runtime === 'pool'
      ? await TranscriberPool.start(modelDir, { ...model, workers: 2, threadsPerWorker: threads })
      : await loadLocalWhisper(modelDir, {
          ...model,
          ...(runtime === 'wasm' ? { device: 'auto' as const } : { threads }),
        });
  const loadMs = performance.now() - t;
  const vad = await loadSileroVadNode();
  // warm-up, as the app does on load (every pipeline of a pool)
  const warmUp = samples.subarray(0, 5 * 16000);
  await Promise.all(
    Array.from({ length: 'parallelWindows' in transcriber ? transcriber.parallelWindows : 1 }, () =>
      transcriber.transcribe(warmUp),
    ),
  );

  let offlineMs = 0;
  let offlineCpuMs = 0;
  let words = 0;
  if (repeat === 1) {
    times.current = emptyRunTimes();
    t = performance.now();
    const cpu = process.cpuUsage();
    const recognizer = batch > 1 ? new WindowBatcher(transcriber, batch) : transcriber;
    const offline = await transcribeRecording(samples, recognizer, vad.createStream());
    offlineMs = performance.now() - t;
    offlineCpuMs = cpuMs(process.cpuUsage(cpu));
    words = offline.words.length;
  }
  const offlineTimes = { ...times.current };

  // live: as the app records (see live-feed.ts)
  const streaming = new StreamingTranscriber(transcriber, vad.createStream());
  t = performance.now();
  const streamCpu = process.cpuUsage();
  const tally = tallyWindows(streaming);
  await feedLikeRecording(streaming, samples, repeat);
  const streamMs = performance.now() - t;
  times.current = emptyRunTimes();
  t = performance.now();
  const stopCpu = process.cpuUsage();
  const transcript = await streaming.finish();
  const stopToTranscriptMs = performance.now() - t;
  const stopCpuMs = cpuMs(process.cpuUsage(stopCpu));
  const stopTimes = { ...times.current };
  if (repeat > 1) {
    offlineMs = streamMs + stopToTranscriptMs;
    offlineCpuMs = cpuMs(process.cpuUsage(streamCpu));
    words = transcript.words.length;
  }
  assertScriptedWords(transcript);
  await transcriber.dispose();
  await vad.release();
  return {
    audioSeconds,
    windows: tally.windows,
    words,
    loadMs,
    offlineMs,
    realTimeFactor: audioSeconds / (offlineMs / 1000),
    perWindowMs: offlineMs / Math.max(tally.windows, 1),
    stopToTranscriptMs,
    offlineCpuMs,
    stopCpuMs,
    lastWindowSeconds: tally.lastWindow.end - tally.lastWindow.start,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    runTimes: { offline: offlineTimes, stop: stopTimes },
  };
}
