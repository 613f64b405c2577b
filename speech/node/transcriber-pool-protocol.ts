/** Messages between {@link TranscriberPool} and its worker threads (one Whisper pipeline each). */
import type { TimedWord } from '../../core/transcript';
import type { LocalWhisperOptions } from './load-whisper';

/** What a worker needs to load its pipeline (the options that survive structured cloning). */
export interface PoolModelSpec {
  dirOrId: string;
  options: Omit<LocalWhisperOptions, 'onProgress'>;
}

export type PoolRequest =
  | { type: 'load'; model: PoolModelSpec }
  /** One window, or several decoded as a batch (WhisperTranscriber.transcribeBatch). */
  | { type: 'transcribe'; id: number; windows: Float32Array[] }
  | { type: 'dispose' };

/** An error as it crosses the thread boundary: enough to rebuild a ModelFilesError. */
export interface PoolError {
  message: string;
  name: string;
  /** Set for a ModelFilesError: the file at fault. */
  file?: string;
}

export type PoolReply =
  | { type: 'loaded'; modelId: string }
  | { type: 'words'; id: number; words: TimedWord[][] }
  | { type: 'failed'; id: number | null; error: PoolError }
  | { type: 'disposed' };
