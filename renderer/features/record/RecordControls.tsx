import { formatClock } from '../../../core/units';
import { recordingController } from '../../app/services';
import { useAppStore } from '../../store/app-store';

/** Record / Stop, the big clock and the "next section" button. */
export function RecordControls() {
  const phase = useAppStore((s) => s.phase);
  const elapsed = useAppStore((s) => s.elapsed);
  const recording = phase === 'recording';
  return (
    <div className="record-controls">
      {phase === 'idle' || phase === 'starting' ? (
        <button
          type="button"
          className="record-button"
          data-testid="record-button"
          aria-keyshortcuts="Space"
          disabled={phase === 'starting'}
          onClick={() => void recordingController.start()}
        >
          <span className="record-button__dot" aria-hidden="true" />
          {phase === 'starting' ? 'Starting…' : 'Record'}
        </button>
      ) : (
        <button
          type="button"
          className="record-button record-button--stop"
          data-testid="stop-button"
          aria-keyshortcuts="Space Escape"
          disabled={phase === 'saving'}
          onClick={() => void recordingController.stop('stopped')}
        >
          <span className="record-button__square" aria-hidden="true" />
          {phase === 'saving' ? 'Saving…' : 'Stop'}
        </button>
      )}
      <time
        className={`elapsed${recording ? ' elapsed--live' : ''}`}
        data-testid="elapsed"
        aria-label="Elapsed time"
        aria-live="off"
      >
        {formatClock(elapsed)}
      </time>
      <button
        type="button"
        className="button"
        disabled={!recording}
        aria-keyshortcuts="N ArrowRight"
        onClick={() => recordingController.markNextSection()}
      >
        Next section <kbd>N</kbd>
      </button>
    </div>
  );
}
