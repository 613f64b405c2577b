import { describe, expect, it } from 'vitest';
import type { LabelledSection } from './corpus-format';
import {
  boundaryErrors,
  confusionOf,
  elementOutcomes,
  precisionRecall,
  structureMatches,
  wordsInRightSection,
} from './measures';
import type { Prediction } from './prediction';
import { predictionFromReport } from './prediction';

// Four words: two in headline (0–2 s), a silent gap 2–3 s, two in recent (3–5 s).
const words = [
  { text: 'I', start: 0, end: 1 },
  { text: 'build', start: 1, end: 2 },
  { text: 'At', start: 3, end: 4 },
  { text: 'Acme', start: 4, end: 5 },
];
const truth: LabelledSection[] = [
  { id: 'headline', start: 0, end: 2 },
  { id: 'recent', start: 3, end: 5 },
];

const prediction = (over: Partial<Prediction>): Prediction => ({
  sections: [],
  pitfalls: [],
  elements: {},
  metrics: 0,
  tradeoffs: 0,
  ...over,
});

describe('wordsInRightSection', () => {
  it('counts a word by its midpoint', () => {
    // Boundary predicted at 3.6 s: the midpoint of "At" (3.5) falls in headline → 3 of 4 right.
    const predicted = [
      { id: 'headline', start: 0, end: 3.6 },
      { id: 'recent', start: 3.6, end: 5 },
    ];
    expect(wordsInRightSection(words, truth, predicted)).toBe(0.75);
  });

  it('gives no credit for a word in a section with the wrong id', () => {
    const predicted = [{ id: 'recent', start: 0, end: 5 }];
    expect(wordsInRightSection(words, truth, predicted)).toBe(0.5);
  });

  it('treats a word without an end at its start', () => {
    const open = [{ text: 'I', start: 0.5, end: null }];
    expect(wordsInRightSection(open, truth, [{ id: 'headline', start: 0, end: 0.6 }])).toBe(1);
  });
});

describe('boundaryErrors', () => {
  it('is 0 anywhere inside the silent gap, else the distance to it', () => {
    const at = (start: number) => [
      { id: 'headline', start: 0, end: start },
      { id: 'recent', start, end: 5 },
    ];
    expect(boundaryErrors(truth, at(2.5), 5)).toEqual([0]);
    expect(boundaryErrors(truth, at(3), 5)).toEqual([0]);
    expect(boundaryErrors(truth, at(4.5), 5)).toEqual([1.5]);
    expect(boundaryErrors(truth, at(0.5), 5)).toEqual([1.5]);
  });

  it('falls back to the end of the previous section when the next is not predicted', () => {
    expect(boundaryErrors(truth, [{ id: 'headline', start: 0, end: 4 }], 5)).toEqual([1]);
  });

  it('costs the whole duration when neither side is predicted', () => {
    expect(boundaryErrors(truth, [{ id: 'close', start: 0, end: 5 }], 9)).toEqual([9]);
  });
});

describe('structureMatches', () => {
  it('compares ids in time order', () => {
    const predicted = [
      { id: 'recent', start: 2, end: 5 },
      { id: 'headline', start: 0, end: 2 },
    ];
    expect(structureMatches(truth, predicted)).toBe(true);
    expect(structureMatches(truth, [...predicted, { id: 'close', start: 5, end: 6 }])).toBe(false);
  });
});

describe('precision and recall', () => {
  it('counts set overlaps, ignoring duplicates', () => {
    expect(confusionOf(['a', 'b'], ['b', 'b', 'c'])).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('reports undefined precision when nothing was predicted', () => {
    expect(precisionRecall({ tp: 0, fp: 0, fn: 2 })).toEqual({ precision: null, recall: 0, f1: 0 });
    expect(precisionRecall({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
    expect(precisionRecall({ tp: 2, fp: 2, fn: 0 }).f1).toBeCloseTo(2 / 3);
  });
});

describe('elementOutcomes', () => {
  it('scores missing elements as the positive class; silence means covered', () => {
    const labels = { problem: true, lessons: false, challenges: false };
    const outcome = elementOutcomes(
      labels,
      prediction({ elements: { lessons: false, problem: false } }),
    );
    expect(outcome.perElement).toEqual({ problem: false, lessons: true, challenges: false });
    expect(outcome.missing).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});

describe('predictionFromReport', () => {
  it('reads the report fields the measures use and ignores malformed parts', () => {
    const report = {
      sections: [{ id: 'headline', start: 0, end: 2, wpm: 150 }, { id: 'bad' }],
      pitfalls: [{ id: 'overtime', evidence: [] }, 'junk'],
      coverage: {
        elements: { problem: { covered: true }, role: { covered: 'yes' } },
        metrics: [{}, {}],
        tradeoffs: [{}],
      },
    };
    expect(predictionFromReport(report)).toEqual({
      sections: [{ id: 'headline', start: 0, end: 2 }],
      pitfalls: ['overtime'],
      elements: { problem: true },
      metrics: 2,
      tradeoffs: 1,
    });
    expect(predictionFromReport(null)).toEqual(prediction({}));
  });
});
