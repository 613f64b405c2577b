/**
 * Timed sections for every mode. Walkthrough sections come from the DP segmentation; deep-dive
 * sections are the runs of units sharing an element in speaking order (an element may appear in
 * several runs when the speaker comes back to it); a close is one `statement` section.
 * A predicted boundary sits in the middle of the silence between two units, or exactly at a
 * fixed boundary when one was given.
 */
import type { DeepdiveElementId, ModeId, SectionId } from '../modes';
import { sectionSpec } from '../modes';
import { scoreUnit, topElement, type ElementScores } from './elements';
import { round1, type WpmMeter } from './pace';
import { WALKTHROUGH_ORDER, segmentWalkthrough } from './segment';
import type { Token, Unit } from './tokens';
import type { BudgetStatus, FixedBoundary, ReportSection } from './types';

/** A section as a run of units, before timing. */
export interface SectionRun {
  id: SectionId;
  firstUnit: number;
  lastUnit: number;
}

/** Maps fixed boundaries to the token that starts at or after each time. */
export function fixedTokenStarts(
  tokens: readonly Token[],
  fixed: readonly FixedBoundary[],
): Map<number, FixedBoundary> {
  const out = new Map<number, FixedBoundary>();
  for (const f of fixed) {
    const i = tokens.findIndex((t) => (t.start + t.end) / 2 >= f.start);
    if (i >= 0) out.set(i, f);
  }
  return out;
}

/** Deep-dive runs: each unit takes its top element; units without one join the run before. */
function deepdiveRuns(
  unitScores: readonly ElementScores[],
  forced: ReadonlyMap<number, SectionId>,
): SectionRun[] {
  const labels: (SectionId | undefined)[] = unitScores.map(
    (s, i) => forced.get(i) ?? topElement(s),
  );
  const firstLabel = labels.find((l) => l !== undefined) ?? 'problem';
  const runs: SectionRun[] = [];
  labels.forEach((label, i) => {
    const current = runs[runs.length - 1];
    const id = label ?? current?.id ?? firstLabel;
    if (current && current.id === id && !forced.has(i)) current.lastUnit = i;
    else runs.push({ id, firstUnit: i, lastUnit: i });
  });
  return runs;
}

/** Chooses the section runs of an answer. */
export function sectionRuns(
  mode: ModeId,
  units: readonly Unit[],
  unitScores: readonly ElementScores[],
  metricUnits: ReadonlySet<number>,
  details: readonly number[],
  forced: ReadonlyMap<number, SectionId>,
  newCompanyUnits: ReadonlySet<number> = new Set(),
): SectionRun[] {
  if (units.length === 0) return [];
  if (mode === 'close') return [{ id: 'statement', firstUnit: 0, lastUnit: units.length - 1 }];
  if (mode === 'deepdive') return deepdiveRuns(unitScores, forced);
  const forcedIndex = new Map<number, number>();
  for (const [unit, id] of forced) {
    const k = WALKTHROUGH_ORDER.indexOf(id as (typeof WALKTHROUGH_ORDER)[number]);
    if (k >= 0) forcedIndex.set(unit, k);
  }
  return segmentWalkthrough(units, metricUnits, details, forcedIndex, newCompanyUnits);
}

/** Element scores of every unit (deep-dive classification; cheap enough to run for all modes). */
export function scoreUnits(
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
): ElementScores[] {
  const t0 = units[0]?.start ?? 0;
  const total = Math.max(1, (units[units.length - 1]?.end ?? 0) - t0);
  const scores = units.map((u) =>
    scoreUnit(u, metricUnits.has(u.index), ((u.start + u.end) / 2 - t0) / total),
  );
  // A clause that continues a lesson ("…I'd pick one region, | instead of building for all
  // five") is part of the reflection, not a decision.
  for (let i = 1; i < scores.length; i++) {
    const prev = scores[i - 1];
    const cur = scores[i];
    if (!prev || !cur || prev.lessons < 2 || !CONTINUATION.test(units[i]?.text ?? '')) continue;
    cur.lessons = Math.max(cur.lessons, 2);
    cur.decisions = Math.min(cur.decisions, 1);
    cur.execution = Math.min(cur.execution, 1);
  }
  return scores;
}

/** Words that open a clause continuing the previous one's thought. */
const CONTINUATION = /^ (instead|rather than|not |and not|than|as opposed to|over )/;

function statusOf(duration: number, min: number, max: number): BudgetStatus {
  if (duration < min) return 'under';
  return duration > max ? 'over' : 'within';
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Times the runs: boundaries in the middle of the silence, or at the fixed time. */
export function timeSections(
  mode: ModeId,
  runs: readonly SectionRun[],
  units: readonly Unit[],
  tokens: readonly Token[],
  meter: WpmMeter,
  fixedAtUnit: ReadonlyMap<number, number>,
): ReportSection[] {
  const starts = runs.map((run, i) => {
    const unit = units[run.firstUnit];
    const fixed = fixedAtUnit.get(run.firstUnit);
    if (fixed !== undefined) return fixed;
    const prev = units[run.firstUnit - 1];
    if (i === 0 || !prev || !unit) return unit?.start ?? 0;
    return (prev.end + unit.start) / 2;
  });
  const lastEnd = tokens[tokens.length - 1]?.end ?? 0;
  // A deep-dive element may be told in several runs: its budget applies to their total.
  const totals = new Map<SectionId, number>();
  runs.forEach((run, i) => {
    const d = Math.max(0, (starts[i + 1] ?? lastEnd) - (starts[i] ?? 0));
    totals.set(run.id, (totals.get(run.id) ?? 0) + d);
  });
  return runs.map((run, i) => {
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? lastEnd;
    const spec = sectionSpec(mode, run.id);
    const min = spec?.budget.min ?? 0;
    const max = spec?.budget.max ?? 0;
    const duration = Math.max(0, end - start);
    const judged = mode === 'deepdive' ? (totals.get(run.id) ?? duration) : duration;
    return {
      id: run.id,
      start: round2(start),
      end: round2(end),
      duration: round1(duration),
      budget: { min, max },
      status: statusOf(judged, min, max),
      wpm: meter(start, i + 1 < runs.length ? end : end + 1).wpm,
    };
  });
}

/** Deep-dive element ids covered by the scores, with the units that carry each. */
export function coveredElements(
  ids: readonly DeepdiveElementId[],
  unitScores: readonly ElementScores[],
): Map<DeepdiveElementId, number[]> {
  const out = new Map<DeepdiveElementId, number[]>();
  for (const id of ids) out.set(id, []);
  unitScores.forEach((s, i) => {
    for (const id of ids) if (s[id] >= 2) out.get(id)?.push(i);
  });
  return out;
}
