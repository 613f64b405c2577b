/** The browser build's transcription engine: speech/ in a module Web Worker, started on first use. */
import type { Transcript } from '../../../core/transcript';
import { SpeechClient } from '../../../speech/client';
import type { SpeechHostMessage } from '../../../speech/protocol';
import type { ModelLoadProgress } from '../../../speech/transcriber';
import type {
  LiveSession,
  LiveSessionCallbacks,
  SpeechDevice,
  TranscriptionEngine,
} from './transcription-engine';

export class WorkerTranscriptionEngine implements TranscriptionEngine {
  private client: SpeechClient | undefined;

  async load(
    modelId: string,
    onProgress?: (fraction: number | null) => void,
  ): Promise<{ device: SpeechDevice }> {
    const loaded = await this.speechClient().load(modelId, (progress) =>
      onProgress?.(loadedFraction(progress)),
    );
    return { device: loaded.device };
  }

  async startSession(modelId: string, callbacks: LiveSessionCallbacks): Promise<LiveSession> {
    const client = this.speechClient();
    await client.load(modelId); // no-op when it is the loaded model
    const session = await client.startSession({
      onWords: callbacks.onWindow,
      onError: (error) => callbacks.onError(error.message),
    });
    return {
      push: (samples) => session.push(samples),
      finish: () => session.finish(),
      cancel: () => session.cancel(),
    };
  }

  transcribe(modelId: string, samples16k: Float32Array): Promise<Transcript> {
    return this.speechClient().transcribe(modelId, samples16k);
  }

  private speechClient(): SpeechClient {
    if (this.client) return this.client;
    const worker = new Worker(new URL('../../workers/speech.worker.ts', import.meta.url), {
      type: 'module',
      name: 'speech',
    });
    const client = new SpeechClient((message, transfer) => worker.postMessage(message, transfer));
    worker.onmessage = (event: MessageEvent<SpeechHostMessage>) => client.receive(event.data);
    worker.onerror = (event) => {
      // a dead worker answers nothing: fail what waits on it and start a fresh one next time
      event.preventDefault();
      worker.terminate();
      if (this.client === client) this.client = undefined;
      client.failAll(
        new Error(`The transcription worker stopped (${event.message || 'no details'}).`),
      );
    };
    this.client = client;
    return client;
  }
}

/** Overall fraction loaded from transformers.js's aggregate progress events. */
function loadedFraction(progress: ModelLoadProgress): number | null {
  if (progress.status === 'progress_total' && progress.total > 0) {
    return Math.min(1, progress.loaded / progress.total);
  }
  if (progress.status === 'ready') return 1;
  return null;
}
