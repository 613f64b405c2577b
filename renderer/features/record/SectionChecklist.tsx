import { MODES } from '../../../core/modes';
import { useAppStore } from '../../store/app-store';
import { formatBudget } from './budget-format';

/** The mode's sections in order, marking those done and the one being spoken. */
export function SectionChecklist() {
  const mode = useAppStore((s) => s.mode);
  const reached = useAppStore((s) => (s.phase === 'idle' ? -1 : s.markers.length));
  return (
    <ol className="section-checklist" aria-label="Sections of this answer">
      {MODES[mode].sections.map((section, i) => {
        const state =
          reached < 0 ? 'upcoming' : i < reached ? 'done' : i === reached ? 'current' : 'upcoming';
        return (
          <li
            key={section.id}
            className={`section-checklist__item section-checklist__item--${state}`}
          >
            <span className="section-checklist__label">
              {section.label}
              {section.optional ? ' (optional)' : ''}
            </span>
            <span className="section-checklist__budget">{formatBudget(section.budget)}</span>
            <span className="section-checklist__hint">{section.hint}</span>
          </li>
        );
      })}
    </ol>
  );
}
