/**
 * Speech model state for the UI: what is installed, which model is chosen, whether it is loaded,
 * and a running download. Kept apart from the app store: it is session state, not attempts.
 */
import { create } from 'zustand';
import type { ModelDownloadProgress, ModelInstallState } from '../../../core/desktop-api';

/** One model the picker offers (catalog models, plus other model folders the web server has). */
export interface ModelEntry {
  id: string;
  label: string;
  /** Approximate download size; null for folders outside the catalog. */
  approxDownloadBytes: number | null;
  expectedSpeed: string | null;
  isDefault: boolean;
  state: ModelInstallState;
  /** Which file is wrong and what to do, for `partial`/`corrupt`. */
  problem: string | null;
}

export type ModelLoadStatus =
  | { kind: 'none' }
  | { kind: 'loading'; modelId: string; fraction: number | null }
  /** `device`: where Whisper runs (`webgpu`, `wasm`, `cpu`), null when not known. */
  | { kind: 'ready'; modelId: string; device: string | null }
  | { kind: 'error'; modelId: string; message: string };

export interface ModelDownload {
  modelId: string;
  progress: ModelDownloadProgress | null;
}

export interface ModelState {
  /** `desktop`: downloads and imports through the app; `web`: models served at /models/. */
  source: 'desktop' | 'web';
  models: ModelEntry[];
  listed: boolean;
  selectedId: string | null;
  load: ModelLoadStatus;
  download: ModelDownload | null;
  /** Last download or import failure, shown until the next attempt. */
  problem: string | null;
}

export const useModelStore = create<ModelState>()(() => ({
  source: 'web',
  models: [],
  listed: false,
  selectedId: null,
  load: { kind: 'none' },
  download: null,
  problem: null,
}));
