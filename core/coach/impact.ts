/**
 * IMPACT parts per role told in a walkthrough's `recent` and `earlier` sections: problem,
 * scope, own action, tech and quantified result, each with its evidence.
 */
import { statesProblem, statesResult } from './elements';
import { I_ACTION, I_OWNERSHIP, OUTCOME_VERBS, techMentions } from './lexicon';
import type { Token, Unit } from './tokens';
import { unitEvidence } from './tokens';
import type { ElementCoverage, ImpactPartId, RoleCoverage } from './types';
import { isRoleIntro } from './walkthrough-signals';

/** IMPACT part ids in the rubric's order. */
export const IMPACT_PARTS: readonly ImpactPartId[] = [
  'problem',
  'scope',
  'action',
  'tech',
  'result',
];

const SCOPE =
  / (team of|(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred) (other )?(engineers|people|developers|folks|teams|countries|markets|regions)|million|billion|thousand|users|customers|merchants|requests|qps|rps|traffic|terabytes|petabytes|gigabytes|events|transactions|scale|partners?|across (\w+ )?teams|stakeholders|org|organization|company.?wide)/;

function partsOf(
  tokens: readonly Token[],
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
): Record<ImpactPartId, ElementCoverage> {
  const parts = {} as Record<ImpactPartId, ElementCoverage>;
  for (const id of IMPACT_PARTS) parts[id] = { covered: false, evidence: [] };
  for (const u of units) {
    const t = u.text;
    const found: Record<ImpactPartId, boolean> = {
      problem: statesProblem(t),
      scope: SCOPE.test(t),
      action: I_ACTION.test(t) || I_OWNERSHIP.test(t),
      tech: techMentions(t).length > 0,
      result: metricUnits.has(u.index) && (OUTCOME_VERBS.test(t) || statesResult(t)),
    };
    for (const id of IMPACT_PARTS) {
      if (!found[id]) continue;
      parts[id].covered = true;
      if (parts[id].evidence.length < 3) parts[id].evidence.push(unitEvidence(tokens, u));
    }
  }
  return parts;
}

/**
 * Splits the units of a `recent` or `earlier` section into roles at role introductions and
 * judges each role's IMPACT parts.
 */
export function rolesOf(
  section: 'recent' | 'earlier',
  tokens: readonly Token[],
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
): RoleCoverage[] {
  const groups: Unit[][] = [];
  for (const u of units) {
    const current = groups[groups.length - 1];
    if (!current || (isRoleIntro(u.text) && current.length > 1)) groups.push([u]);
    else current.push(u);
  }
  return groups.map((group) => {
    const head = group[0] as Unit;
    const tail = group[group.length - 1] as Unit;
    return {
      section,
      intro: unitEvidence(tokens, head),
      start: head.start,
      end: tail.end,
      parts: partsOf(tokens, group, metricUnits),
    };
  });
}
