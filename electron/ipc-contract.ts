/**
 * The one IPC channel map between preload and main. Both sides are typed against it, so a
 * channel whose arguments or result drift apart fails to type-check on both ends.
 */
import type {
  DesktopAppInfo,
  DesktopModelSummary,
  DesktopTranscribeRequest,
  LiveTranscriptWindow,
  ModelDownloadOutcome,
  ModelDownloadProgress,
  ModelImportOutcome,
  PitchpaceDesktopApi,
  ReportPdfExportOutcome,
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
  'speech:start': { args: [modelId: string]; result: number };
  'speech:finish': { args: [session: number]; result: Transcript };
  'speech:cancel': { args: [session: number]; result: boolean };
  'report:export-pdf': { args: [title: string]; result: ReportPdfExportOutcome };
}

/** One-way messages from the renderer to main (`ipcRenderer.send` → `ipcMain.on`). */
export interface SendChannels {
  'speech:push': [session: number, samples: Float32Array];
}

/** One-way events from main to the renderer (`webContents.send` → `ipcRenderer.on`). */
export interface EventChannels {
  'models:download-progress': ModelDownloadProgress;
  'speech:window': { session: number; window: LiveTranscriptWindow };
  'speech:session-error': { session: number; message: string };
}

export type InvokeChannel = keyof InvokeChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C]['result'];
export type EventChannel = keyof EventChannels;
export type SendChannel = keyof SendChannels;

/** Which channel each API operation uses: one operation, one channel. */
export const OPERATION_CHANNELS = {
  getAppInfo: 'app:get-info',
  listModels: 'models:list',
  downloadModel: 'models:download',
  cancelDownload: 'models:cancel-download',
  importModelFolder: 'models:import-folder',
  transcribe: 'speech:transcribe',
  startTranscription: 'speech:start',
  pushTranscriptionAudio: 'speech:push',
  finishTranscription: 'speech:finish',
  cancelTranscription: 'speech:cancel',
  exportReportPdf: 'report:export-pdf',
} as const satisfies Record<keyof PitchpaceDesktopApi, InvokeChannel | SendChannel>;

const isSendChannel = (channel: InvokeChannel | SendChannel): channel is SendChannel =>
  channel === 'speech:push';

/** All invoke channels main must handle (and nothing else). */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(OPERATION_CHANNELS).filter(
  (channel): channel is InvokeChannel => !isSendChannel(channel),
);

/** All one-way channels main listens on. */
export const SEND_CHANNELS: readonly SendChannel[] =
  Object.values(OPERATION_CHANNELS).filter(isSendChannel);

// Compile-time guard: the runtime operation list in core/ names every API function.
type UnlistedOperation = Exclude<
  keyof PitchpaceDesktopApi,
  (typeof DESKTOP_API_OPERATIONS)[number]
>;
export const EVERY_OPERATION_LISTED: [UnlistedOperation] extends [never] ? true : never = true;
