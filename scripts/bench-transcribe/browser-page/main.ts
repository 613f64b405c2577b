/**
 * The browser bench page: decodes the rehearsal WAV to 16 kHz mono (Web Audio, then the app's
 * toMono16k) and runs the bench in a module Web Worker, as the app runs speech. browser.ts
 * calls `window.runTranscribeBench(options)` through Playwright.
 */
import { toMono16k } from '../../../speech/audio-format';
import {
  PHASE_PREFIX,
  type BrowserBenchOptions,
  type WorkerBenchResult,
  type WorkerReply,
} from './protocol';

async function decodeRehearsal(): Promise<Float32Array> {
  const response = await fetch('/bench-audio/rehearsal.wav');
  if (!response.ok) throw new Error(`rehearsal WAV not served (HTTP ${response.status})`);
  const context = new OfflineAudioContext(1, 1, 16000);
  const audio = await context.decodeAudioData(await response.arrayBuffer());
  const channels = Array.from({ length: audio.numberOfChannels }, (_, c) =>
    audio.getChannelData(c),
  );
  return toMono16k(channels, audio.sampleRate);
}

async function runTranscribeBench(options: BrowserBenchOptions): Promise<WorkerBenchResult> {
  const samples = await decodeRehearsal();
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerReply | { phase: string }>) => {
        // phase marks go to the Node side (console), which reads the browser's CPU time there
        if ('phase' in event.data) console.log(`${PHASE_PREFIX}${event.data.phase}`);
        else resolve(event.data);
      };
      worker.onerror = (event) => reject(new Error(`bench worker failed: ${event.message}`));
      worker.postMessage({ options, samples }, [samples.buffer]);
    });
    if ('error' in reply) throw new Error(reply.error);
    return reply.result;
  } finally {
    worker.terminate();
  }
}

(window as unknown as Record<string, unknown>).runTranscribeBench = runTranscribeBench;
