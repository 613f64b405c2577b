import { describe, expect, it } from 'vitest';
import {
  effectiveBoundaries,
  isFixedBoundaryList,
  markerBoundaries,
  moveSectionStart,
  relabelSection,
} from './section-corrections';

const sections = [
  { id: 'headline' as const, start: 0, end: 18 },
  { id: 'recent' as const, start: 18, end: 100 },
  { id: 'earlier' as const, start: 100, end: 125 },
  { id: 'close' as const, start: 125, end: 140 },
];

describe('section corrections', () => {
  it('turns markers into the starts of the next sections, in order', () => {
    expect(markerBoundaries('walkthrough', [100, 18, 125, 130])).toEqual([
      { section: 'recent', start: 18 },
      { section: 'earlier', start: 100 },
      { section: 'close', start: 125 },
    ]);
  });

  it('uses the markers until there are corrections, then only the corrections', () => {
    expect(effectiveBoundaries('walkthrough', [18], undefined)).toEqual([
      { section: 'recent', start: 18 },
    ]);
    expect(effectiveBoundaries('walkthrough', [18], [])).toEqual([]);
  });

  it('moves a section start, replacing the boundary that was there and keeping the others', () => {
    const fixed = markerBoundaries('walkthrough', [18, 100, 125]);
    const next = moveSectionStart('walkthrough', fixed, sections, 1, 22.345);
    expect(next).toEqual([
      { section: 'recent', start: 22.35 },
      { section: 'earlier', start: 100 },
      { section: 'close', start: 125 },
    ]);
  });

  it('clamps a moved start inside its neighbours and ignores the first section', () => {
    const pushedPast = moveSectionStart('walkthrough', [], sections, 1, 500);
    expect(pushedPast).toEqual([{ section: 'recent', start: 99.75 }]);
    expect(moveSectionStart('walkthrough', [], sections, 0, 5)).toEqual([]);
  });

  it('relabels a stretch: its start takes the new id and the next section keeps its start', () => {
    const fixed = markerBoundaries('walkthrough', [18, 100, 125]);
    expect(relabelSection('walkthrough', fixed, sections, 2, 'recent')).toEqual([
      { section: 'recent', start: 100 },
      { section: 'close', start: 125 },
    ]);
  });

  it('keeps repeated element ids apart in a deep dive', () => {
    const dd = [
      { id: 'problem' as const, start: 0, end: 30 },
      { id: 'results' as const, start: 30, end: 60 },
      { id: 'problem' as const, start: 60, end: 90 },
    ];
    const fixed = [{ section: 'problem' as const, start: 60 }];
    expect(moveSectionStart('deepdive', fixed, dd, 1, 35)).toEqual([
      { section: 'results', start: 35 },
      { section: 'problem', start: 60 },
    ]);
  });

  it('accepts only well-formed stored corrections', () => {
    expect(isFixedBoundaryList([{ section: 'recent', start: 3 }])).toBe(true);
    expect(isFixedBoundaryList([{ section: 'recent', start: Number.NaN }])).toBe(false);
    expect(isFixedBoundaryList({})).toBe(false);
  });
});
