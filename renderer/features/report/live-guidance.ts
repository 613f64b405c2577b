/**
 * The one line of guidance shown while recording. Research on speaking coaches found dense live
 * dashboards hurt, so this says one thing at a time: which section the answer is in (from the
 * live transcript, unless a marker says otherwise), and a gentle cue when a section nears its
 * budget or a walkthrough reaches 2:45. Pure: the caller supplies the engine's sections.
 */
import type { ReportSection } from '../../../core/coach/types';
import type { ModeId, SectionSpec } from '../../../core/modes';
import { MODES } from '../../../core/modes';
import { liveBudgetStatus } from '../../../core/timing';
import { seconds } from '../../../core/units';

/** When a walkthrough should start closing: 15 s before its 3-minute limit. */
export const WALKTHROUGH_WRAP_UP_AT = 165;

export type GuidanceTone = 'calm' | 'nudge' | 'wrap';

export interface LiveGuidance {
  section: SectionSpec | undefined;
  /** Where the section came from. */
  source: 'marker' | 'transcript';
  line: string;
  tone: GuidanceTone;
}

export interface LiveGuidanceInput {
  mode: ModeId;
  /** Seconds since the recording started. */
  elapsed: number;
  /** "Next section" markers pressed so far. */
  markers: readonly number[];
  /** Sections the engine found in the live transcript so far (empty before any words). */
  detected: readonly Pick<ReportSection, 'id' | 'start'>[];
}

/** The section being spoken and when it began: the marker's when it is newer than the words. */
export function currentLiveSection(
  input: LiveGuidanceInput,
): { spec: SectionSpec; startedAt: number; source: 'marker' | 'transcript' } | undefined {
  const specs = MODES[input.mode].sections;
  const markerIndex = Math.min(input.markers.length, specs.length - 1);
  const markerSpec = specs[markerIndex];
  const markerStart = input.markers[input.markers.length - 1] ?? 0;
  const last = input.detected[input.detected.length - 1];
  const detectedSpec = last ? specs.find((s) => s.id === last.id) : undefined;
  if (last && detectedSpec && last.start >= markerStart) {
    return { spec: detectedSpec, startedAt: last.start, source: 'transcript' };
  }
  return markerSpec ? { spec: markerSpec, startedAt: markerStart, source: 'marker' } : undefined;
}

const whole = (t: number) => Math.max(1, Math.round(t));

/** The guidance line for this moment. */
export function liveGuidance(input: LiveGuidanceInput): LiveGuidance {
  const specs = MODES[input.mode].sections;
  const current = currentLiveSection(input);
  const section = current?.spec;
  const source = current?.source ?? 'marker';
  if (input.mode === 'walkthrough' && input.elapsed >= WALKTHROUGH_WRAP_UP_AT) {
    const over = input.elapsed > MODES.walkthrough.total.max;
    return {
      section,
      source,
      tone: 'wrap',
      line: over
        ? 'Past 3 minutes: close now with why this role.'
        : 'Time to close: link your experience to this role.',
    };
  }
  if (!current || !section)
    return { section, source, tone: 'calm', line: 'Take a breath and begin.' };
  const inSection = input.elapsed - current.startedAt;
  const status = liveBudgetStatus(seconds(inSection), section.budget);
  const next = specs[specs.indexOf(section) + 1];
  if (status === 'over') {
    return {
      section,
      source,
      tone: 'nudge',
      line: next
        ? `${section.label} has had its time: move on to ${next.label.toLowerCase()}.`
        : `${section.label} has had its time: finish your last sentence.`,
    };
  }
  if (status === 'near') {
    return {
      section,
      source,
      tone: 'nudge',
      line: `${section.label}: about ${whole(section.budget.max - inSection)} s left, start wrapping it up.`,
    };
  }
  return { section, source, tone: 'calm', line: `${section.label}: ${section.hint}` };
}
