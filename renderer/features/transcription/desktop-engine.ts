/**
 * The desktop app's transcription engine: the Electron speech process (ONNX Runtime Node) behind
 * `window.pitchpace`. Models load there on first use; the renderer never touches model files.
 */
import type { PitchpaceDesktopApi } from '../../../core/desktop-api';
import type { Transcript } from '../../../core/transcript';
import type {
  LiveSession,
  LiveSessionCallbacks,
  SpeechDevice,
  TranscriptionEngine,
} from './transcription-engine';

export class DesktopTranscriptionEngine implements TranscriptionEngine {
  constructor(private readonly api: PitchpaceDesktopApi) {}

  load(): Promise<{ device: SpeechDevice }> {
    // The speech process loads the model when a session starts; nothing to fetch here. It runs
    // Whisper on ONNX Runtime Node, on the CPU.
    return Promise.resolve({ device: 'cpu' });
  }

  async startSession(modelId: string, callbacks: LiveSessionCallbacks): Promise<LiveSession> {
    const session = await this.api.startTranscription(modelId, {
      onWindow: callbacks.onWindow,
      onError: callbacks.onError,
    });
    return {
      push: (samples) => this.api.pushTranscriptionAudio(session, samples),
      finish: () => this.api.finishTranscription(session),
      cancel: async () => {
        await this.api.cancelTranscription(session);
      },
    };
  }

  transcribe(modelId: string, samples16k: Float32Array): Promise<Transcript> {
    return this.api.transcribe({ modelId, samples: samples16k, offsetSeconds: 0 });
  }
}

/** The desktop bridge, when running inside the Electron app. */
export function desktopApi(): PitchpaceDesktopApi | undefined {
  return (window as { pitchpace?: PitchpaceDesktopApi }).pitchpace;
}
