import { formatBytes, formatSpeed, formatTimeLeft } from './download-format';
import type { ModelDownload } from './model-store';

export interface DownloadProgressBarProps {
  download: ModelDownload;
  onCancel: () => void;
}

/** A model download: bar, bytes of total, speed and time left, and Cancel (partial files are kept). */
export function DownloadProgressBar({ download, onCancel }: DownloadProgressBarProps) {
  const progress = download.progress;
  const total = progress?.totalBytes ?? null;
  const received = progress?.receivedBytes ?? 0;
  return (
    <div className="model-download" data-testid="model-progress">
      <progress
        className="model-download__bar"
        aria-label={`Downloading ${download.modelId}`}
        max={total ?? undefined}
        value={total === null ? undefined : received}
      />
      <p className="model-download__numbers muted">
        {progress === null
          ? 'Connecting…'
          : `${formatBytes(received)}${total === null ? '' : ` of ${formatBytes(total)}`} · ${formatSpeed(progress.bytesPerSecond)} · ${formatTimeLeft(progress.secondsLeft)}`}
      </p>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        Cancel download
      </button>
    </div>
  );
}
