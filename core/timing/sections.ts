/**
 * Section timing: turning the "next section" markers a speaker presses while recording into
 * timed section spans, and re-timing them when a boundary is moved in the review.
 *
 * A recording is split by its boundaries: boundary i is where section i ends and section i+1
 * begins. With k boundaries the first k+1 sections of the mode were spoken; later sections were
 * not reached. Boundaries are kept sorted and inside (0, duration).
 */
import type { ModeSpec, SectionSpec } from '../modes';
import type { Seconds } from '../units';
import { seconds } from '../units';

/** A section of a recording: which rubric section it is and where it sits in the audio. */
export interface SectionSpan {
  spec: SectionSpec;
  /** Position of the section in the mode's order (0-based). */
  index: number;
  start: Seconds;
  end: Seconds;
}

/** Shortest section the re-timing allows, so a dragged edge never swallows a neighbour. */
export const MIN_SECTION_LENGTH: Seconds = seconds(0.25);

/**
 * The boundaries a mode can use: one fewer than its sections. Extra markers (the speaker pressed
 * "next" past the last section) are dropped, as are markers outside (0, duration); the rest are
 * sorted.
 */
export function normaliseBoundaries(
  mode: ModeSpec,
  markers: readonly Seconds[],
  duration: Seconds,
): Seconds[] {
  return markers
    .filter((t) => t > 0 && t < duration)
    .sort((a, b) => a - b)
    .slice(0, Math.max(0, mode.sections.length - 1));
}

/**
 * Splits a recording of `duration` into the sections the speaker reached.
 * The first section starts at 0, the last reached one ends at `duration`.
 */
export function sectionsFromBoundaries(
  mode: ModeSpec,
  markers: readonly Seconds[],
  duration: Seconds,
): SectionSpan[] {
  const boundaries = normaliseBoundaries(mode, markers, duration);
  const edges = [seconds(0), ...boundaries, duration];
  const spans: SectionSpan[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const spec = mode.sections[i];
    const start = edges[i];
    const end = edges[i + 1];
    if (spec === undefined || start === undefined || end === undefined) break;
    spans.push({ spec, index: i, start, end });
  }
  return spans;
}

/** Length of a span in seconds. */
export function spanLength(span: Pick<SectionSpan, 'start' | 'end'>): Seconds {
  return seconds(span.end - span.start);
}

/** Which side of a section an edge drag moved. */
export type EdgeSide = 'start' | 'end';

/**
 * Moves the boundary behind one edge of a section to `time`, keeping every section at least
 * {@link MIN_SECTION_LENGTH} long. The start of section i is boundary i-1; its end is boundary i.
 * The recording's own start and end are fixed: moving them returns the boundaries unchanged.
 *
 * @returns a new sorted boundary list (the input is not modified).
 */
export function moveSectionEdge(
  markers: readonly Seconds[],
  sectionIndex: number,
  side: EdgeSide,
  time: Seconds,
  duration: Seconds,
): Seconds[] {
  const boundaries = markers.slice();
  const boundaryIndex = side === 'start' ? sectionIndex - 1 : sectionIndex;
  if (boundaryIndex < 0 || boundaryIndex >= boundaries.length) return boundaries;
  const lower = (boundaries[boundaryIndex - 1] ?? 0) + MIN_SECTION_LENGTH;
  const upper = (boundaries[boundaryIndex + 1] ?? duration) - MIN_SECTION_LENGTH;
  if (lower > upper) return boundaries;
  boundaries[boundaryIndex] = seconds(Math.min(upper, Math.max(lower, time)));
  return boundaries;
}

/**
 * Which section is being spoken at `elapsed` while recording, given the boundaries pressed so
 * far: section k after k presses (capped at the last section). Also returns when it began.
 */
export function currentSection(
  mode: ModeSpec,
  markers: readonly Seconds[],
): { spec: SectionSpec; index: number; startedAt: Seconds } | undefined {
  const index = Math.min(markers.length, mode.sections.length - 1);
  const spec = mode.sections[index];
  if (spec === undefined) return undefined;
  const startedAt = index === 0 ? seconds(0) : (markers[index - 1] ?? seconds(0));
  return { spec, index, startedAt };
}
