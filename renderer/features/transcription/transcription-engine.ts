/**
 * What the renderer needs from a transcriber, whichever runs it: the browser build's Web Worker
 * (ONNX Runtime Web) or the desktop app's speech process (ONNX Runtime Node, via
 * `window.pitchpace`). Both run speech/'s windowing, so they give the same transcript.
 */
import type { TimedWord, Transcript } from '../../../core/transcript';

/** One closed window of a live transcription; its words are final (recording timeline). */
export interface LiveWindow {
  index: number;
  start: number;
  end: number;
  words: TimedWord[];
}

export interface LiveSessionCallbacks {
  onWindow: (window: LiveWindow) => void;
  onError: (message: string) => void;
}

/** One recording being transcribed as it goes. */
export interface LiveSession {
  /** 16 kHz mono audio, in order (copied or transferred; the caller may reuse its buffer). */
  push(samples16k: Float32Array): void;
  /** Stop: transcribes the last window and resolves with the whole transcript. */
  finish(): Promise<Transcript>;
  cancel(): Promise<void>;
}

/**
 * Where Whisper runs: `webgpu` (ONNX Runtime Web on the GPU), `wasm` (ONNX Runtime Web on the
 * CPU), `cpu` (ONNX Runtime Node, the desktop app's speech process); null when not known.
 */
export type SpeechDevice = string | null;

export interface TranscriptionEngine {
  /**
   * Gets a model ready so the first recording does not wait for it; `onProgress` gets 0–1 while
   * files load (null when the total is unknown). Resolves with where the model runs.
   */
  load(
    modelId: string,
    onProgress?: (fraction: number | null) => void,
  ): Promise<{ device: SpeechDevice }>;
  startSession(modelId: string, callbacks: LiveSessionCallbacks): Promise<LiveSession>;
  /** A whole stored recording at once (same windowing as a live session). */
  transcribe(modelId: string, samples16k: Float32Array): Promise<Transcript>;
}
