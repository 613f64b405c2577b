/**
 * The rubric's "Measuring the coaching" measures, over labelled transcripts and predictions.
 * Pure functions: one transcript at a time, plus aggregation over a corpus.
 */
import type { TimedWord } from '../../core/transcript';
import type { LabelledSection } from './corpus-format';
import type { PredictedSection, Prediction } from './prediction';

/** Midpoint of a word; a word without an end is taken at its start. */
const midpoint = (word: TimedWord): number =>
  word.end === null ? word.start : (word.start + word.end) / 2;

/** The id of the first span containing `time` (ends inclusive), or undefined. */
function sectionAt(spans: readonly { id: string; start: number; end: number }[], time: number) {
  return spans.find((s) => time >= s.start && time <= s.end)?.id;
}

/**
 * Share of words whose midpoint lies in a predicted section with the right id. A word's true
 * section is the labelled span containing its midpoint. Returns 1 for a transcript without words.
 */
export function wordsInRightSection(
  words: readonly TimedWord[],
  truth: readonly LabelledSection[],
  predicted: readonly PredictedSection[],
): number {
  if (words.length === 0) return 1;
  let right = 0;
  for (const word of words) {
    const time = midpoint(word);
    const trueId = sectionAt(truth, time);
    if (trueId !== undefined && sectionAt(predicted, time) === trueId) right++;
  }
  return right / words.length;
}

/**
 * Error of each true boundary, in seconds. A boundary is the silent gap between the end of one
 * labelled section and the start of the next; any predicted boundary inside it costs 0. The
 * predicted boundary is the start of the next section as predicted, or — when the engine did not
 * predict that section — the end of the previous one. When neither is predicted the boundary
 * costs the worst case, defined as the transcript's duration.
 */
export function boundaryErrors(
  truth: readonly LabelledSection[],
  predicted: readonly PredictedSection[],
  duration: number,
): number[] {
  const errors: number[] = [];
  for (let i = 1; i < truth.length; i++) {
    const before = truth[i - 1];
    const after = truth[i];
    if (before === undefined || after === undefined) continue;
    const gapStart = before.end;
    const gapEnd = after.start;
    const next = predicted.find((s) => s.id === after.id);
    const previous = predicted.find((s) => s.id === before.id);
    const guess = next?.start ?? previous?.end;
    if (guess === undefined) {
      errors.push(duration);
    } else if (guess < gapStart) {
      errors.push(gapStart - guess);
    } else if (guess > gapEnd) {
      errors.push(guess - gapEnd);
    } else {
      errors.push(0);
    }
  }
  return errors;
}

/** True when the predicted section ids, in time order, equal the labelled ones. */
export function structureMatches(
  truth: readonly LabelledSection[],
  predicted: readonly PredictedSection[],
): boolean {
  const predictedIds = [...predicted].sort((a, b) => a.start - b.start).map((s) => s.id);
  const trueIds = truth.map((s) => s.id);
  return predictedIds.length === trueIds.length && predictedIds.every((id, i) => id === trueIds[i]);
}

/** True positives, false positives and false negatives of a set-valued prediction. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
}

/** Confusion counts of one predicted id set against the true one (duplicates ignored). */
export function confusionOf(truth: readonly string[], predicted: readonly string[]): Confusion {
  const trueSet = new Set(truth);
  const predictedSet = new Set(predicted);
  let tp = 0;
  for (const id of predictedSet) if (trueSet.has(id)) tp++;
  return { tp, fp: predictedSet.size - tp, fn: trueSet.size - tp };
}

/** Sums confusion counts. */
export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Precision, recall and F1. */
export interface PrecisionRecall {
  /** Null when nothing was predicted (precision undefined). */
  precision: number | null;
  /** Null when nothing was there to find (recall undefined). */
  recall: number | null;
  /** 1 when there was nothing to find and nothing was predicted; 0 when either side is 0/undefined. */
  f1: number;
}

/** Precision, recall and F1 from summed confusion counts. */
export function precisionRecall({ tp, fp, fn }: Confusion): PrecisionRecall {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  if (precision === null && recall === null) return { precision, recall, f1: 1 };
  const p = precision ?? 0;
  const r = recall ?? 0;
  return { precision, recall, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * Per-element outcome of one deep dive: whether the covered/missing call was right, and the
 * confusion of the *missing* class (positive = missing). An element the prediction does not
 * mention counts as predicted covered — that is what silence tells the candidate.
 */
export function elementOutcomes(
  truth: Readonly<Record<string, boolean>>,
  predicted: Prediction,
): { perElement: Record<string, boolean>; missing: Confusion } {
  const perElement: Record<string, boolean> = {};
  let missing: Confusion = { tp: 0, fp: 0, fn: 0 };
  for (const [id, covered] of Object.entries(truth)) {
    const predictedCovered = predicted.elements[id] ?? true;
    perElement[id] = predictedCovered === covered;
    missing = addConfusion(missing, confusionOf(covered ? [] : [id], predictedCovered ? [] : [id]));
  }
  return { perElement, missing };
}

/** Arithmetic mean; NaN for an empty list (so an empty measure is visible, not a fake 0). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
