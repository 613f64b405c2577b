import { modelController } from '../../app/services';
import { useAppStore } from '../../store/app-store';
import { DownloadProgressBar } from './DownloadProgressBar';
import { FETCH_MODEL_COMMAND } from './model-controller';
import type { ModelEntry, ModelLoadStatus } from './model-store';
import { useModelStore } from './model-store';
import { formatBytes } from './download-format';
import './models.css';

const STATE_NOTE: Record<ModelEntry['state'], string> = {
  installed: '',
  missing: ' · not installed',
  partial: ' · partly downloaded',
  corrupt: ' · damaged',
};

function optionLabel(model: ModelEntry): string {
  const size =
    model.approxDownloadBytes === null ? '' : ` · ${formatBytes(model.approxDownloadBytes)}`;
  return `${model.id}${size}${STATE_NOTE[model.state]}`;
}

/** Where Whisper runs, for the status line (empty when not known). */
function deviceLabel(device: string | null): string {
  switch (device) {
    case 'webgpu':
      return ' on the GPU (WebGPU)';
    case 'wasm':
      return ' on the CPU (WebAssembly)';
    case 'cpu':
      return ' on the CPU';
    default:
      return '';
  }
}

function statusLine(load: ModelLoadStatus): string {
  switch (load.kind) {
    case 'none':
      return 'No model loaded: recordings are timed by your section markers only.';
    case 'loading':
      return `Loading ${load.modelId}…${load.fraction === null ? '' : ` ${Math.round(load.fraction * 100)}%`}`;
    case 'ready':
      return `Transcribing with ${load.modelId}${deviceLabel(load.device)}.`;
    case 'error':
      return `${load.modelId} could not be loaded: ${load.message}`;
  }
}

/** Which speech model transcribes recordings, how to get one, and download progress. */
export function ModelPanel() {
  const { source, models, listed, selectedId, load, download, problem } = useModelStore();
  const busy = useAppStore((s) => s.phase !== 'idle');
  const selected = models.find((m) => m.id === selectedId);
  const canDownload =
    source === 'desktop' && selected !== undefined && selected.state !== 'installed';
  return (
    <section className="model-panel" aria-labelledby="model-panel-title">
      <h2 id="model-panel-title" className="model-panel__title">
        Speech model
      </h2>
      <select
        className="model-panel__picker"
        data-testid="model-picker"
        aria-label="Speech model"
        value={selectedId ?? ''}
        disabled={!listed || busy || download !== null}
        onChange={(event) => void modelController.select(event.target.value)}
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {optionLabel(model)}
          </option>
        ))}
      </select>
      {selected ? (
        <p className="model-panel__facts muted">
          {selected.label}
          {selected.expectedSpeed ? ` · ${selected.expectedSpeed}` : ''}
        </p>
      ) : null}
      <p
        className="model-panel__status"
        data-testid="model-status"
        data-state={load.kind}
        data-device={load.kind === 'ready' ? (load.device ?? undefined) : undefined}
        role="status"
      >
        {listed ? statusLine(load) : 'Looking for speech models…'}
      </p>
      {selected?.problem ? <p className="model-panel__problem">{selected.problem}</p> : null}
      {problem ? <p className="model-panel__problem">{problem}</p> : null}
      {download ? (
        <DownloadProgressBar
          download={download}
          onCancel={() => void modelController.cancelDownload()}
        />
      ) : null}
      {canDownload && !download ? (
        <button
          type="button"
          className="button"
          data-testid="model-download"
          onClick={() => void modelController.download(selected.id)}
        >
          {selected.state === 'partial' ? 'Resume download' : 'Download'} {selected.id}
        </button>
      ) : null}
      {source === 'desktop' && !download ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void modelController.importFolder()}
        >
          Import model folder…
        </button>
      ) : null}
      {source === 'web' && listed && load.kind === 'none' ? (
        <p className="model-panel__hint" data-testid="model-hint">
          To get a model, run <code>{FETCH_MODEL_COMMAND}</code> in the project folder, then reload.
        </p>
      ) : null}
    </section>
  );
}
