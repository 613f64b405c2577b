import type { CoachReport } from '../../../core/coach/types';
import type { ModeId } from '../../../core/modes';
import { formatClock, seconds } from '../../../core/units';
import type { CoverageItem } from './coverage-items';
import { coverageGroups } from './coverage-items';
import { useReportPlayer } from './report-player';

const countTestId: Partial<Record<string, string>> = { metrics: 'metric', tradeoffs: 'tradeoff' };
/** Quotes listed under a counted item; an hour-long answer can hold hundreds of numbers. */
const MAX_LISTED = 6;

function Item({ item }: { item: CoverageItem }) {
  const player = useReportPlayer();
  const [first] = item.evidence;
  const listed = item.count ? item.evidence.slice(0, MAX_LISTED) : first ? [first] : [];
  const more = item.count ? item.evidence.length - listed.length : 0;
  return (
    <li
      className={`coverage__item coverage__item--${item.covered ? 'covered' : 'missing'}`}
      data-testid={`coverage-${item.id}`}
      data-covered={item.covered}
    >
      <div className="coverage__head">
        <span className="coverage__tick" aria-hidden="true">
          {item.covered ? '✓' : '○'}
        </span>
        <span className="coverage__label">
          {item.label}
          <span className="visually-hidden">{item.covered ? ': covered' : ': missing'}</span>
        </span>
        {item.count ? (
          <span className="coverage__count">
            {item.count.have} of {item.count.want}
          </span>
        ) : null}
      </div>
      {listed.length > 0 ? (
        <ul className="coverage__evidence">
          {listed.map((e, i) => (
            <li key={`${e.start}-${i}`} data-testid={countTestId[item.id]}>
              <button
                type="button"
                className="quote"
                data-start={e.start}
                onClick={() => player.playFrom(e.start)}
                aria-label={`Play from ${formatClock(seconds(e.start))}: ${e.text}`}
              >
                <span className="quote__time">{formatClock(seconds(e.start))}</span> “{e.text}”
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {more > 0 ? <p className="coverage__more muted">and {more} more</p> : null}
      {item.toAdd ? <p className="coverage__add">{item.toAdd}</p> : null}
    </li>
  );
}

/** What the rubric asks for, ticked with the quote that shows it, or one line on what to add. */
export function CoverageChecklist({ mode, report }: { mode: ModeId; report: CoachReport }) {
  return (
    <section className="card coverage" aria-labelledby="coverage-title">
      <h3 id="coverage-title">Coverage</h3>
      {coverageGroups(mode, report).map((group) => (
        <div key={group.id} className="coverage__group">
          <h4>{group.title}</h4>
          <ul className="coverage__list">
            {group.items.map((item) => (
              <Item key={item.id} item={item} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
