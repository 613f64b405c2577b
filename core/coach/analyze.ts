/**
 * The coaching engine's entry point: from timed words to a report a candidate can act on.
 * Pure and synchronous; every judgement follows the rubric and carries its evidence.
 */
import { MODES, type SectionId } from '../modes';
import { ELEMENT_IDS } from './elements';
import { followUps } from './followups';
import { rolesOf } from './impact';
import { I_ACTION, I_OWNERSHIP } from './lexicon';
import { findMetrics } from './metrics';
import { detectFillers, makeWpmMeter, measurePace, pausesFromGaps } from './pace';
import { findPitfalls, measureOwnership } from './pitfalls';
import { scoreReport, suggest } from './score';
import {
  coveredElements,
  fixedTokenStarts,
  scoreUnits,
  sectionRuns,
  timeSections,
} from './sections';
import { toTokens, toUnits, unitEvidence } from './tokens';
import { findTradeoffs } from './tradeoffs';
import { unitsNamingNewCompany } from './walkthrough-story';
import {
  REPORT_SCHEMA_VERSION,
  type AnalysisInput,
  type CoachReport,
  type ElementCoverage,
  type ReportCoverage,
} from './types';

export * from './types';

/** Evidence spans kept per element (the report stays readable). */
const MAX_EVIDENCE = 3;

/** Analyses one rehearsal transcript against the rubric of its mode. */
export function analyzeTranscript(input: AnalysisInput): CoachReport {
  const { mode } = input;
  const tokens = toTokens(input.words);
  const fixed = fixedTokenStarts(tokens, input.fixedBoundaries ?? []);
  const units = toUnits(tokens, new Set(fixed.keys()));
  const lastEnd = tokens[tokens.length - 1]?.end ?? 0;
  const duration = Math.max(input.duration ?? 0, lastEnd);
  const pauses = input.pauses ?? pausesFromGaps(tokens);
  const fillers = input.fillers ?? detectFillers(tokens);

  // Map fixed boundaries from tokens to the units they start.
  const forced = new Map<number, SectionId>();
  const fixedAtUnit = new Map<number, number>();
  for (const u of units) {
    const f = fixed.get(u.first);
    if (f) {
      forced.set(u.index, f.section);
      fixedAtUnit.set(u.index, f.start);
    }
  }

  const metrics = findMetrics(tokens, units);
  const metricUnits = new Set(metrics.flatMap((m) => m.mentions.map((x) => x.unit)));
  const details = units.map(
    (u) =>
      (metricUnits.has(u.index) ? 1 : 0) +
      (I_ACTION.test(u.text) || I_OWNERSHIP.test(u.text) ? 1 : 0),
  );
  const unitScores = scoreUnits(units, metricUnits);
  const newCompanyUnits =
    mode === 'walkthrough' ? unitsNamingNewCompany(tokens, units) : new Set<number>();
  const runs = sectionRuns(mode, units, unitScores, metricUnits, details, forced, newCompanyUnits);
  const meter = makeWpmMeter(tokens, pauses);
  const sections = timeSections(mode, runs, units, tokens, meter, fixedAtUnit);
  const tradeoffs = findTradeoffs(tokens, units);

  const elements: ReportCoverage['elements'] = {};
  if (mode === 'deepdive') {
    for (const [id, unitIds] of coveredElements(ELEMENT_IDS, unitScores)) {
      elements[id] = {
        covered: unitIds.length > 0,
        evidence: unitIds
          .slice(0, MAX_EVIDENCE)
          .flatMap((i) => (units[i] ? [unitEvidence(tokens, units[i])] : [])),
      };
    }
  } else {
    for (const spec of MODES[mode].sections) {
      const run = runs.find((r) => r.id === spec.id);
      const head = run ? units[run.firstUnit] : undefined;
      const coverage: ElementCoverage = {
        covered: run !== undefined,
        evidence: head ? [unitEvidence(tokens, head)] : [],
      };
      elements[spec.id] = coverage;
    }
  }

  const roles =
    mode === 'walkthrough'
      ? runs.flatMap((r) =>
          r.id === 'recent' || r.id === 'earlier'
            ? rolesOf(r.id, tokens, units.slice(r.firstUnit, r.lastUnit + 1), metricUnits)
            : [],
        )
      : [];
  const ownership = measureOwnership(tokens, units);
  const metricTokens = new Set(metrics.flatMap((m) => m.mentions.map((x) => x.number.first)));
  const pitfalls = findPitfalls(
    tokens,
    units,
    metricUnits,
    metricTokens,
    metrics.length,
    ownership,
    MODES[mode].total.max,
  );
  const pace = measurePace(tokens, pauses, meter, fillers, sections);
  const partial = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    mode,
    duration: Math.round(duration * 100) / 100,
    sections,
    pitfalls,
    coverage: {
      elements,
      roles,
      metrics: metrics.map((m) => m.evidence),
      tradeoffs: tradeoffs.map((t) => t.evidence),
    },
    pace,
    ownership,
  };
  const score = scoreReport(partial);
  return { ...partial, followUps: followUps(partial), score, suggestions: suggest(partial, score) };
}
