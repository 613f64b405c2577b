/**
 * The client side of the speech protocol: request ids, promises for replies, sessions for
 * streaming. Used by whatever talks to a host — the renderer (to its Web Worker) or Electron's main
 * process (to its utility process) — so neither hand-rolls message matching.
 */
import type { Transcript } from '../core/transcript';
import {
  SpeechHostError,
  type RequestId,
  type SessionId,
  type SpeechClientMessage,
  type SpeechHostMessage,
  type SpeechRequest,
  type SpeechResults,
} from './protocol';
import type { ModelLoadProgress } from './transcriber';
import type { WindowWords } from './windowing';

type Send = (message: SpeechClientMessage, transfer: ArrayBuffer[]) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: ModelLoadProgress) => void;
}

/** A recording being transcribed as it goes. */
export interface RecordingSession {
  readonly id: SessionId;
  /** Sends recorded 16 kHz mono audio (copied, so the caller may reuse its buffer). */
  push(samples16k: Float32Array): void;
  /** Stop: resolves with the whole transcript once the last window is transcribed. */
  finish(): Promise<Transcript>;
  cancel(): Promise<void>;
}

export interface SessionCallbacks {
  /** Each window's words as soon as it is transcribed (the live transcript). */
  onWords?: (words: WindowWords) => void;
  onError?: (error: Error) => void;
}

export class SpeechClient {
  private nextId: RequestId = 1;
  private readonly pending = new Map<RequestId, Pending>();
  private readonly sessions = new Map<SessionId, SessionCallbacks>();

  constructor(private readonly send: Send) {}

  /** Feed every message from the host here. */
  receive(message: SpeechHostMessage): void {
    switch (message.type) {
      case 'load-progress':
        this.pending.get(message.id)?.onProgress?.(message.progress);
        return;
      case 'words':
        this.sessions.get(message.session)?.onWords?.(message.words);
        return;
      case 'session-error':
        this.sessions.get(message.session)?.onError?.(new SpeechHostError(message.error));
        return;
      case 'error':
        this.settle(message.id, (p) => p.reject(new SpeechHostError(message.error)));
        return;
      default:
        this.settle(message.id, (p) => p.resolve(message.result));
    }
  }

  /** Fails every outstanding request (call when the worker or process dies). */
  failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const session of this.sessions.values()) session.onError?.(error);
    this.sessions.clear();
  }

  /** Loads (or switches to) a model; resolves once it is ready, with the backend it runs on. */
  load(
    modelId: string,
    onProgress?: (progress: ModelLoadProgress) => void,
  ): Promise<SpeechResults['load']> {
    return this.request({ type: 'load', modelId }, [], onProgress);
  }

  async startSession(callbacks: SessionCallbacks = {}): Promise<RecordingSession> {
    const { session } = await this.request({ type: 'start' });
    this.sessions.set(session, callbacks);
    return {
      id: session,
      push: (samples16k) => {
        const copy = samples16k.slice();
        this.send({ type: 'push', session, samples: copy }, [copy.buffer]);
      },
      finish: async () => {
        try {
          return (await this.request({ type: 'finish', session })).transcript;
        } finally {
          this.sessions.delete(session);
        }
      },
      cancel: async () => {
        this.sessions.delete(session);
        await this.request({ type: 'cancel', session });
      },
    };
  }

  /** A whole clip at once (same windowing as a session); times offset by `offsetSeconds`. */
  async transcribe(
    modelId: string,
    samples16k: Float32Array,
    offsetSeconds = 0,
  ): Promise<Transcript> {
    const samples = samples16k.slice();
    return (
      await this.request({ type: 'transcribe', modelId, samples, offsetSeconds }, [samples.buffer])
    ).transcript;
  }

  async dispose(): Promise<void> {
    await this.request({ type: 'dispose' });
  }

  private request<R extends DistributiveOmit<SpeechRequest, 'id'>>(
    request: R,
    transfer: ArrayBuffer[] = [],
    onProgress?: (progress: ModelLoadProgress) => void,
  ): Promise<SpeechResults[R['type']]> {
    const id = this.nextId++;
    return new Promise<SpeechResults[R['type']]>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (result: unknown) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      this.send({ ...request, id }, transfer);
    });
  }

  private settle(id: RequestId, action: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    action(pending);
  }
}
