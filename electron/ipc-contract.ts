/**
 * The one IPC channel map between preload and main. Both sides are typed against it, so a
 * channel whose arguments or result drift apart fails to type-check on both ends.
 */
import type {
  DesktopAppInfo,
  DesktopModelSummary,
  DesktopTranscribeRequest,
  ModelDownloadOutcome,
  ModelDownloadProgress,
  ModelImportOutcome,
  PitchpaceDesktopApi,
  DESKTOP_API_OPERATIONS,
} from '../core/desktop-api';
import type { Transcript } from '../core/transcript';

/** Request/response channels (`ipcRenderer.invoke` ↔ `ipcMain.handle`). */
export interface InvokeChannels {
  'app:get-info': { args: []; result: DesktopAppInfo };
  'models:list': { args: []; result: DesktopModelSummary[] };
  'models:download': { args: [modelId: string]; result: ModelDownloadOutcome };
  'models:cancel-download': { args: [modelId: string]; result: boolean };
  'models:import-folder': { args: []; result: ModelImportOutcome };
  'speech:transcribe': { args: [request: DesktopTranscribeRequest]; result: Transcript };
}

/** One-way events from main to the renderer (`webContents.send` → `ipcRenderer.on`). */
export interface EventChannels {
  'models:download-progress': ModelDownloadProgress;
}

export type InvokeChannel = keyof InvokeChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C]['result'];
export type EventChannel = keyof EventChannels;

/** Which channel each API operation uses: one operation, one channel. */
export const OPERATION_CHANNELS = {
  getAppInfo: 'app:get-info',
  listModels: 'models:list',
  downloadModel: 'models:download',
  cancelDownload: 'models:cancel-download',
  importModelFolder: 'models:import-folder',
  transcribe: 'speech:transcribe',
} as const satisfies Record<keyof PitchpaceDesktopApi, InvokeChannel>;

/** All invoke channels main must handle (and nothing else). */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(OPERATION_CHANNELS);

// Compile-time guard: the runtime operation list in core/ names every API function.
type UnlistedOperation = Exclude<
  keyof PitchpaceDesktopApi,
  (typeof DESKTOP_API_OPERATIONS)[number]
>;
export const EVERY_OPERATION_LISTED: [UnlistedOperation] extends [never] ? true : never = true;
