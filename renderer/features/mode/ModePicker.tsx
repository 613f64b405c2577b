import { MODES, MODE_IDS } from '../../../core/modes';
import { formatClock } from '../../../core/units';
import { useAppStore } from '../../store/app-store';
import './mode.css';

/** Choice of rehearsal mode; locked while recording. */
export function ModePicker() {
  const mode = useAppStore((s) => s.mode);
  const setMode = useAppStore((s) => s.setMode);
  const busy = useAppStore((s) => s.phase !== 'idle');
  return (
    <fieldset className="mode-picker" disabled={busy}>
      <legend>What are you rehearsing?</legend>
      {MODE_IDS.map((id) => {
        const spec = MODES[id];
        return (
          <button
            key={id}
            type="button"
            className="mode-option"
            aria-pressed={mode === id}
            data-testid={`mode-${id}`}
            onClick={() => setMode(id)}
          >
            <span className="mode-option__label">{spec.label}</span>
            <span className="mode-option__meta">
              {spec.sections.length} section{spec.sections.length > 1 ? 's' : ''} ·{' '}
              {formatClock(spec.total.min)}–{formatClock(spec.total.max)}
            </span>
          </button>
        );
      })}
    </fieldset>
  );
}
