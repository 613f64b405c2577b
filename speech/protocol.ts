/**
 * Messages between a speech host (Web Worker, Electron utility process, or in-process in Node)
 * and its client. Every request carries an `id` and gets exactly one reply with that id — a
 * result or `{ error }` — except `push`, which is one-way (it streams ~10 times a second; a
 * failure surfaces in the session's `finish` reply and as a `session-error` event).
 * Audio travels as Float32Array: transfer its buffer (postMessage transfer list).
 */
import type { Transcript } from '../core/transcript';
import type { DeviceType } from '@huggingface/transformers';
import type { ModelLoadProgress } from './transcriber';
import type { WindowWords } from './windowing';

export type RequestId = number;
/** A streaming session is named by the id of the `start` request that opened it. */
export type SessionId = number;

export type SpeechRequest =
  /** Load (or switch to) a model; progress arrives as `load-progress` events with this id. */
  | { id: RequestId; type: 'load'; modelId: string }
  /** Open a streaming session on the loaded model (the recording starts). */
  | { id: RequestId; type: 'start' }
  /** Stop: transcribe the last window; replies with the whole transcript. */
  | { id: RequestId; type: 'finish'; session: SessionId }
  /** Drop a session without transcribing the rest. */
  | { id: RequestId; type: 'cancel'; session: SessionId }
  /** One-shot: a whole clip through the same windowing; word times offset by `offsetSeconds`. */
  | {
      id: RequestId;
      type: 'transcribe';
      modelId: string;
      samples: Float32Array;
      offsetSeconds: number;
    }
  /** Free the model and VAD (e.g. before the host is closed). */
  | { id: RequestId; type: 'dispose' };

/** One-way: more recorded audio (16 kHz mono) for a session. */
export interface PushMessage {
  type: 'push';
  session: SessionId;
  samples: Float32Array;
}

export type SpeechClientMessage = SpeechRequest | PushMessage;

/** Results by request type. */
export interface SpeechResults {
  /** `device`: the backend Whisper runs on (`webgpu`, `wasm`, `cpu`); null: the library's default. */
  load: { modelId: string; device: DeviceType | null };
  start: { session: SessionId };
  finish: { transcript: Transcript };
  cancel: { cancelled: boolean };
  transcribe: { transcript: Transcript };
  dispose: { disposed: true };
}

/** A failure, flattened for structured clone (Error objects lose fields across processes). */
export interface SpeechError {
  name: string;
  message: string;
  /** The model file at fault, for broken models. */
  file?: string;
}

export type SpeechReply =
  | {
      [K in keyof SpeechResults]: { id: RequestId; type: K; result: SpeechResults[K] };
    }[keyof SpeechResults]
  | { id: RequestId; type: 'error'; error: SpeechError };

export type SpeechEvent =
  | { type: 'load-progress'; id: RequestId; progress: ModelLoadProgress }
  /** A window of a session was transcribed (live transcript). */
  | { type: 'words'; session: SessionId; words: WindowWords }
  | { type: 'session-error'; session: SessionId; error: SpeechError };

export type SpeechHostMessage = SpeechReply | SpeechEvent;

/** Flattens any thrown value for the wire. */
export function toSpeechError(error: unknown): SpeechError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const file = (error as { file?: unknown }).file;
  return {
    name: error.name,
    message: error.message,
    ...(typeof file === 'string' ? { file } : {}),
  };
}

/** An error received from a host, rebuilt with its name and file. */
export class SpeechHostError extends Error {
  readonly file: string | undefined;
  constructor(error: SpeechError) {
    super(error.message);
    this.name = error.name;
    this.file = error.file;
  }
}
