import { MODES } from '../../../core/modes';
import { currentSection, liveBudgetStatus } from '../../../core/timing';
import { formatClock, seconds } from '../../../core/units';
import { useAppStore } from '../../store/app-store';
import { formatBudget } from './budget-format';

const STATUS_WORDS = { ok: '', near: 'nearly at the limit', over: 'over budget' } as const;

/** The section being spoken, its time so far against its budget, coloured as it nears the limit. */
export function CurrentSection() {
  const mode = useAppStore((s) => s.mode);
  const markers = useAppStore((s) => s.markers);
  const elapsed = useAppStore((s) => s.elapsed);
  const spec = MODES[mode];
  const current = currentSection(spec, markers);
  if (!current) return null;
  const inSection = seconds(Math.max(0, elapsed - current.startedAt));
  const status = liveBudgetStatus(inSection, current.spec.budget);
  const isLast = current.index === spec.sections.length - 1;
  return (
    <div className={`current-section current-section--${status}`}>
      <p className="current-section__text" data-testid="current-section" data-status={status}>
        <span className="current-section__name">{current.spec.label}</span>{' '}
        <span className="current-section__time">
          {formatClock(inSection)} / {formatBudget(current.spec.budget)}
        </span>
        {STATUS_WORDS[status] && <span className="visually-hidden"> ({STATUS_WORDS[status]})</span>}
      </p>
      <p className="current-section__hint">
        {isLast ? 'Last section' : `Press N or → for “${spec.sections[current.index + 1]?.label}”`}
      </p>
    </div>
  );
}
