/**
 * Sections as the waveform and the bars draw them: from the engine's report when there is
 * one, each with its place in the mode's order (for its colour) and its budget status.
 */
import type { BudgetStatus, ReportSection } from '../../../core/coach/types';
import type { ModeId, SectionId } from '../../../core/modes';
import { MODES } from '../../../core/modes';
import type { SectionSpan } from '../../../core/timing';
import { formatClock, seconds } from '../../../core/units';

export interface WaveSection {
  id: SectionId;
  label: string;
  start: number;
  end: number;
  status: BudgetStatus;
  /** Position of the section id in the mode's order (colour). */
  modeIndex: number;
}

const STATUS_WORD: Record<BudgetStatus, string> = {
  under: 'short',
  within: 'on target',
  over: 'too long',
};

/** The report's sections, labelled. */
export function waveSections(mode: ModeId, sections: readonly ReportSection[]): WaveSection[] {
  const specs = MODES[mode].sections;
  return sections.map((s) => {
    const modeIndex = Math.max(
      0,
      specs.findIndex((spec) => spec.id === s.id),
    );
    return {
      id: s.id,
      label: specs[modeIndex]?.label ?? s.id,
      start: s.start,
      end: s.end,
      status: s.status,
      modeIndex,
    };
  });
}

/** "Headline · 0:12 · short": what a region says about itself. */
export function regionLabel(section: WaveSection): string {
  return `${section.label} · ${regionTiming(section)}`;
}

/** "0:12 · short": a section's length and budget status. */
export function regionTiming(section: WaveSection): string {
  return `${formatClock(seconds(section.end - section.start))} · ${STATUS_WORD[section.status]}`;
}

/**
 * Spans for the per-section budget bars: one per section of the mode that was spoken, its
 * length the total time the answer spent in it (a deep dive may return to an element).
 */
export function budgetSpans(mode: ModeId, sections: readonly ReportSection[]): SectionSpan[] {
  const specs = MODES[mode].sections;
  return specs.flatMap((spec, index) => {
    const spent = sections
      .filter((s) => s.id === spec.id)
      .reduce((total, s) => total + (s.end - s.start), 0);
    const first = sections.find((s) => s.id === spec.id);
    if (!first) return [];
    return [{ spec, index, start: seconds(first.start), end: seconds(first.start + spent) }];
  });
}
