/**
 * Scores a corpus: applies the per-transcript measures and aggregates them the way the rubric
 * states the targets (words: mean over transcripts; boundaries: mean over all true boundaries;
 * pitfalls: precision/recall pooled over all walkthroughs; elements: pooled over deep dives).
 */
import type { CorpusEntry } from './corpus-format';
import {
  addConfusion,
  boundaryErrors,
  confusionOf,
  elementOutcomes,
  mean,
  precisionRecall,
  structureMatches,
  wordsInRightSection,
  type Confusion,
  type PrecisionRecall,
} from './measures';
import type { Prediction } from './prediction';

/** One transcript's scored outcome and the reasons it missed any target. */
export interface TranscriptScore {
  id: string;
  mode: string;
  failures: string[];
}

/** The corpus-level measures. NaN means "no transcript in the corpus exercises it". */
export interface CorpusScore {
  counts: { walkthrough: number; deepdive: number; close: number };
  wordsInRightSection: number;
  boundaryError: number;
  boundaryCount: number;
  structureAccuracy: number;
  pitfalls: PrecisionRecall;
  pitfallsById: Record<string, PrecisionRecall>;
  elementAccuracy: number;
  elementAccuracyById: Record<string, number>;
  missingElements: PrecisionRecall;
  metricMae: number;
  tradeoffMae: number;
  transcripts: TranscriptScore[];
}

const zero = (): Confusion => ({ tp: 0, fp: 0, fn: 0 });
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/** Scores every entry against its prediction (same order). */
export function scoreCorpus(entries: readonly CorpusEntry[], predictions: readonly Prediction[]) {
  const wordShares: number[] = [];
  const boundaries: number[] = [];
  const structures: number[] = [];
  let pitfallConfusion = zero();
  const pitfallById: Record<string, Confusion> = {};
  const elementHits: Record<string, number[]> = {};
  let missingConfusion = zero();
  const metricErrors: number[] = [];
  const tradeoffErrors: number[] = [];
  const transcripts: TranscriptScore[] = [];
  const counts = { walkthrough: 0, deepdive: 0, close: 0 };

  entries.forEach((entry, index) => {
    const predicted = predictions[index];
    if (predicted === undefined) throw new Error(`no prediction for ${entry.id}`);
    const { labels, transcript } = entry;
    const failures: string[] = [];
    counts[entry.mode]++;

    if (labels.sections.length > 0) {
      const share = wordsInRightSection(transcript.words, labels.sections, predicted.sections);
      wordShares.push(share);
      if (share < 0.95) failures.push(`words in right section ${pct(share)}`);
      const errors = boundaryErrors(labels.sections, predicted.sections, transcript.duration);
      boundaries.push(...errors);
      errors.forEach((error, i) => {
        if (error > 2) {
          const next = labels.sections[i + 1];
          failures.push(`boundary before ${next?.id ?? '?'} off by ${error.toFixed(1)} s`);
        }
      });
      const structureOk = structureMatches(labels.sections, predicted.sections);
      structures.push(structureOk ? 1 : 0);
      if (!structureOk) {
        const got = [...predicted.sections].sort((a, b) => a.start - b.start).map((s) => s.id);
        const want = labels.sections.map((s) => s.id);
        failures.push(`structure ${got.join('>') || '(none)'} ≠ ${want.join('>')}`);
      }
    }

    if (entry.mode === 'walkthrough') {
      pitfallConfusion = addConfusion(
        pitfallConfusion,
        confusionOf(labels.pitfalls, predicted.pitfalls),
      );
      const ids = new Set([...labels.pitfalls, ...predicted.pitfalls]);
      for (const id of ids) {
        const c = confusionOf(
          labels.pitfalls.filter((p) => p === id),
          predicted.pitfalls.filter((p) => p === id),
        );
        pitfallById[id] = addConfusion(pitfallById[id] ?? zero(), c);
        if (c.fp > 0) failures.push(`pitfall ${id} flagged but absent`);
        if (c.fn > 0) failures.push(`pitfall ${id} missed`);
      }
    }

    if (entry.mode === 'deepdive' && labels.elements !== undefined) {
      const { perElement, missing } = elementOutcomes(labels.elements, predicted);
      missingConfusion = addConfusion(missingConfusion, missing);
      for (const [id, right] of Object.entries(perElement)) {
        (elementHits[id] ??= []).push(right ? 1 : 0);
        if (!right) {
          const truth = labels.elements[id] === true ? 'covered' : 'missing';
          failures.push(`element ${id} is ${truth}, predicted otherwise`);
        }
      }
      const metricError = Math.abs(predicted.metrics - (labels.metrics ?? 0));
      const tradeoffError = Math.abs(predicted.tradeoffs - (labels.tradeoffs ?? 0));
      metricErrors.push(metricError);
      tradeoffErrors.push(tradeoffError);
      if (metricError > 0) failures.push(`metrics ${predicted.metrics} vs ${labels.metrics ?? 0}`);
      if (tradeoffError > 0) {
        failures.push(`trade-offs ${predicted.tradeoffs} vs ${labels.tradeoffs ?? 0}`);
      }
    }
    transcripts.push({ id: entry.id, mode: entry.mode, failures });
  });

  const elementAccuracyById: Record<string, number> = {};
  for (const [id, hits] of Object.entries(elementHits)) elementAccuracyById[id] = mean(hits);
  const pitfallsById: Record<string, PrecisionRecall> = {};
  for (const [id, c] of Object.entries(pitfallById)) pitfallsById[id] = precisionRecall(c);

  const score: CorpusScore = {
    counts,
    wordsInRightSection: mean(wordShares),
    boundaryError: mean(boundaries),
    boundaryCount: boundaries.length,
    structureAccuracy: mean(structures),
    pitfalls: counts.walkthrough > 0 ? precisionRecall(pitfallConfusion) : nanPr(),
    pitfallsById,
    elementAccuracy: mean(Object.values(elementHits).flat()),
    elementAccuracyById,
    missingElements: counts.deepdive > 0 ? precisionRecall(missingConfusion) : nanPr(),
    metricMae: mean(metricErrors),
    tradeoffMae: mean(tradeoffErrors),
    transcripts,
  };
  return score;
}

function nanPr(): PrecisionRecall {
  return { precision: null, recall: null, f1: Number.NaN };
}
