import { useState } from 'react';
import type { FixedBoundary } from '../../../core/coach/types';
import type { ModeId, SectionId } from '../../../core/modes';
import { MODES } from '../../../core/modes';
import { formatClock, seconds } from '../../../core/units';
import { sectionColour } from '../review/theme-colours';
import { useReportPlayer } from './report-player';
import { moveSectionStart, relabelSection } from './section-corrections';
import type { WaveSection } from './wave-sections';

/** How far the keyboard nudges a boundary. */
const NUDGE_SECONDS = 0.5;
/** Longer lists (an hour-long deep dive has hundreds of stretches) open on request. */
const SHOWN_AT_ONCE = 24;

export interface SectionEditorProps {
  mode: ModeId;
  sections: readonly WaveSection[];
  /** The fixed boundaries now in force (markers or corrections). */
  fixed: readonly FixedBoundary[];
  corrected: boolean;
  onCorrect: (corrections: FixedBoundary[] | undefined) => void;
}

/**
 * The keyboard way to correct sections (the waveform's drag handles are the mouse way): choose
 * a different section for a stretch, or move its start by half a second or to the playhead.
 */
export function SectionEditor({ mode, sections, fixed, corrected, onCorrect }: SectionEditorProps) {
  const player = useReportPlayer();
  const [showAll, setShowAll] = useState(false);
  const specs = MODES[mode].sections;
  const shown = showAll ? sections : sections.slice(0, SHOWN_AT_ONCE);
  const move = (index: number, time: number) =>
    onCorrect(moveSectionStart(mode, fixed, sections, index, time));
  return (
    <section className="card section-editor" aria-labelledby="section-editor-title">
      <div className="section-editor__head">
        <h3 id="section-editor-title">Sections</h3>
        {corrected ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => onCorrect(undefined)}
          >
            Undo my corrections
          </button>
        ) : null}
      </div>
      <p className="muted section-editor__hint">
        Wrong section? Pick the right one, or drag an edge on the waveform. The report updates at
        once.
      </p>
      <ol className="section-editor__list">
        {shown.map((s, i) => (
          <li
            key={`${s.id}-${s.start}`}
            className="section-editor__row"
            data-testid={`section-row-${i}`}
          >
            <span
              className="section-editor__swatch"
              style={{ background: sectionColour(s.modeIndex) }}
              aria-hidden="true"
            />
            <button
              type="button"
              className="quote section-editor__time"
              onClick={() => player.playFrom(s.start)}
              aria-label={`Play ${s.label} from ${formatClock(seconds(s.start))}`}
            >
              {formatClock(seconds(s.start))}–{formatClock(seconds(s.end))}
            </button>
            <select
              value={s.id}
              aria-label={`Section of the stretch from ${formatClock(seconds(s.start))}`}
              onChange={(e) =>
                onCorrect(relabelSection(mode, fixed, sections, i, e.target.value as SectionId))
              }
            >
              {specs.map((spec) => (
                <option key={spec.id} value={spec.id}>
                  {spec.label}
                </option>
              ))}
            </select>
            {i > 0 ? (
              <span className="section-editor__nudge">
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => move(i, s.start - NUDGE_SECONDS)}
                  aria-label={`Start ${s.label} half a second earlier`}
                >
                  ◀
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => move(i, player.time)}
                  aria-label={`Start ${s.label} at the playhead`}
                >
                  Here
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => move(i, s.start + NUDGE_SECONDS)}
                  aria-label={`Start ${s.label} half a second later`}
                >
                  ▶
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {shown.length < sections.length ? (
        <button type="button" className="button button--quiet" onClick={() => setShowAll(true)}>
          Show all {sections.length} stretches
        </button>
      ) : null}
    </section>
  );
}
