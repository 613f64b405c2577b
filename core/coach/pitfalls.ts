/**
 * Pitfalls of the rubric with the words that triggered them, following its judging rules:
 * `overtime` when the last word ends past the limit; `vague_claims` only when unquantified
 * claims are the main way results are told; `laundry_list` for a run of technologies with no
 * problem or outcome attached; `team_over_self` when "we" does the acting and "I" never owns.
 */
import {
  I_ACTION,
  I_OWNERSHIP,
  OUTCOME_VERBS,
  VAGUE_INTENSIFIERS,
  WE_ACTION,
  techMentions,
} from './lexicon';
import type { Token, Unit } from './tokens';
import { unitEvidence } from './tokens';
import type { Evidence, ReportOwnership, ReportPitfall } from './types';

/** Improvement claims: an outcome verb or comparative about the work. */
const CLAIM =
  / (improved|improve|improving|reduced|reduce|reducing|increased|increase|boosted|sped up|speed up|made (it|things|everything|the \w+) (much |way |a lot |significantly )?(faster|better|more reliable|cheaper|easier|smoother)|optimi[sz]ed|enhanced|streamlined|cut down|lowered|faster|better performance|more efficient|more reliable|more scalable|huge (impact|improvement|difference)|big (impact|improvement|difference)|(significant|major|massive|dramatic|noticeable) (improvement|impact|reduction|increase|gains?|boost|difference))/;

/** Attached outcome or problem for a technology run ("…with Kafka, which cut lag to seconds"). */
const ATTACHED =
  / (because|so that|to (cut|reduce|fix|handle|solve|scale|speed|make|get|bring|support|replace|keep|avoid|stop)|which (cut|reduced|let|made|gave|fixed|saved|brought|meant|allowed|helped)|that (cut|reduced|let|made|gave|fixed|saved|brought|allowed|helped)|problem|issue|slow|latency|outage)/;

/** Detects vague claims: unquantified improvement claims outnumbering quantified ones. */
function vagueClaims(
  tokens: readonly Token[],
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
): Evidence[] {
  const vague: Evidence[] = [];
  let quantified = 0;
  for (const u of units) {
    const claim =
      CLAIM.test(u.text) || (VAGUE_INTENSIFIERS.test(u.text) && OUTCOME_VERBS.test(u.text));
    if (metricUnits.has(u.index)) {
      if (claim || OUTCOME_VERBS.test(u.text)) quantified++;
      continue;
    }
    if (claim) vague.push(unitEvidence(tokens, u));
  }
  const flagged =
    vague.length >= 2 ? vague.length > quantified : vague.length === 1 && quantified === 0;
  return flagged ? vague : [];
}

/**
 * Detects laundry lists: a unit (with its neighbours for context) naming four or more
 * technologies, or three in a bare run, with no outcome or problem attached.
 */
function laundryList(
  tokens: readonly Token[],
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
): Evidence[] {
  const out: Evidence[] = [];
  for (const u of units) {
    const tech = techMentions(u.text);
    const distinct = new Set(tech).size;
    if (distinct < 4) continue;
    const next = units[u.index + 1];
    const attached =
      metricUnits.has(u.index) ||
      ATTACHED.test(u.text) ||
      OUTCOME_VERBS.test(u.text) ||
      (next !== undefined &&
        distinct < 6 &&
        metricUnits.has(next.index) &&
        OUTCOME_VERBS.test(next.text));
    if (!attached) out.push(unitEvidence(tokens, u));
  }
  return out;
}

/** Counts who acts: sentences where "I" acts or owns vs sentences where "we" acts. */
export function measureOwnership(
  tokens: readonly Token[],
  units: readonly Unit[],
): ReportOwnership {
  let iActions = 0;
  let weActions = 0;
  const evidence: Evidence[] = [];
  for (const u of units) {
    const i = I_ACTION.test(u.text) || I_OWNERSHIP.test(u.text);
    const we = WE_ACTION.test(u.text);
    if (i) iActions++;
    if (we) weActions++;
    if (we && !i && evidence.length < 5) evidence.push(unitEvidence(tokens, u));
  }
  const both = iActions + weActions;
  return {
    iActions,
    weActions,
    iShare: both ? Math.round((iActions / both) * 100) / 100 : 0,
    evidence,
  };
}

/** Finds the pitfalls of an answer. `limit` is the mode's total budget maximum (180 s for walkthroughs). */
export function findPitfalls(
  tokens: readonly Token[],
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
  ownership: ReportOwnership,
  limit: number,
): ReportPitfall[] {
  const out: ReportPitfall[] = [];
  const laundry = laundryList(tokens, units, metricUnits);
  if (laundry.length) out.push({ id: 'laundry_list', evidence: laundry });
  const vague = vagueClaims(tokens, units, metricUnits);
  if (vague.length) out.push({ id: 'vague_claims', evidence: vague });
  if (ownership.weActions >= 3 && ownership.iActions === 0) {
    out.push({ id: 'team_over_self', evidence: ownership.evidence });
  }
  const last = tokens[tokens.length - 1];
  if (last && last.end > limit) {
    const over = tokens.filter((t) => t.end > limit).slice(0, 12);
    const first = over[0];
    out.push({
      id: 'overtime',
      evidence: [
        { text: over.map((t) => t.raw).join(' '), start: first?.start ?? limit, end: last.end },
      ],
    });
  }
  return out;
}
