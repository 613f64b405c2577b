/**
 * Section corrections: the boundaries a candidate fixed by hand in the review. They are handed
 * to the coaching engine as fixed boundaries (together with the markers pressed while
 * recording), so a re-analysis keeps them. Pure functions over plain data.
 */
import type { FixedBoundary, ReportSection } from '../../../core/coach/types';
import type { ModeId, SectionId } from '../../../core/modes';
import { MODES } from '../../../core/modes';

/** Shortest section a correction may leave (matches the marker re-timing in core/timing). */
export const MIN_CORRECTED_SECTION = 0.25;
/** Two boundaries closer than this are the same boundary. */
const SAME_BOUNDARY = 0.05;

/** Boundaries from the "next section" markers: marker i starts section i + 1 of the mode. */
export function markerBoundaries(mode: ModeId, markers: readonly number[]): FixedBoundary[] {
  const sections = MODES[mode].sections;
  return [...markers]
    .sort((a, b) => a - b)
    .flatMap((start, i) => {
      const spec = sections[i + 1];
      return spec ? [{ section: spec.id, start }] : [];
    });
}

/**
 * What the engine gets. Until the candidate corrects anything the markers decide; the first
 * correction starts from the markers, and from then on the corrections are the whole set (so
 * a correction can also take a marker away).
 */
export function effectiveBoundaries(
  mode: ModeId,
  markers: readonly number[],
  corrections: readonly FixedBoundary[] | undefined,
): FixedBoundary[] {
  return corrections ? [...corrections] : markerBoundaries(mode, markers);
}

/** Replaces any correction at `near` times (or of the same section where ids are unique). */
function withCorrection(
  mode: ModeId,
  corrections: readonly FixedBoundary[],
  near: readonly number[],
  added: readonly FixedBoundary[],
): FixedBoundary[] {
  const uniqueIds = mode !== 'deepdive';
  const kept = corrections.filter(
    (c) =>
      !near.some((t) => Math.abs(c.start - t) < SAME_BOUNDARY) &&
      !added.some(
        (a) =>
          Math.abs(a.start - c.start) < SAME_BOUNDARY || (uniqueIds && a.section === c.section),
      ),
  );
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

const round2 = (t: number): number => Math.round(t * 100) / 100;

/**
 * Moves the start of section `index` (the boundary it shares with the section before it) to
 * `time`, clamped so neither neighbour shrinks below {@link MIN_CORRECTED_SECTION}. Returns the
 * new corrections, or the old ones when the section has no movable start.
 */
export function moveSectionStart(
  mode: ModeId,
  corrections: readonly FixedBoundary[],
  sections: readonly Pick<ReportSection, 'id' | 'start' | 'end'>[],
  index: number,
  time: number,
): FixedBoundary[] {
  const section = sections[index];
  const before = sections[index - 1];
  if (!section || !before) return [...corrections];
  const lower = before.start + MIN_CORRECTED_SECTION;
  const upper = section.end - MIN_CORRECTED_SECTION;
  if (lower > upper) return [...corrections];
  const start = round2(Math.min(upper, Math.max(lower, time)));
  return withCorrection(mode, corrections, [section.start], [{ section: section.id, start }]);
}

/**
 * Says that the stretch of section `index` is really `id`: its start becomes a fixed boundary
 * of `id`, and its end a fixed boundary of the section that follows (so only this stretch
 * changes).
 */
export function relabelSection(
  mode: ModeId,
  corrections: readonly FixedBoundary[],
  sections: readonly Pick<ReportSection, 'id' | 'start' | 'end'>[],
  index: number,
  id: SectionId,
): FixedBoundary[] {
  const section = sections[index];
  if (!section) return [...corrections];
  const next = sections[index + 1];
  const added: FixedBoundary[] = [{ section: id, start: section.start }];
  if (next) added.push({ section: next.id, start: next.start });
  return withCorrection(mode, corrections, [section.start], added);
}

/** Type guard for corrections read back from storage. */
export function isFixedBoundaryList(value: unknown): value is FixedBoundary[] {
  return (
    Array.isArray(value) &&
    value.every(
      (v: unknown) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as FixedBoundary).section === 'string' &&
        typeof (v as FixedBoundary).start === 'number' &&
        Number.isFinite((v as FixedBoundary).start),
    )
  );
}
