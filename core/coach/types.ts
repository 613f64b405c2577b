/**
 * Input and output shapes of the coaching engine. The report is plain JSON (no classes, no
 * undefined values) so it can be stored, sent over IPC and validated against
 * `schemas/report.schema.json`.
 */
import type { DeepdiveElementId, ModeId, SectionId } from '../modes';
import type { Filler, Pause, TimedWord } from '../transcript';

/** Version of the report shape; bump together with `schemas/report.schema.json`. */
export const REPORT_SCHEMA_VERSION = 1;

/** A section start the segmentation must keep: a user's correction or a recorded marker. */
export interface FixedBoundary {
  section: SectionId;
  /** Seconds from the start of the recording. */
  start: number;
}

/** What the engine reads. Only `mode` and `words` are required. */
export interface AnalysisInput {
  mode: ModeId;
  words: TimedWord[];
  /** Silences from voice-activity detection; derived from word gaps when absent. */
  pauses?: Pause[];
  /** Fillers from transcription; detected in the words when absent. */
  fillers?: Filler[];
  /** Length of the recording; the end of the last word when absent. */
  duration?: number;
  fixedBoundaries?: FixedBoundary[];
}

/** A stretch of the transcript that triggered a judgement. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

/** How a section's duration compares with its budget. */
export type BudgetStatus = 'under' | 'within' | 'over';

/** One timed section of the answer. */
export interface ReportSection {
  id: SectionId;
  start: number;
  end: number;
  duration: number;
  budget: { min: number; max: number };
  status: BudgetStatus;
  /** Words per minute over speech time (long pauses excluded). */
  wpm: number;
}

/** Pitfall ids of the rubric. */
export type PitfallId = 'laundry_list' | 'vague_claims' | 'team_over_self' | 'overtime';

/** A flagged pitfall with the words that triggered it. */
export interface ReportPitfall {
  id: PitfallId;
  evidence: Evidence[];
}

/** IMPACT parts judged per role in a walkthrough. */
export type ImpactPartId = 'problem' | 'scope' | 'action' | 'tech' | 'result';

/** Coverage of one element (deep-dive element, or walkthrough section). */
export interface ElementCoverage {
  covered: boolean;
  evidence: Evidence[];
}

/** One role told in `recent` or `earlier`, with its IMPACT parts. */
export interface RoleCoverage {
  section: 'recent' | 'earlier';
  /** The words that introduce the role (e.g. "at Stripe I led…"). */
  intro: Evidence;
  start: number;
  end: number;
  parts: Record<ImpactPartId, ElementCoverage>;
}

/** What the answer covered. */
export interface ReportCoverage {
  /** Deep dive: the seven elements. Walkthrough: the four sections. Close: `statement`. */
  elements: Partial<Record<DeepdiveElementId | SectionId, ElementCoverage>>;
  roles: RoleCoverage[];
  metrics: Evidence[];
  tradeoffs: Evidence[];
}

/** Words per minute of one section. */
export interface SectionPace {
  id: SectionId;
  wpm: number;
}

/** A word or phrase said many times. */
export interface RepeatedPhrase {
  text: string;
  count: number;
}

/** Delivery measures. */
export interface ReportPace {
  /** Words per minute over speech time: the span of the words minus pauses over 1.5 s. */
  wpm: number;
  speechSeconds: number;
  wordCount: number;
  sections: SectionPace[];
  /** Pauses longer than 1.5 s. */
  longPauses: { start: number; end: number; duration: number }[];
  fillerCount: number;
  fillersPerMinute: number;
  fillers: Evidence[];
  repeated: RepeatedPhrase[];
}

/** "I" vs "we": who does the acting. */
export interface ReportOwnership {
  /** Sentences where the speaker ("I") acts. */
  iActions: number;
  /** Sentences where the team ("we") acts. */
  weActions: number;
  /** iActions / (iActions + weActions), 0 when neither occurs. */
  iShare: number;
  evidence: Evidence[];
}

/** One visible part of the overall score. */
export interface ScorePart {
  id: 'structure' | 'coverage' | 'evidence' | 'delivery' | 'pitfalls';
  label: string;
  /** Points earned out of `max`. */
  points: number;
  max: number;
  /** Why the points were lost, in plain words. */
  detail: string;
}

/** The overall score: the sum of its parts. */
export interface ReportScore {
  overall: number;
  parts: ScorePart[];
}

/** The full coaching report. */
export interface CoachReport {
  schemaVersion: number;
  mode: ModeId;
  duration: number;
  sections: ReportSection[];
  pitfalls: ReportPitfall[];
  coverage: ReportCoverage;
  pace: ReportPace;
  ownership: ReportOwnership;
  followUps: string[];
  score: ReportScore;
  /** Three concrete suggestions, most impactful first. */
  suggestions: string[];
}
