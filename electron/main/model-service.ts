/**
 * The desktop app's models: what is installed (in the app's data folder, or bundled with the
 * installer), downloads with cancel, and folder import. Electron-free, so it is tested directly.
 */
import { readdir } from 'node:fs/promises';
import type {
  DesktopModelSummary,
  ModelDownloadOutcome,
  ModelDownloadProgress,
  ModelImportOutcome,
} from '../../core/desktop-api';
import type { CatalogModel } from '../../speech/models/catalog';
import { MODEL_CATALOG, catalogModel } from '../../speech/models/catalog';
import {
  downloadModel,
  modelFolderOf,
  stagingFolderOf,
} from '../../speech/node/download/download-model';
import { importModelFolder } from '../../speech/node/download/import-model-folder';
import { inspectModelFolder } from '../../speech/node/download/model-folder';
import type { ModelFolderInspection } from '../../speech/node/download/model-folder';

export interface ModelServiceOptions {
  /** Writable models folder in the app's data folder (downloads and imports go here). */
  modelsRoot: string;
  /** Read-only models shipped with the installer (`resources/models`), if any. */
  bundledRoot: string | null;
  /** Where downloads come from (Hugging Face, a mirror, or a test server). */
  baseUrl: string;
  catalog?: readonly CatalogModel[];
}

const hasEntries = async (folder: string): Promise<boolean> => {
  try {
    return (await readdir(folder)).length > 0;
  } catch {
    return false;
  }
};

export class ModelService {
  private readonly running = new Map<string, AbortController>();
  private readonly catalog: readonly CatalogModel[];

  constructor(private readonly options: ModelServiceOptions) {
    this.catalog = options.catalog ?? MODEL_CATALOG;
  }

  private model(modelId: string): CatalogModel {
    const model = this.catalog.find((entry) => entry.id === modelId);
    return model ?? catalogModel(modelId); // throws, listing the valid ids
  }

  /** The user's copy wins over the bundled one, so a re-download can repair a bundled model. */
  private async inspect(model: CatalogModel): Promise<ModelFolderInspection & { folder: string }> {
    const folder = modelFolderOf(this.options.modelsRoot, model.id);
    const own = await inspectModelFolder(folder, model.manifest, { verifyHashes: false });
    if (own.state === 'missing' && this.options.bundledRoot !== null) {
      const bundled = modelFolderOf(this.options.bundledRoot, model.id);
      const shipped = await inspectModelFolder(bundled, model.manifest, { verifyHashes: false });
      if (shipped.state !== 'missing') return { ...shipped, folder: bundled };
    }
    if (
      own.state === 'missing' &&
      (await hasEntries(stagingFolderOf(this.options.modelsRoot, model.id)))
    ) {
      return {
        ...own,
        state: 'partial',
        problem: `The download of ${model.id} stopped part-way. Press Download to resume it.`,
        folder,
      };
    }
    return { ...own, folder };
  }

  /** Every catalog model with its state on this machine. */
  async list(): Promise<DesktopModelSummary[]> {
    return Promise.all(
      this.catalog.map(async (model) => {
        const inspection = await this.inspect(model);
        return {
          id: model.id,
          label: model.label,
          isDefault: model.isDefault,
          approxDownloadBytes: model.approxDownloadBytes,
          expectedSpeed: model.expectedSpeed,
          state: inspection.state,
          problem: inspection.problem,
          verification: inspection.verification,
        };
      }),
    );
  }

  /** Folder of an installed model, for the speech process; the error says how to get it. */
  async installedFolderOf(modelId: string): Promise<string> {
    const model = this.model(modelId);
    const inspection = await this.inspect(model);
    if (inspection.state === 'installed') return inspection.folder;
    throw new Error(
      inspection.problem ??
        `Model ${model.id} is not installed. Open Models to download it (${Math.round(model.approxDownloadBytes / 1e6)} MB), or import a model folder.`,
    );
  }

  /** Downloads or resumes a model. One download per model at a time. */
  async download(
    modelId: string,
    onProgress: (progress: ModelDownloadProgress) => void,
  ): Promise<ModelDownloadOutcome> {
    const model = this.model(modelId);
    if (this.running.has(model.id)) {
      throw new Error(`${model.id} is already downloading.`);
    }
    const controller = new AbortController();
    this.running.set(model.id, controller);
    try {
      const report = await downloadModel({
        model: model.manifest,
        modelsRoot: this.options.modelsRoot,
        baseUrl: this.options.baseUrl,
        signal: controller.signal,
        onProgress,
        progressIntervalMs: 200,
      });
      return { modelId: model.id, status: report.status, verification: report.verification };
    } finally {
      this.running.delete(model.id);
    }
  }

  /** Stops a running download (its partial files stay for a resume). False if none runs. */
  cancel(modelId: string): boolean {
    const controller = this.running.get(modelId);
    controller?.abort();
    return controller !== undefined;
  }

  /** Validates a chosen folder and copies it into the models folder. */
  async importFolder(folder: string): Promise<ModelImportOutcome> {
    const report = await importModelFolder(folder, this.options.modelsRoot, this.catalog);
    return { status: 'imported', modelId: report.modelId, verification: report.verification };
  }

  /** Aborts every download (on quit). */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}
