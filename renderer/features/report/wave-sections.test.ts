import { describe, expect, it } from 'vitest';
import type { ReportSection } from '../../../core/coach/types';
import { budgetSpans, regionLabel, waveSections } from './wave-sections';

const section = (
  id: ReportSection['id'],
  start: number,
  end: number,
  status: ReportSection['status'],
): ReportSection => ({
  id,
  start,
  end,
  duration: end - start,
  budget: { min: 0, max: 0 },
  status,
  wpm: 150,
});

describe('wave sections', () => {
  it('labels each section with its name, length and budget status, coloured by its place in the mode', () => {
    const [headline, close] = waveSections('walkthrough', [
      section('headline', 0, 12.4, 'under'),
      section('close', 100, 112, 'within'),
    ]);
    if (!headline || !close) throw new Error('two sections expected');
    expect(regionLabel(headline)).toBe('Headline · 0:12 · short');
    expect(close.modeIndex).toBe(3);
    expect(regionLabel(close)).toBe('Why this role · 0:12 · on target');
  });

  it('adds up a deep-dive element the speaker came back to, for its budget bar', () => {
    const spans = budgetSpans('deepdive', [
      section('problem', 0, 20, 'within'),
      section('results', 20, 40, 'within'),
      section('problem', 40, 55, 'under'),
    ]);
    const problem = spans.find((s) => s.spec.id === 'problem');
    expect(problem && problem.end - problem.start).toBe(35);
    expect(spans.map((s) => s.spec.id)).toEqual(['problem', 'results']);
    expect(spans.find((s) => s.spec.id === 'results')?.index).toBe(4);
  });
});
