/**
 * The bridge object the preload exposes: one function per operation, each a thin typed call
 * over the channel map in ../ipc-contract.ts.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ModelDownloadProgress, PitchpaceDesktopApi } from '../../core/desktop-api';
import { OPERATION_CHANNELS } from '../ipc-contract';
import type { EventChannels, InvokeArgs, InvokeChannel, InvokeResult } from '../ipc-contract';

/** The part of `ipcRenderer` the bridge uses (what tests fake). */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

const PROGRESS_CHANNEL = 'models:download-progress' satisfies keyof EventChannels;

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

/** Builds the `window.pitchpace` API over an `ipcRenderer`. */
export function createDesktopApi(ipc: BridgeIpc): PitchpaceDesktopApi {
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
  };
}
