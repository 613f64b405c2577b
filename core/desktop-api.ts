/**
 * The desktop bridge: what the Electron preload exposes to the renderer as `window.pitchpace`.
 * Pure types (plus the list of operation names) so the renderer can import it type-only without
 * touching electron/. The browser build has no bridge: `window.pitchpace` is then undefined.
 */
import type { TimedWord, Transcript } from './transcript';

/** Versions and folders of the running desktop app (shown in the About panel and bug reports). */
export interface DesktopAppInfo {
  name: string;
  version: string;
  platform: string;
  versions: { electron: string; chrome: string; node: string };
  /** Where downloaded and imported models are stored. */
  modelsFolder: string;
}

/** State of one catalog model on this machine. */
export type ModelInstallState = 'installed' | 'partial' | 'corrupt' | 'missing';

/**
 * How a model's files were checked: `verified` against pinned sha256 hashes, or `unpinned` when
 * the manifest has no hashes yet (files were checked for presence and well-formedness only).
 */
export type ModelVerification = 'verified' | 'unpinned';

/** One catalog model with its install state, as listed in the model picker. */
export interface DesktopModelSummary {
  id: string;
  label: string;
  isDefault: boolean;
  /** Approximate total download size in bytes (the server's lengths are authoritative). */
  approxDownloadBytes: number;
  /** Human-readable expected speed, with where the estimate comes from. */
  expectedSpeed: string;
  state: ModelInstallState;
  /** For `partial`/`corrupt`: which file is wrong and what to do; otherwise null. */
  problem: string | null;
  verification: ModelVerification;
}

/** Progress of a model download, sent several times a second while it runs. */
export interface ModelDownloadProgress {
  modelId: string;
  /** File being fetched, relative to the model folder (e.g. `onnx/encoder_model_quantized.onnx`). */
  file: string;
  fileIndex: number;
  fileCount: number;
  /** Bytes of the whole model on disk so far (resumed bytes included). */
  receivedBytes: number;
  /** Total bytes of the whole model, once every file's length is known; else null. */
  totalBytes: number | null;
  bytesPerSecond: number;
  /** Estimated seconds left, or null while the total or the speed is unknown. */
  secondsLeft: number | null;
}

/** How a download ended (failures reject with an error naming the file and the fix). */
export interface ModelDownloadOutcome {
  modelId: string;
  status: 'installed' | 'cancelled';
  verification: ModelVerification;
}

/** How "Import model folder…" ended (an invalid folder rejects with an error naming the file). */
export type ModelImportOutcome =
  | { status: 'imported'; modelId: string; verification: ModelVerification }
  | { status: 'cancelled' };

/** One stretch of 16 kHz mono audio to transcribe with an installed model. */
export interface DesktopTranscribeRequest {
  modelId: string;
  /** 16 kHz mono PCM samples in [-1, 1]. */
  samples: Float32Array;
  /** Where this stretch starts in the recording, in seconds; word times are offset by it. */
  offsetSeconds: number;
}

/** One window of a live transcription: its words are final (times from the recording start). */
export interface LiveTranscriptWindow {
  index: number;
  start: number;
  end: number;
  words: TimedWord[];
}

/** Callbacks of a live transcription session. */
export interface LiveTranscriptionCallbacks {
  /** Each window's words as soon as it is transcribed (the live transcript). */
  onWindow?: (window: LiveTranscriptWindow) => void;
  /** Transcription failed mid-recording; `finishTranscription` rejects with the same message. */
  onError?: (message: string) => void;
}

/**
 * How "Export PDF" ended in the desktop app: `saved` with the chosen path, or not saved when the
 * user dismissed the save dialog. Failures reject with a message fit for the user.
 */
export interface ReportPdfExportOutcome {
  saved: boolean;
  path?: string;
}

/** The API the preload exposes as `window.pitchpace`: one function per operation. */
export interface PitchpaceDesktopApi {
  getAppInfo(): Promise<DesktopAppInfo>;
  listModels(): Promise<DesktopModelSummary[]>;
  /** Downloads (or resumes) a catalog model; `onProgress` receives this download's progress. */
  downloadModel(
    modelId: string,
    onProgress?: (progress: ModelDownloadProgress) => void,
  ): Promise<ModelDownloadOutcome>;
  /** Cancels a running download, keeping its partial files for a later resume. */
  cancelDownload(modelId: string): Promise<boolean>;
  /** Opens a folder picker, validates the chosen model folder and copies it into the app. */
  importModelFolder(): Promise<ModelImportOutcome>;
  /** Transcribes audio in the desktop app's speech process (ONNX Runtime Node). */
  transcribe(request: DesktopTranscribeRequest): Promise<Transcript>;
  /**
   * Opens a live transcription session for a recording (loads the model first); resolves with
   * the session id. Windows close at VAD pauses and are transcribed as the user speaks.
   */
  startTranscription(modelId: string, callbacks?: LiveTranscriptionCallbacks): Promise<number>;
  /** Sends recorded 16 kHz mono audio to a session (fire and forget, ~10 times a second). */
  pushTranscriptionAudio(session: number, samples: Float32Array): void;
  /** Stop: transcribes the last window and resolves with the whole transcript. */
  finishTranscription(session: number): Promise<Transcript>;
  /** Drops a session without transcribing the rest. */
  cancelTranscription(session: number): Promise<boolean>;
  /**
   * Prints the calling page to an A4 PDF (its print stylesheet applies) and asks where to save
   * it; `title` becomes the suggested file name (main sanitises it and adds `.pdf`).
   */
  exportReportPdf(title: string): Promise<ReportPdfExportOutcome>;
}

/** Every operation of the desktop API, for runtime checks that the bridge exposes exactly these. */
export const DESKTOP_API_OPERATIONS = [
  'getAppInfo',
  'listModels',
  'downloadModel',
  'cancelDownload',
  'importModelFolder',
  'transcribe',
  'startTranscription',
  'pushTranscriptionAudio',
  'finishTranscription',
  'cancelTranscription',
  'exportReportPdf',
] as const satisfies readonly (keyof PitchpaceDesktopApi)[];

/** Name of the global the preload defines (`window.pitchpace`). */
export const DESKTOP_API_GLOBAL = 'pitchpace';
