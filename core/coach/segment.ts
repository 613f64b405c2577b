/**
 * Walkthrough segmentation: a global, order-preserving optimisation over unit boundaries.
 * Sections headline → recent → earlier? → close? are chosen by dynamic programming that sums
 * per-unit content scores (prefix sums), adds a bonus for boundaries at silences and role
 * introductions, and a soft prior on each section's duration. O(K·n²) over units, where n is the
 * number of sentence-like units (a few hundred for an hour of speech).
 */
import type { WalkthroughSectionId } from '../modes';
import type { Unit } from './tokens';
import { addHeadlinePrefixBias, addRoleBlockBias } from './walkthrough-story';
import { scoreWalkthroughUnit, type WalkthroughUnitScores } from './walkthrough-signals';

/** Walkthrough sections in spoken order (DP state order). */
export const WALKTHROUGH_ORDER: readonly WalkthroughSectionId[] = [
  'headline',
  'recent',
  'earlier',
  'close',
];

/** One section as a run of units. */
export interface UnitSpan {
  id: WalkthroughSectionId;
  firstUnit: number;
  lastUnit: number;
}

/** Which states may precede each state: earlier may be skipped, close may be absent. */
const PREDECESSORS: readonly (readonly number[])[] = [[], [0], [1], [1, 2]];

/** Soft duration prior: 0 inside a generous band around the budget, a linear cost outside. */
const DURATION_BAND: readonly { low: number; high: number; scale: number }[] = [
  { low: 5, high: 32, scale: 12 },
  { low: 25, high: 140, scale: 40 },
  { low: 3, high: 50, scale: 20 },
  { low: 4, high: 30, scale: 10 },
];

function durationPrior(k: number, d: number): number {
  const band = DURATION_BAND[k];
  if (!band) return 0;
  if (d < band.low) return -(band.low - d) / band.low;
  if (d > band.high) return -(d - band.high) / band.scale;
  return 0;
}

/** Up to this many units every unit may start a section; longer answers use candidates. */
const ALL_CANDIDATES_UP_TO = 150;

/**
 * Units where a section may start. Short answers: all of them. Long ones (an hour of speech has
 * ~500 units): units after a clear silence or carrying a cue, and every fixed boundary, which
 * keeps the O(K·m²) search small.
 */
function candidateStarts(
  units: readonly Unit[],
  scores: readonly WalkthroughUnitScores[],
  forced: ReadonlyMap<number, number>,
): number[] {
  const n = units.length;
  if (n <= ALL_CANDIDATES_UP_TO) return Array.from({ length: Math.max(0, n - 1) }, (_, i) => i + 1);
  const gaps = units
    .slice(1)
    .map((u) => u.gapBefore)
    .sort((a, b) => a - b);
  const clearSilence = gaps[Math.floor(gaps.length * 0.7)] ?? 0;
  const out: number[] = [];
  for (let a = 1; a < n; a++) {
    const s = scores[a];
    const u = units[a];
    if (
      forced.has(a) ||
      s?.roleIntro ||
      s?.earlierCue ||
      (s?.close ?? 0) > 0 ||
      (u?.gapBefore ?? 0) >= clearSilence
    )
      out.push(a);
  }
  return out;
}

/** Bonus for starting section k at unit a: silence before it and cue words in it. */
function boundaryBonus(
  units: readonly Unit[],
  scores: readonly WalkthroughUnitScores[],
  a: number,
  k: number,
  gapScale: number,
): number {
  const u = units[a];
  const s = scores[a];
  if (!u || !s) return 0;
  let bonus = Math.min(2, Math.max(0, (u.gapBefore - gapScale) / gapScale)) * 0.6;
  if ((k === 1 || k === 2) && s.roleIntro) bonus += 1;
  if (k === 2 && s.earlierCue) bonus += 1;
  if (k === 3 && s.close > 0) bonus += 1;
  return bonus;
}

/**
 * Segments a walkthrough. `details[i]` counts IMPACT detail in unit i (metrics, own actions),
 * `metricUnits` marks units with a measured number, `forced[i]` is the section index that must
 * start at unit i (a fixed boundary).
 */
