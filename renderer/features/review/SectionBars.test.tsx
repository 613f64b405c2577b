import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MODES } from '../../../core/modes';
import { sectionsFromBoundaries } from '../../../core/timing';
import { seconds } from '../../../core/units';
import { SectionBars } from './SectionBars';

afterEach(cleanup);

describe('SectionBars', () => {
  it('shows each section against its budget and marks unreached ones', () => {
    const mode = MODES.walkthrough;
    const duration = seconds(125);
    // Headline 18 s (within 15–20), recent 100 s (over 60–90), earlier 7 s (under), close missing.
    const spans = sectionsFromBoundaries(mode, [seconds(18), seconds(118)], duration).concat();
    render(<SectionBars mode={mode} spans={spans} duration={duration} />);
    const status = (id: string) => screen.getByTestId(`section-bar-${id}`).dataset.status;
    expect(status('headline')).toBe('within');
    expect(status('recent')).toBe('over');
    expect(status('earlier')).toBe('under');
    expect(status('close')).toBe('missing');
    expect(status('total')).toBe('within');
    expect(screen.getByTestId('section-bar-recent').textContent).toContain('1:40 of 1:00–1:30');
    expect(
      screen.getByRole('img', { name: /Headline: 0:18, budget 0:15–0:20, on target/ }),
    ).toBeTruthy();
  });
});
