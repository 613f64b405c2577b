/** Human-readable rendering of a corpus score. */
import type { PrecisionRecall } from './measures';
import type { CorpusScore } from './score-corpus';
import type { TargetCheck } from './targets';

const pct = (x: number | null): string =>
  x === null || Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`;
const num = (x: number | null, digits = 2): string =>
  x === null || Number.isNaN(x) ? 'n/a' : x.toFixed(digits);
const pr = (p: PrecisionRecall): string =>
  `P ${num(p.precision)}  R ${num(p.recall)}  F1 ${num(p.f1)}`;

/** Renders the score, the target checks and (when verbose) each transcript's failures. */
export function renderScore(
  score: CorpusScore,
  checks: readonly TargetCheck[],
  header: string,
  verbose: boolean,
): string {
  const lines: string[] = [header, ''];
  for (const check of checks) {
    const value =
      check.name.includes('MAE') || check.name.includes('(s)') || check.name.includes('F1')
        ? num(check.value)
        : pct(check.value);
    lines.push(
      `  ${check.name.padEnd(26)} ${value.padStart(7)}   target ${check.target.padEnd(7)} ${check.pass ? 'PASS' : 'FAIL'}`,
    );
  }
  lines.push('', 'Details');
  lines.push(`  structure accuracy         ${pct(score.structureAccuracy)}`);
  lines.push(`  true boundaries scored     ${score.boundaryCount}`);
  lines.push(`  pitfalls (all)             ${pr(score.pitfalls)}`);
  for (const [id, value] of Object.entries(score.pitfallsById).sort()) {
    lines.push(`    ${id.padEnd(24)} ${pr(value)}`);
  }
  lines.push(`  missing elements           ${pr(score.missingElements)}`);
  const perElement = Object.entries(score.elementAccuracyById)
    .map(([id, acc]) => `${id} ${pct(acc)}`)
    .join(', ');
  lines.push(`  element accuracy by id     ${perElement || 'n/a'}`);
  lines.push(`  metric / trade-off MAE     ${num(score.metricMae)} / ${num(score.tradeoffMae)}`);
  const failing = score.transcripts.filter((t) => t.failures.length > 0);
  lines.push(`  transcripts with a miss    ${failing.length} of ${score.transcripts.length}`);
  if (verbose) {
    lines.push('', 'Per-transcript misses');
    for (const t of failing) lines.push(`  ${t.id} (${t.mode}): ${t.failures.join('; ')}`);
  }
  return lines.join('\n');
}
