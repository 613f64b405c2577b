/**
 * The bridge object the preload exposes: one function per operation, each a thin typed call
 * over the channel map in ../ipc-contract.ts.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type {
  LiveTranscriptionCallbacks,
  ModelDownloadProgress,
  PitchpaceDesktopApi,
} from '../../core/desktop-api';
import { OPERATION_CHANNELS } from '../ipc-contract';
import type { EventChannels, InvokeArgs, InvokeChannel, InvokeResult } from '../ipc-contract';

/** The part of `ipcRenderer` the bridge uses (what tests fake). */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;

const PROGRESS_CHANNEL = 'models:download-progress' satisfies keyof EventChannels;
const WINDOW_CHANNEL = 'speech:window' satisfies keyof EventChannels;
const SESSION_ERROR_CHANNEL = 'speech:session-error' satisfies keyof EventChannels;

// Electron wraps main-process errors as "Error invoking remote method 'x': Error: <message>";
// the renderer shows the message to the user, so keep only the part main wrote.
const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

async function invoke<C extends InvokeChannel>(
  ipc: BridgeIpc,
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResult<C>> {
  try {
    return (await ipc.invoke(channel, ...args)) as InvokeResult<C>;
  } catch (error) {
    if (error instanceof Error) {
      throw new Error(error.message.replace(REMOTE_ERROR_PREFIX, ''), { cause: error });
    }
    throw error;
  }
}

/** Routes a live session's events to its callbacks until the session ends. */
function listenToSession(
  ipc: BridgeIpc,
  session: number,
  callbacks: LiveTranscriptionCallbacks,
): () => void {
  const onWindow = (_event: IpcRendererEvent, payload: EventChannels['speech:window']): void => {
    if (payload.session === session) callbacks.onWindow?.(payload.window);
  };
  const onError = (_event: IpcRendererEvent, payload: EventChannels['speech:session-error']) => {
    if (payload.session === session) callbacks.onError?.(payload.message);
  };
  ipc.on(WINDOW_CHANNEL, onWindow);
  ipc.on(SESSION_ERROR_CHANNEL, onError);
  return () => {
    ipc.removeListener(WINDOW_CHANNEL, onWindow);
    ipc.removeListener(SESSION_ERROR_CHANNEL, onError);
  };
}

/** Builds the `window.pitchpace` API over an `ipcRenderer`. */
export function createDesktopApi(ipc: BridgeIpc): PitchpaceDesktopApi {
  const sessionListeners = new Map<number, () => void>();
  const endSession = (session: number): void => {
    sessionListeners.get(session)?.();
    sessionListeners.delete(session);
  };
  return {
    getAppInfo: () => invoke(ipc, OPERATION_CHANNELS.getAppInfo),
    listModels: () => invoke(ipc, OPERATION_CHANNELS.listModels),
    downloadModel: async (modelId, onProgress) => {
      const listener = (_event: IpcRendererEvent, progress: ModelDownloadProgress): void => {
        if (progress.modelId === modelId) onProgress?.(progress);
      };
      if (onProgress) ipc.on(PROGRESS_CHANNEL, listener);
      try {
        return await invoke(ipc, OPERATION_CHANNELS.downloadModel, modelId);
      } finally {
        if (onProgress) ipc.removeListener(PROGRESS_CHANNEL, listener);
      }
    },
    cancelDownload: (modelId) => invoke(ipc, OPERATION_CHANNELS.cancelDownload, modelId),
    importModelFolder: () => invoke(ipc, OPERATION_CHANNELS.importModelFolder),
    transcribe: (request) => invoke(ipc, OPERATION_CHANNELS.transcribe, request),
    startTranscription: async (modelId, callbacks = {}) => {
      const session = await invoke(ipc, OPERATION_CHANNELS.startTranscription, modelId);
      // Windows only follow pushed audio, so nothing can arrive before this listener exists.
      sessionListeners.set(session, listenToSession(ipc, session, callbacks));
      return session;
    },
    pushTranscriptionAudio: (session, samples) => {
      ipc.send(OPERATION_CHANNELS.pushTranscriptionAudio, session, samples);
    },
    finishTranscription: async (session) => {
      try {
        return await invoke(ipc, OPERATION_CHANNELS.finishTranscription, session);
      } finally {
        endSession(session);
      }
    },
    cancelTranscription: async (session) => {
      try {
        return await invoke(ipc, OPERATION_CHANNELS.cancelTranscription, session);
      } finally {
        endSession(session);
      }
    },
    exportReportPdf: (title) => invoke(ipc, OPERATION_CHANNELS.exportReportPdf, title),
  };
}
