/**
 * Trivial reference predictors, so the engine's numbers can be read against "no intelligence":
 * sections split in equal time (or in proportion to their budgets), every element covered,
 * only the mechanical `overtime` pitfall, and the rubric's target counts (3 metrics, 2 trade-offs).
 */
import { MODES } from '../../core/modes';
import type { AnalyzeInput, PredictedSection, Prediction } from './prediction';

/** How a baseline splits the answer into sections. */
export type BaselineSplit = 'equal' | 'budget';

function splitSections(input: AnalyzeInput, split: BaselineSplit): PredictedSection[] {
  if (input.mode === 'deepdive' || input.words.length === 0) return [];
  const specs = MODES[input.mode].sections;
  const first = input.words[0]?.start ?? 0;
  const lastWord = input.words[input.words.length - 1];
  const last = lastWord?.end ?? lastWord?.start ?? input.duration;
  const weights = specs.map((s) =>
    split === 'equal' ? 1 : (Number(s.budget.min) + Number(s.budget.max)) / 2,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const sections: PredictedSection[] = [];
  let start = first;
  specs.forEach((spec, i) => {
    const end = start + ((last - first) * (weights[i] ?? 0)) / total;
    sections.push({ id: spec.id, start, end });
    start = end;
  });
  return sections;
}

/** A baseline predictor with the given section split. */
export function baselinePredictor(split: BaselineSplit) {
  return (input: AnalyzeInput): Promise<Prediction> => {
    const lastWord = input.words[input.words.length - 1];
    const lastEnd = lastWord?.end ?? lastWord?.start ?? 0;
    const deepdive = input.mode === 'deepdive';
    const elements: Record<string, boolean> = {};
    if (deepdive) for (const spec of MODES.deepdive.sections) elements[spec.id] = true;
    return Promise.resolve({
      sections: splitSections(input, split),
      pitfalls: input.mode === 'walkthrough' && lastEnd > 180 ? ['overtime'] : [],
      elements,
      metrics: deepdive ? 3 : 0,
      tradeoffs: deepdive ? 2 : 0,
    });
  };
}
