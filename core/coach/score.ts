/**
 * The overall score as a sum of visible parts, and the three suggestions: the parts that lost
 * the most points, each turned into one concrete step.
 */
import type { ModeId } from '../modes';
import type { CoachReport, ReportScore, ReportSection, ScorePart } from './types';

type ScoredReport = Omit<CoachReport, 'score' | 'suggestions' | 'followUps'>;

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

/** One entry per section id: deep-dive elements told in several runs are summed. */
function sectionTotals(r: ScoredReport): ReportSection[] {
  const byId = new Map<string, ReportSection>();
  for (const s of r.sections) {
    const seen = byId.get(s.id);
    byId.set(s.id, seen ? { ...seen, duration: seen.duration + s.duration } : s);
  }
  return [...byId.values()];
}

function structurePart(r: ScoredReport): ScorePart {
  const sections = sectionTotals(r);
  const within = sections.filter((s) => s.status === 'within').length;
  const timing = sections.length ? within / sections.length : 0;
  const overtime = r.pitfalls.some((p) => p.id === 'overtime');
  const points = Math.round(20 * clamp01(timing * (overtime ? 0.5 : 1)));
  const off = sections
    .filter((s) => s.status !== 'within')
    .map((s) => `${s.id} ${s.status} budget`);
  return {
    id: 'structure',
    label: 'Timing and structure',
    points,
    max: 20,
    detail: off.length
      ? `${off.join(', ')}${overtime ? '; answer over time' : ''}`
      : 'every section within its budget',
  };
}

function coveragePart(r: ScoredReport, mode: ModeId): ScorePart {
  const entries = Object.entries(r.coverage.elements);
  const covered = entries.filter(([, c]) => c?.covered).map(([id]) => id);
  const missing = entries.filter(([, c]) => !c?.covered).map(([id]) => id);
  let share = entries.length ? covered.length / entries.length : 0;
  if (mode === 'walkthrough' && r.coverage.roles.length) {
    const parts = r.coverage.roles.flatMap((role) => Object.values(role.parts));
    share = 0.5 * share + 0.5 * (parts.filter((p) => p.covered).length / parts.length);
  }
  return {
    id: 'coverage',
    label: mode === 'deepdive' ? 'Elements covered' : 'Content covered',
    points: Math.round(30 * share),
    max: 30,
    detail: missing.length ? `missing: ${missing.join(', ')}` : 'all parts covered',
  };
}

function evidencePart(r: ScoredReport, mode: ModeId): ScorePart {
  const metrics = r.coverage.metrics.length;
  const tradeoffs = r.coverage.tradeoffs.length;
  const wantTradeoffs = mode === 'deepdive' ? 2 : 0;
  const wantMetrics = mode === 'close' ? 1 : mode === 'deepdive' ? 3 : 2;
  const share = wantTradeoffs
    ? 0.6 * clamp01(metrics / wantMetrics) + 0.4 * clamp01(tradeoffs / wantTradeoffs)
    : clamp01(metrics / wantMetrics);
  return {
    id: 'evidence',
    label: 'Numbers and trade-offs',
    points: Math.round(20 * share),
    max: 20,
    detail: `${metrics} metric${metrics === 1 ? '' : 's'} (want ${wantMetrics}+)${wantTradeoffs ? `, ${tradeoffs} trade-off${tradeoffs === 1 ? '' : 's'} (want 2–3)` : ''}`,
  };
}

function deliveryPart(r: ScoredReport): ScorePart {
  const wpm = r.pace.wpm;
  const paceOk =
    wpm >= 120 && wpm <= 170
      ? 1
      : clamp01(1 - Math.min(Math.abs(wpm - 120), Math.abs(wpm - 170)) / 60);
  const fillerOk = clamp01(1 - Math.max(0, r.pace.fillersPerMinute - 2) / 8);
  return {
    id: 'delivery',
    label: 'Delivery',
    points: Math.round(15 * (0.5 * paceOk + 0.5 * fillerOk)),
    max: 15,
    detail: `${wpm} wpm (aim 120–170), ${r.pace.fillersPerMinute} fillers/min (aim ≤ 2)`,
  };
}

function pitfallPart(r: ScoredReport): ScorePart {
  const n = r.pitfalls.length;
  return {
    id: 'pitfalls',
    label: 'Pitfalls avoided',
    points: Math.max(0, 15 - 5 * n),
    max: 15,
    detail: n ? `flagged: ${r.pitfalls.map((p) => p.id).join(', ')}` : 'none flagged',
  };
}

/** Scores a report; the overall score is the sum of the parts' points (0–100). */
export function scoreReport(r: ScoredReport): ReportScore {
  const parts = [
    structurePart(r),
    coveragePart(r, r.mode),
    evidencePart(r, r.mode),
    deliveryPart(r),
    pitfallPart(r),
  ];
  return { overall: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

const PITFALL_ADVICE: Readonly<Record<string, string>> = {
  overtime:
    'Cut the answer to under three minutes: keep one or two recent roles in detail and summarise the rest in a sentence.',
  vague_claims:
    'Replace claims like "improved performance" with the number: what it was before, what it is now, and how you measured it.',
  laundry_list:
    'Name fewer tools, and tie each one to the problem it solved or the result it produced.',
  team_over_self: 'Say what you personally did: "I designed…", "I led…", not only "we".',
};

/** Three suggestions, ordered by the points at stake. */
export function suggest(r: ScoredReport, score: ReportScore): string[] {
  const candidates: { weight: number; text: string }[] = [];
  for (const p of r.pitfalls)
    candidates.push({ weight: p.id === 'overtime' ? 12 : 9, text: PITFALL_ADVICE[p.id] ?? p.id });
  const missing = Object.entries(r.coverage.elements)
    .filter(([, c]) => c && !c.covered)
    .map(([id]) => id);
  if (missing.length)
    candidates.push({
      weight: 4 * missing.length,
      text: `Add the missing part${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
    });
  for (const s of sectionTotals(r)) {
    if (s.status === 'over')
      candidates.push({
        weight: 3 + (s.duration - s.budget.max) / 5,
        text: `Shorten ${s.id}: ${Math.round(s.duration)} s against a ${s.budget.min}–${s.budget.max} s budget.`,
      });
    // An optional section (earlier) may be short; only required ones are too thin when under.
    if (s.status === 'under' && s.id !== 'earlier')
      candidates.push({
        weight: 2,
        text: `Give ${s.id} more substance: ${Math.round(s.duration)} s against a ${s.budget.min}–${s.budget.max} s budget.`,
      });
  }
  const evidence = score.parts.find((p) => p.id === 'evidence');
  if (evidence && evidence.points < evidence.max)
    candidates.push({
      weight: evidence.max - evidence.points,
      text: `Back your story with numbers and choices: ${evidence.detail}.`,
    });
  const delivery = score.parts.find((p) => p.id === 'delivery');
  if (delivery && delivery.points < delivery.max)
    candidates.push({
      weight: delivery.max - delivery.points,
      text: `Work on delivery: ${delivery.detail}.`,
    });
  candidates.push({
    weight: 0.5,
    text: 'Rehearse once more and compare this attempt with the last one.',
  });
  candidates.push({
    weight: 0.4,
    text: 'Prepare the evidence behind each number: the dashboard, test or experiment that showed it.',
  });
  candidates.push({
    weight: 0.3,
    text: 'End on why this role: link your strongest result to what the team needs.',
  });
  return candidates
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((c) => c.text);
}
