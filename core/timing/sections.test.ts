import { describe, expect, it } from 'vitest';
import { MODES } from '../modes';
import { seconds } from '../units';
import {
  MIN_SECTION_LENGTH,
  currentSection,
  moveSectionEdge,
  normaliseBoundaries,
  sectionsFromBoundaries,
  spanLength,
} from './sections';

const walkthrough = MODES.walkthrough;
const s = (values: number[]) => values.map(seconds);

describe('sectionsFromBoundaries', () => {
  it('splits a walkthrough at three markers into its four sections', () => {
    const spans = sectionsFromBoundaries(walkthrough, s([18, 95, 120]), seconds(135));
    expect(spans.map((x) => [x.spec.id, x.start, x.end])).toEqual([
      ['headline', 0, 18],
      ['recent', 18, 95],
      ['earlier', 95, 120],
      ['close', 120, 135],
    ]);
    expect(spans.map((x) => x.index)).toEqual([0, 1, 2, 3]);
  });

  it('returns only the sections reached when fewer markers were pressed', () => {
    const spans = sectionsFromBoundaries(walkthrough, s([10]), seconds(40));
    expect(spans.map((x) => x.spec.id)).toEqual(['headline', 'recent']);
    expect(spans[1]?.end).toBe(40);
  });

  it('ignores markers past the last section, outside the recording, and sorts them', () => {
    expect(normaliseBoundaries(walkthrough, s([30, 10, 0, 50, 20, 40]), seconds(45))).toEqual([
      10, 20, 30,
    ]);
    expect(sectionsFromBoundaries(MODES.close, s([5, 9]), seconds(25))).toHaveLength(1);
  });

  it('gives a recording without markers one section spanning all of it', () => {
    const [only] = sectionsFromBoundaries(walkthrough, [], seconds(12.5));
    expect(only && spanLength(only)).toBe(12.5);
  });
});

describe('moveSectionEdge', () => {
  const marks = s([18, 95, 120]);
  const duration = seconds(135);

  it('moves the end of a section and the start of the next one together', () => {
    const moved = moveSectionEdge(marks, 0, 'end', seconds(20), duration);
    expect(moved).toEqual([20, 95, 120]);
    const spans = sectionsFromBoundaries(walkthrough, moved, duration);
    expect(spans[0]?.end).toBe(spans[1]?.start);
    expect(marks).toEqual([18, 95, 120]);
  });

  it('maps a start edge to the boundary before the section', () => {
    expect(moveSectionEdge(marks, 2, 'start', seconds(90), duration)).toEqual([18, 90, 120]);
  });

  it('clamps so that neighbours keep a minimum length', () => {
    const moved = moveSectionEdge(marks, 1, 'end', seconds(200), duration);
    expect(moved[1]).toBeCloseTo(120 - MIN_SECTION_LENGTH);
    const back = moveSectionEdge(marks, 1, 'start', seconds(-5), duration);
    expect(back[0]).toBeCloseTo(MIN_SECTION_LENGTH);
  });

  it('leaves the recording start and end fixed', () => {
    expect(moveSectionEdge(marks, 0, 'start', seconds(3), duration)).toEqual(marks);
    expect(moveSectionEdge(marks, 3, 'end', seconds(130), duration)).toEqual(marks);
  });
});

describe('currentSection', () => {
  it('advances one section per marker and stops at the last one', () => {
    expect(currentSection(walkthrough, [])?.spec.id).toBe('headline');
    expect(currentSection(walkthrough, s([17]))).toMatchObject({
      index: 1,
      startedAt: 17,
    });
    expect(currentSection(walkthrough, s([1, 2, 3, 4, 5]))?.spec.id).toBe('close');
    expect(currentSection(walkthrough, s([1, 2, 3, 4, 5]))?.startedAt).toBe(3);
  });
});