export function segmentWalkthrough(
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
  details: readonly number[],
  forced: ReadonlyMap<number, number>,
  newCompanyUnits: ReadonlySet<number> = new Set(),
): UnitSpan[] {
  const n = units.length;
  if (n === 0) return [];
  const t0 = units[0]?.start ?? 0;
  const total = Math.max(1, (units[n - 1]?.end ?? 0) - t0);
  const scores = units.map((u) =>
    scoreWalkthroughUnit(u, metricUnits.has(u.index), ((u.start + u.end) / 2 - t0) / total),
  );
  addHeadlinePrefixBias(scores, units, details, total);
  addRoleBlockBias(scores, units, details);
  // Naming the company being interviewed for, late in the answer, is how a close often opens.
  for (const i of newCompanyUnits) {
    const s = scores[i];
    if (s) s.close += 1.5;
  }
  if (scores[0]) scores[0].headline += 4;
  const K = WALKTHROUGH_ORDER.length;
  const prefix: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const p = new Float64Array(n + 1);
    const key = WALKTHROUGH_ORDER[k] ?? 'headline';
    for (let i = 0; i < n; i++) p[i + 1] = (p[i] ?? 0) + (scores[i]?.[key] ?? 0);
    prefix.push(p);
  }
  // forcedBefore[j] = number of forced boundaries among units 1..j-1: a section may not span one.
  const forcedBefore = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++)
    forcedBefore[i] = (forcedBefore[i - 1] ?? 0) + (i - 1 > 0 && forced.has(i - 1) ? 1 : 0);
  const gaps = units
    .slice(1)
    .map((u) => u.gapBefore)
    .sort((a, b) => a - b);
  const gapScale = Math.max(0.25, gaps[Math.floor(gaps.length * 0.5)] ?? 0.5);

  const NEG = -Infinity;
  const starts = Float64Array.from(units, (u) => u.start);
  const ends = Float64Array.from(units, (u) => u.end);
  // nextForced[a]: the last end index a section starting at unit a may reach (it may not span
  // the start of a fixed boundary).
  const nextForced = new Int32Array(n);
  for (let a = n - 1, limit = n; a >= 0; a--) {
    nextForced[a] = limit;
    if (forced.has(a)) limit = a;
  }
  const best: Float64Array[] = Array.from({ length: K }, () => new Float64Array(n + 1).fill(NEG));
  const from: Int32Array[] = Array.from({ length: K }, () => new Int32Array(n + 1).fill(-1));
  const fromState: Int8Array[] = Array.from({ length: K }, () => new Int8Array(n + 1).fill(-1));
  const seg = (k: number, a: number, j: number): number =>
    (prefix[k]?.[j] ?? 0) -
    (prefix[k]?.[a] ?? 0) +
    durationPrior(k, (units[j - 1]?.end ?? 0) - (units[a]?.start ?? 0));
  const spans = (a: number, j: number): boolean =>
    (forcedBefore[j] ?? 0) - (forcedBefore[a + 1] ?? 0) === 0;

  const cand = candidateStarts(units, scores, forced);
  const stops = [...cand, n];
  const headForced = forced.get(0);
  if (headForced === undefined || headForced === 0) {
    for (const j of stops) if (spans(0, j)) (best[0] as Float64Array)[j] = seg(0, 0, j);
  }
  for (let k = 1; k < K; k++) {
    const preds = PREDECESSORS[k] ?? [];
    for (let c = 0; c < cand.length; c++) {
      const a = cand[c] as number;
      const f = forced.get(a);
      if (f !== undefined && f !== k) continue;
      let prevBest = NEG;
      let prevState = -1;
      for (const p of preds) {
        const v = best[p]?.[a] ?? NEG;
        if (v > prevBest) {
          prevBest = v;
          prevState = p;
        }
      }
      if (prevBest === NEG) continue;
      // The hot loop (K·n² steps): plain typed-array reads, the duration prior inlined.
      const pk = prefix[k] as Float64Array;
      const bk = best[k] as Float64Array;
      const fk = from[k] as Int32Array;
      const sk = fromState[k] as Int8Array;
      const band = DURATION_BAND[k] ?? { low: 0, high: Infinity, scale: 1 };
      const base = prevBest + boundaryBonus(units, scores, a, k, gapScale) - (pk[a] as number);
      const start = starts[a] as number;
      const limit = nextForced[a] as number;
      for (let s = c + 1; s < stops.length; s++) {
        const j = stops[s] as number;
        if (j > limit) break;
        const d = (ends[j - 1] as number) - start;
        const prior =
          d < band.low
            ? -(band.low - d) / band.low
            : d > band.high
              ? -(d - band.high) / band.scale
              : 0;
        const v = base + (pk[j] as number) + prior;
        if (v > (bk[j] as number)) {
          bk[j] = v;
          fk[j] = a;
          sk[j] = prevState;
        }
      }
    }
  }
  // A section forced to exist must be in the path: end states that skip it are not allowed.
  const required = new Set(forced.values());
  let endState = -1;
  let endScore = NEG;
  for (let k = 0; k < K; k++) {
    const v = best[k]?.[n] ?? NEG;
    if (v > endScore && [...required].every((r) => r <= k)) {
      endScore = v;
      endState = k;
    }
  }
  if (endState < 0) return [{ id: 'headline', firstUnit: 0, lastUnit: n - 1 }];
  const out: UnitSpan[] = [];
  let k = endState;
  let j = n;
  while (k >= 0 && j > 0) {
    const a = k === 0 ? 0 : (from[k]?.[j] ?? 0);
    out.push({ id: WALKTHROUGH_ORDER[k] ?? 'headline', firstUnit: a, lastUnit: j - 1 });
    const pk = k === 0 ? -1 : (fromState[k]?.[j] ?? -1);
    j = a;
    k = pk;
  }
  return out.reverse();
}
