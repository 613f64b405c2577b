/**
 * The speech host's message handling, shared by every host: the renderer's Web Worker, the
 * Electron utility process and in-process Node. A host adapter only wires `handle` to its
 * incoming messages and `post` to its outgoing channel, and says how to load models and VAD.
 */
import type { Transcript } from '../core/transcript';
import {
  toSpeechError,
  type PushMessage,
  type SessionId,
  type SpeechClientMessage,
  type SpeechHostMessage,
  type SpeechRequest,
  type SpeechResults,
} from './protocol';
import {
  TranscriberSlot,
  type TranscriberLoadOptions,
  type WhisperTranscriber,
} from './transcriber';
import type { SileroVad } from './vad';
import { FILE_BATCH_WINDOWS, WindowBatcher } from './window-batcher';
import { StreamingTranscriber, transcribeRecording } from './windowing';

export interface SpeechHostDeps {
  /** Loads a Whisper model by id in this host's way (folder on disk, same-origin URL, …). */
  loadModel(modelId: string, options: TranscriberLoadOptions): Promise<WhisperTranscriber>;
  /** Loads Silero VAD on this host's ONNX Runtime (called once, on first use). */
  loadVad(): Promise<SileroVad>;
  /** Windows a whole recording decodes together (default {@link FILE_BATCH_WINDOWS}). */
  fileBatchWindows?: number;
  /** Sends a message to the client; `transfer` lists buffers to move rather than copy. */
  post(message: SpeechHostMessage, transfer?: ArrayBuffer[]): void;
}

export interface SpeechHost {
  /** Handles one message from the client. Never throws: failures become `{ error }` replies. */
  handle(message: SpeechClientMessage): Promise<void>;
}

export function createSpeechHost(deps: SpeechHostDeps): SpeechHost {
  const slot = new TranscriberSlot((id, options) => deps.loadModel(id, options));
  const sessions = new Map<SessionId, StreamingTranscriber>();
  let vad: Promise<SileroVad> | null = null;
  const vadStream = async () => {
    vad ??= deps.loadVad();
    try {
      return (await vad).createStream();
    } catch (error) {
      vad = null; // let a later request try again
      throw error;
    }
  };
  const loadedModel = async (): Promise<WhisperTranscriber> => {
    const modelId = slot.modelId;
    if (modelId === null) throw new Error('No model is loaded: send "load" with a model id first.');
    return slot.get(modelId);
  };

  const run = async (request: SpeechRequest): Promise<SpeechResults[SpeechRequest['type']]> => {
    switch (request.type) {
      case 'load': {
        const onProgress: TranscriberLoadOptions['onProgress'] = (progress) =>
          deps.post({ type: 'load-progress', id: request.id, progress });
        const transcriber = await slot.get(request.modelId, { onProgress });
        return { modelId: transcriber.modelId, device: transcriber.device };
      }
      case 'start': {
        const streaming = new StreamingTranscriber(await loadedModel(), await vadStream());
        const session = request.id;
        streaming.on('words', (words) => deps.post({ type: 'words', session, words }));
        streaming.on('error', (error) =>
          deps.post({ type: 'session-error', session, error: toSpeechError(error) }),
        );
        sessions.set(session, streaming);
        return { session };
      }
      case 'finish': {
        const streaming = sessionOf(request.session);
        sessions.delete(request.session);
        return { transcript: await streaming.finish() };
      }
      case 'cancel':
        return { cancelled: sessions.delete(request.session) };
      case 'transcribe': {
        const transcriber = await slot.get(request.modelId);
        // a whole recording: its windows are known ahead, so they are decoded in batches
        const transcript = await transcribeRecording(
          request.samples,
          new WindowBatcher(transcriber, deps.fileBatchWindows ?? FILE_BATCH_WINDOWS),
          await vadStream(),
        );
        return { transcript: offsetTranscript(transcript, request.offsetSeconds) };
      }
      case 'dispose': {
        sessions.clear();
        await slot.dispose();
        const released = vad;
        vad = null;
        if (released) await (await released).release();
        return { disposed: true };
      }
    }
  };

  const sessionOf = (session: SessionId): StreamingTranscriber => {
    const streaming = sessions.get(session);
    if (!streaming)
      throw new Error(`No recording session ${session} (finished, cancelled or never started).`);
    return streaming;
  };

  const push = (message: PushMessage): void => {
    try {
      sessionOf(message.session).push(message.samples);
    } catch (error) {
      deps.post({ type: 'session-error', session: message.session, error: toSpeechError(error) });
    }
  };

  return {
    async handle(message) {
      if (message.type === 'push') return push(message);
      try {
        const result = await run(message);
        deps.post({ id: message.id, type: message.type, result } as SpeechHostMessage);
      } catch (error) {
        deps.post({ id: message.id, type: 'error', error: toSpeechError(error) });
      }
    },
  };
}

/** A clip's transcript placed at `offset` seconds into the recording (duration = where the clip ends). */
export function offsetTranscript(transcript: Transcript, offset: number): Transcript {
  if (offset === 0) return transcript;
  const shift = <T extends { start: number; end: number | null }>(item: T): T => ({
    ...item,
    start: round(item.start + offset),
    end: item.end === null ? null : round(item.end + offset),
  });
  return {
    ...transcript,
    duration: round(transcript.duration + offset),
    words: transcript.words.map(shift),
    segments: transcript.segments.map(shift),
    pauses: transcript.pauses.map((p) => ({
      start: round(p.start + offset),
      end: round(p.end + offset),
    })),
    fillers: transcript.fillers.map((f) => ({
      ...f,
      start: round(f.start + offset),
      end: round(f.end + offset),
    })),
  };
}

const round = (t: number): number => Math.round(t * 1000) / 1000;
