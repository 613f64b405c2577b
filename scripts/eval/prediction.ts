/**
 * What the eval needs from a coaching report, read defensively: the engine in core/coach is
 * written in parallel, so its report is treated as unknown JSON and only these fields are used.
 */
import type { ModeId } from '../../core/modes';
import type { Pause, TimedWord } from '../../core/transcript';

/** A predicted section span. */
export interface PredictedSection {
  id: string;
  start: number;
  end: number;
}

/** The parts of a report the measures score. */
export interface Prediction {
  sections: PredictedSection[];
  pitfalls: string[];
  /** Element id → covered. Absent ids count as covered ("not flagged as missing"). */
  elements: Record<string, boolean>;
  metrics: number;
  tradeoffs: number;
}

/** The input every predictor gets: exactly what `analyzeTranscript` is called with. */
export interface AnalyzeInput {
  mode: ModeId;
  words: TimedWord[];
  pauses: Pause[];
  duration: number;
}

/** Anything that turns a transcript into a prediction (the engine, or a baseline). */
export type Predictor = (input: AnalyzeInput) => Promise<Prediction>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/** Extracts the scored fields from a report of unknown shape; missing parts become empty. */
export function predictionFromReport(report: unknown): Prediction {
  const root = isRecord(report) ? report : {};
  const sections: PredictedSection[] = [];
  for (const s of Array.isArray(root.sections) ? root.sections : []) {
    if (!isRecord(s)) continue;
    const { id, start, end } = s;
    if (typeof id === 'string' && typeof start === 'number' && typeof end === 'number') {
      sections.push({ id, start, end });
    }
  }
  const pitfalls: string[] = [];
  for (const p of Array.isArray(root.pitfalls) ? root.pitfalls : []) {
    if (isRecord(p) && typeof p.id === 'string') pitfalls.push(p.id);
  }
  const coverage = isRecord(root.coverage) ? root.coverage : {};
  const elements: Record<string, boolean> = {};
  if (isRecord(coverage.elements)) {
    for (const [id, value] of Object.entries(coverage.elements)) {
      if (isRecord(value) && typeof value.covered === 'boolean') elements[id] = value.covered;
    }
  }
  return {
    sections,
    pitfalls,
    elements,
    metrics: lengthOf(coverage.metrics),
    tradeoffs: lengthOf(coverage.tradeoffs),
  };
}
