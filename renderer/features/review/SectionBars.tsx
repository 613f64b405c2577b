import type { Budget, ModeSpec } from '../../../core/modes';
import type { BudgetStatus, SectionSpan } from '../../../core/timing';
import { budgetStatus, spanLength } from '../../../core/timing';
import type { Seconds } from '../../../core/units';
import { formatClock, seconds } from '../../../core/units';
import { formatBudget } from '../record/budget-format';
import { sectionColour } from './theme-colours';

const STATUS_LABEL: Record<BudgetStatus | 'missing', string> = {
  under: 'short',
  within: 'on target',
  over: 'too long',
  missing: 'not reached',
};

interface BudgetBarProps {
  testId: string;
  label: string;
  actual: Seconds;
  budget: Budget;
  status: BudgetStatus | 'missing';
  colour: string;
}

/** One row: the actual time as a bar over the shaded budget range. */
function BudgetBar({ testId, label, actual, budget, status, colour }: BudgetBarProps) {
  // Room past the upper bound so "over" is visible; the row scale grows with a long section.
  const scale = Math.max(budget.max * 1.4, actual * 1.05, 1);
  const pct = (t: number) => `${((100 * t) / scale).toFixed(2)}%`;
  return (
    <li className={`budget-bar budget-bar--${status}`} data-testid={testId} data-status={status}>
      <div className="budget-bar__head">
        <span className="budget-bar__label">
          <span className="budget-bar__swatch" style={{ background: colour }} aria-hidden="true" />
          {label}
        </span>
        <span className="budget-bar__numbers">
          <strong>{formatClock(actual)}</strong> of {formatBudget(budget)} ·{' '}
          <span className="budget-bar__status">{STATUS_LABEL[status]}</span>
        </span>
      </div>
      <div
        className="budget-bar__track"
        role="img"
        aria-label={`${label}: ${formatClock(actual)}, budget ${formatBudget(budget)}, ${STATUS_LABEL[status]}`}
      >
        <div
          className="budget-bar__range"
          style={{ left: pct(budget.min), width: pct(budget.max - budget.min) }}
        />
        <div className="budget-bar__fill" style={{ width: pct(actual) }} />
      </div>
    </li>
  );
}

/** Per-section time against budget, then the whole answer against the mode's total. */
export function SectionBars({
  mode,
  spans,
  duration,
}: {
  mode: ModeSpec;
  spans: readonly SectionSpan[];
  duration: Seconds;
}) {
  return (
    <ul className="budget-bars" aria-label="Time per section against its budget">
      {mode.sections.map((section, index) => {
        const span = spans.find((s) => s.index === index);
        const actual = span ? spanLength(span) : seconds(0);
        return (
          <BudgetBar
            key={section.id}
            testId={`section-bar-${section.id}`}
            label={section.optional ? `${section.label} (optional)` : section.label}
            actual={actual}
            budget={section.budget}
            status={span ? budgetStatus(actual, section.budget) : 'missing'}
            colour={sectionColour(index)}
          />
        );
      })}
      <BudgetBar
        testId="section-bar-total"
        label="Whole answer"
        actual={duration}
        budget={mode.total}
        status={budgetStatus(duration, mode.total)}
        colour="var(--text)"
      />
    </ul>
  );
}
