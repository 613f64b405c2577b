/** The quality targets, checked against a corpus score. */
import type { CorpusScore } from './score-corpus';

/** One target: a measure, its threshold and whether the score meets it. */
export interface TargetCheck {
  name: string;
  value: number | null;
  target: string;
  pass: boolean;
}

const atLeast = (value: number | null, min: number) => value !== null && value >= min;
const atMost = (value: number, max: number) => value <= max;

/**
 * Checks the targets of issue 4. A measure the corpus does not exercise (NaN, e.g. no deep
 * dives in the directory) is reported as failing, so an empty corpus never "passes".
 */
export function checkTargets(score: CorpusScore): TargetCheck[] {
  return [
    {
      name: 'words in right section',
      value: score.wordsInRightSection,
      target: '≥ 95%',
      pass: atLeast(score.wordsInRightSection, 0.95),
    },
    {
      name: 'mean boundary error (s)',
      value: score.boundaryError,
      target: '≤ 2 s',
      pass: atMost(score.boundaryError, 2),
    },
    {
      name: 'element accuracy',
      value: score.elementAccuracy,
      target: '≥ 95%',
      pass: atLeast(score.elementAccuracy, 0.95),
    },
    {
      name: 'missing-element recall',
      value: score.missingElements.recall,
      target: '≥ 90%',
      pass: atLeast(score.missingElements.recall, 0.9),
    },
    {
      name: 'metric count MAE',
      value: score.metricMae,
      target: '≤ 0.5',
      pass: atMost(score.metricMae, 0.5),
    },
    {
      name: 'trade-off count MAE',
      value: score.tradeoffMae,
      target: '≤ 0.5',
      pass: atMost(score.tradeoffMae, 0.5),
    },
    {
      name: 'pitfall F1',
      value: score.pitfalls.f1,
      target: '≥ 0.85',
      pass: atLeast(score.pitfalls.f1, 0.85),
    },
  ];
}
