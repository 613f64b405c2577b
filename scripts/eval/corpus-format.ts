/**
 * The compiled corpus file: one labelled transcript, as `npm run eval` reads it and
 * `scripts/eval/compile-corpus.ts` writes it. See corpus/README.md for the labelling rules.
 */
import type { ModeId, SectionId } from '../../core/modes';
import { isModeId } from '../../core/modes';
import type { Transcript } from '../../core/transcript';

/** A true section span: start of its first word to end of its last word. */
export interface LabelledSection {
  id: SectionId;
  start: number;
  end: number;
}

/** Ground truth for one transcript. */
export interface CorpusLabels {
  /** Walkthrough and close: the sections in spoken order. Empty for deep dives. */
  sections: LabelledSection[];
  /** Walkthrough: the pitfall ids present. Empty for other modes. */
  pitfalls: string[];
  /** Deep dive: covered (true) or missing (false) for each of the seven elements. */
  elements?: Record<string, boolean>;
  /** Deep dive: number of distinct concrete metrics. */
  metrics?: number;
  /** Deep dive: number of distinct trade-offs. */
  tradeoffs?: number;
  /** Deep dive: names of the counted metrics, from the source tags (for checking by eye). */
  metricNames?: string[];
  /** Deep dive: names of the counted trade-offs, from the source tags. */
  tradeoffNames?: string[];
}

/** One compiled corpus transcript. */
export interface CorpusEntry {
  id: string;
  mode: ModeId;
  notes: string;
  /** Author-declared traits (e.g. "asr", "no-cues", "disfluent"), for corpus statistics. */
  features: string[];
  transcript: Transcript;
  labels: CorpusLabels;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the parts of a parsed corpus file that the measures rely on and returns it typed.
 * Throws with the file's id and the first problem found.
 */
export function parseCorpusEntry(value: unknown, source: string): CorpusEntry {
  const fail = (why: string): never => {
    throw new Error(`${source}: ${why}`);
  };
  if (!isRecord(value)) return fail('not a JSON object');
  const { id, mode, transcript, labels } = value;
  if (typeof id !== 'string') fail('missing id');
  if (!isModeId(mode)) fail('unknown mode');
  if (!isRecord(transcript) || !Array.isArray(transcript.words)) fail('transcript.words missing');
  if (!isRecord(labels) || !Array.isArray(labels.sections) || !Array.isArray(labels.pitfalls)) {
    fail('labels.sections / labels.pitfalls missing');
  }
  if (mode === 'deepdive' && isRecord(labels) && !isRecord(labels.elements)) {
    fail('deep dive without labels.elements');
  }
  const features = Array.isArray(value.features) ? value.features.map(String) : [];
  const notes = typeof value.notes === 'string' ? value.notes : '';
  return { ...(value as unknown as CorpusEntry), features, notes };
}
