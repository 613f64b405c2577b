/**
 * The coverage checklist as data: what the rubric asks for in this mode, whether the answer has
 * it, the quote that shows it, and, when missing, one line on what to add. Pure.
 */
import type { CoachReport, Evidence, ImpactPartId } from '../../../core/coach/types';
import type { ModeId } from '../../../core/modes';
import { MODES } from '../../../core/modes';

export interface CoverageItem {
  /** Stable id (`coverage-<id>` in the page): a section/element id, `metrics`, `tradeoffs`, or `role<n>-<part>`. */
  id: string;
  label: string;
  covered: boolean;
  /** The quotes that show it (first is the one to hear). */
  evidence: Evidence[];
  /** What to add, in one line (only for missing items). */
  toAdd: string | undefined;
  /** A count against a target, for metrics and trade-offs. */
  count?: { have: number; want: string };
}

export interface CoverageGroup {
  id: string;
  title: string;
  items: CoverageItem[];
}

const IMPACT_LABEL: Record<ImpactPartId, string> = {
  problem: 'Problem',
  scope: 'Scope',
  action: 'Your actions',
  tech: 'Tech',
  result: 'Quantified result',
};

const IMPACT_TO_ADD: Record<ImpactPartId, string> = {
  problem: 'Say what business or technical problem the role was there to solve.',
  scope: 'Give the scale: team size, partners, traffic or data volume.',
  action: 'Say what you did yourself ("I designed…", "I led…").',
  tech: 'Name the main tools and stack you used.',
  result: 'Add one number for the outcome: latency, reliability, cost, revenue or velocity.',
};

const ELEMENT_TO_ADD: Record<string, string> = {
  headline: 'Open with one line: your specialization, years of experience and domains.',
  recent: 'Tell your last one or two roles: problem, scope, your actions, tech and a result.',
  earlier: 'Optional: one or two sentences of earlier experience that supports the fit.',
  close: 'End by linking your experience to what this role needs.',
  statement: 'State your focus, your strengths and why this role, in about 25 seconds.',
  problem: 'State the problem with a baseline number, the constraints and who cared.',
  role: 'Say what you owned, the team size and who you worked with.',
  decisions: 'Name a key choice, the alternative you weighed and why you chose it.',
  execution: 'Describe how you rolled it out safely: phasing, testing, canary, monitoring.',
  results: 'Give before/after figures, how you measured them and the business outcome.',
  challenges: 'Tell one concrete difficulty that came up and how you handled it.',
  lessons: 'Say honestly what you would do differently next time.',
};

function countItem(
  id: 'metrics' | 'tradeoffs',
  evidence: Evidence[],
  min: number,
  want: string,
  toAdd: string,
): CoverageItem {
  const covered = evidence.length >= min;
  return {
    id,
    label: id === 'metrics' ? 'Concrete metrics' : 'Trade-offs',
    covered,
    evidence,
    toAdd: covered ? undefined : toAdd,
    count: { have: evidence.length, want },
  };
}

/** The checklist for a report, grouped as the rubric groups it. */
export function coverageGroups(mode: ModeId, report: CoachReport): CoverageGroup[] {
  const { coverage } = report;
  const groups: CoverageGroup[] = [];
  const specs = MODES[mode].sections;
  groups.push({
    id: 'elements',
    title:
      mode === 'deepdive'
        ? 'The seven elements'
        : mode === 'walkthrough'
          ? 'Sections'
          : 'The close',
    items: specs.map((spec) => {
      const c = coverage.elements[spec.id];
      const covered = c?.covered ?? false;
      return {
        id: spec.id,
        label: spec.optional ? `${spec.label} (optional)` : spec.label,
        covered,
        evidence: c?.evidence ?? [],
        toAdd: covered ? undefined : (ELEMENT_TO_ADD[spec.id] ?? spec.hint),
      };
    }),
  });
  if (mode === 'walkthrough') {
    coverage.roles.forEach((role, r) => {
      const intro = role.intro.text.split(/\s+/).slice(0, 8).join(' ');
      groups.push({
        id: `role${r + 1}`,
        title: `Role ${r + 1} (${role.section}): “${intro}…”`,
        items: (Object.keys(IMPACT_LABEL) as ImpactPartId[]).map((part) => ({
          id: `role${r + 1}-${part}`,
          label: IMPACT_LABEL[part],
          covered: role.parts[part].covered,
          evidence: role.parts[part].evidence,
          toAdd: role.parts[part].covered ? undefined : IMPACT_TO_ADD[part],
        })),
      });
    });
  }
  if (mode === 'deepdive') {
    groups.push({
      id: 'evidence',
      title: 'Evidence',
      items: [
        countItem(
          'metrics',
          coverage.metrics,
          3,
          '3 or more',
          'Tie numbers to measured quantities: p95 latency, error rate, cost, conversion.',
        ),
        countItem(
          'tradeoffs',
          coverage.tradeoffs,
          2,
          '2–3',
          'State what each choice cost you: "we chose X over Y because…, at the cost of…".',
        ),
      ],
    });
  } else {
    groups.push({
      id: 'evidence',
      title: 'Evidence',
      items: [
        countItem(
          'metrics',
          coverage.metrics,
          mode === 'close' ? 1 : 2,
          mode === 'close' ? '1 or more' : '2 or more',
          'Back your impact with a number: latency, reliability, cost or revenue.',
        ),
      ],
    });
  }
  return groups;
}
