/**
 * The rubric as data (see the rubric's tables): modes, their sections and time budgets.
 * Ids are the contract shared with reports, tests and stored attempts.
 */
import type { Seconds } from './units';
import { seconds } from './units';

/** The three rehearsal modes. */
export type ModeId = 'walkthrough' | 'deepdive' | 'close';

/** Section ids of the walkthrough, in spoken order. */
export type WalkthroughSectionId = 'headline' | 'recent' | 'earlier' | 'close';

/** Element ids of the deep dive. */
export type DeepdiveElementId =
  'problem' | 'role' | 'decisions' | 'execution' | 'results' | 'challenges' | 'lessons';

/** Any section id a timed section may carry. */
export type SectionId = WalkthroughSectionId | DeepdiveElementId | 'statement';

/** An inclusive time budget. */
export interface Budget {
  min: Seconds;
  max: Seconds;
}

/** A section of a mode, with its budget. */
export interface SectionSpec {
  id: SectionId;
  label: string;
  budget: Budget;
  /** True when the rubric allows the section to be absent. */
  optional: boolean;
  /** What belongs in it, in the rubric's words. */
  hint: string;
}

/** A rehearsal mode. */
export interface ModeSpec {
  id: ModeId;
  label: string;
  prompt: string;
  /** Sections in their expected order. */
  sections: readonly SectionSpec[];
  /** Budget for the whole answer. */
  total: Budget;
}

const budget = (min: number, max: number): Budget => ({ min: seconds(min), max: seconds(max) });

/** All modes, keyed by id. */
export const MODES: Readonly<Record<ModeId, ModeSpec>> = {
  walkthrough: {
    id: 'walkthrough',
    label: 'Walk me through your resume',
    prompt: 'Walk me through your resume.',
    total: budget(120, 180),
    sections: [
      {
        id: 'headline',
        label: 'Headline',
        budget: budget(15, 20),
        optional: false,
        hint: 'Specialization, years of experience, domains.',
      },
      {
        id: 'recent',
        label: 'Recent roles',
        budget: budget(60, 90),
        optional: false,
        hint: 'Per role: problem, scope, your actions, tech, a quantified result.',
      },
      {
        id: 'earlier',
        label: 'Earlier experience',
        budget: budget(20, 30),
        optional: true,
        hint: 'Only what supports the fit.',
      },
      {
        id: 'close',
        label: 'Why this role',
        budget: budget(10, 15),
        optional: false,
        hint: "Link your experience to this role's needs.",
      },
    ],
  },
  deepdive: {
    id: 'deepdive',
    label: 'Project deep dive',
    prompt: 'Tell me about a project you are proud of, in depth.',
    // The rubric sets no total for a deep dive; 3–6 minutes is the usual interview slot.
    total: budget(180, 360),
    sections: [
      {
        id: 'problem',
        label: 'Problem & context',
        budget: budget(20, 45),
        optional: false,
        hint: 'Baseline metrics, constraints, stakeholders.',
      },
      {
        id: 'role',
        label: 'Own role & scope',
        budget: budget(10, 30),
        optional: false,
        hint: 'What you owned, team size, cross-functional work.',
      },
      {
        id: 'decisions',
        label: 'Key decisions',
        budget: budget(30, 75),
        optional: false,
        hint: 'The choice, the alternatives, the trade-off.',
      },
      {
        id: 'execution',
        label: 'Execution & risk',
        budget: budget(20, 60),
        optional: false,
        hint: 'Phasing, testing, rollout, observability.',
      },
      {
        id: 'results',
        label: 'Results & impact',
        budget: budget(20, 45),
        optional: false,
        hint: 'Before/after figures, how measured, business outcome.',
      },
      {
        id: 'challenges',
        label: 'Challenges',
        budget: budget(15, 45),
        optional: false,
        hint: 'A concrete difficulty and how you handled it.',
      },
      {
        id: 'lessons',
        label: "What I'd do differently",
        budget: budget(10, 30),
        optional: false,
        hint: 'Honest reflection, process and technical lessons.',
      },
    ],
  },
  close: {
    id: 'close',
    label: 'The 30-second close',
    prompt: 'Why are you a fit for this role?',
    total: budget(20, 30),
    sections: [
      {
        id: 'statement',
        label: 'Close',
        budget: budget(20, 30),
        optional: false,
        hint: 'Focus, strengths and why this role.',
      },
    ],
  },
};

/** Mode ids in display order. */
export const MODE_IDS: readonly ModeId[] = ['walkthrough', 'deepdive', 'close'];

/** Looks up the spec of a section in a mode, or undefined when the mode has no such section. */
export function sectionSpec(mode: ModeId, id: SectionId): SectionSpec | undefined {
  return MODES[mode].sections.find((s) => s.id === id);
}

/** Type guard for mode ids coming from outside (CLI flags, stored data). */
export function isModeId(value: unknown): value is ModeId {
  return value === 'walkthrough' || value === 'deepdive' || value === 'close';
}
