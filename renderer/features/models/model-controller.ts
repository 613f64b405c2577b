/**
 * Lists speech models, keeps the chosen one loaded, and downloads or imports models in the
 * desktop app. The browser build uses what the server has at /models/ (no download there: the
 * developer fetches models with `npm run models`).
 */
import type { PitchpaceDesktopApi } from '../../../core/desktop-api';
import { DEFAULT_MODEL_ID, MODEL_CATALOG } from '../../../speech/models/catalog';
import type { TranscriptionEngine } from '../transcription/transcription-engine';
import type { ModelEntry } from './model-store';
import { useModelStore } from './model-store';
import { listServedModelIds } from './served-models';

const SELECTION_KEY = 'pitchpace.speechModel';

/** The command that fetches the recommended model into `models/` (shown in the browser build). */
export const FETCH_MODEL_COMMAND = `npm run models -- ${DEFAULT_MODEL_ID}`;

/** Catalog entries with the server's folders; folders outside the catalog are listed after them. */
export function webModelEntries(servedIds: readonly string[]): ModelEntry[] {
  const catalog = MODEL_CATALOG.map((model): ModelEntry => ({
    id: model.id,
    label: model.label,
    approxDownloadBytes: model.approxDownloadBytes,
    expectedSpeed: model.expectedSpeed,
    isDefault: model.isDefault,
    state: servedIds.includes(model.id) ? 'installed' : 'missing',
    problem: null,
  }));
  const others = servedIds
    .filter((id) => !catalog.some((model) => model.id === id))
    .map((id): ModelEntry => ({
      id,
      label: `${id} (model folder)`,
      approxDownloadBytes: null,
      expectedSpeed: null,
      isDefault: false,
      state: 'installed',
      problem: null,
    }));
  return [...catalog, ...others];
}

/** The stored choice if it is installed, else the default, else the first installed catalog model. */
export function chooseModel(models: readonly ModelEntry[], stored: string | null): string | null {
  const installed = models.filter((m) => m.state === 'installed');
  const pick =
    installed.find((m) => m.id === stored) ??
    installed.find((m) => m.isDefault) ??
    installed.find((m) => m.approxDownloadBytes !== null);
  return pick?.id ?? stored ?? DEFAULT_MODEL_ID;
}

export class ModelController {
  constructor(
    private readonly engine: TranscriptionEngine,
    private readonly api: PitchpaceDesktopApi | undefined,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  ) {
    useModelStore.setState({ source: api ? 'desktop' : 'web' });
  }

  /** Lists models again and loads the chosen one if it is installed. */
  async refresh(): Promise<void> {
    let models: ModelEntry[];
    try {
      models = this.api
        ? (await this.api.listModels()).map((m) => ({ ...m }))
        : webModelEntries(await listServedModelIds());
    } catch (error) {
      useModelStore.setState({
        listed: true,
        problem: `Models could not be listed: ${message(error)}`,
      });
      return;
    }
    const selectedId = chooseModel(models, this.storage.getItem(SELECTION_KEY));
    useModelStore.setState({ models, listed: true, selectedId });
    await this.loadSelected();
  }

  async select(modelId: string): Promise<void> {
    this.storage.setItem(SELECTION_KEY, modelId);
    useModelStore.setState({ selectedId: modelId, problem: null });
    await this.loadSelected();
  }

  /** The model recordings should be transcribed with: chosen, installed and not failed. */
  activeModelId(): string | null {
    const { load } = useModelStore.getState();
    return load.kind === 'ready' || load.kind === 'loading' ? load.modelId : null;
  }

  /** Desktop only: downloads (or resumes) a model with progress, then uses it. */
  async download(modelId: string): Promise<void> {
    if (!this.api || useModelStore.getState().download) return;
    useModelStore.setState({ download: { modelId, progress: null }, problem: null });
    try {
      const outcome = await this.api.downloadModel(modelId, (progress) =>
        useModelStore.setState({ download: { modelId, progress } }),
      );
      useModelStore.setState({ download: null });
      if (outcome.status === 'installed') {
        this.storage.setItem(SELECTION_KEY, modelId);
        await this.refresh();
      }
    } catch (error) {
      useModelStore.setState({ download: null, problem: message(error) });
      await this.refresh();
    }
  }

  async cancelDownload(): Promise<void> {
    const running = useModelStore.getState().download;
    if (running && this.api) await this.api.cancelDownload(running.modelId);
  }

  /** Desktop only: "Import model folder…" (for machines without a network). */
  async importFolder(): Promise<void> {
    if (!this.api) return;
    useModelStore.setState({ problem: null });
    try {
      const outcome = await this.api.importModelFolder();
      if (outcome.status === 'imported') {
        this.storage.setItem(SELECTION_KEY, outcome.modelId);
        await this.refresh();
      }
    } catch (error) {
      useModelStore.setState({ problem: message(error) });
    }
  }

  private async loadSelected(): Promise<void> {
    const { models, selectedId } = useModelStore.getState();
    const entry = models.find((m) => m.id === selectedId);
    if (!selectedId || entry?.state !== 'installed') {
      useModelStore.setState({ load: { kind: 'none' } });
      return;
    }
    useModelStore.setState({ load: { kind: 'loading', modelId: selectedId, fraction: null } });
    const stillWanted = () => useModelStore.getState().selectedId === selectedId;
    try {
      const { device } = await this.engine.load(selectedId, (fraction) => {
        if (stillWanted())
          useModelStore.setState({ load: { kind: 'loading', modelId: selectedId, fraction } });
      });
      if (stillWanted())
        useModelStore.setState({ load: { kind: 'ready', modelId: selectedId, device } });
    } catch (error) {
      if (stillWanted())
        useModelStore.setState({
          load: { kind: 'error', modelId: selectedId, message: message(error) },
        });
    }
  }
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
