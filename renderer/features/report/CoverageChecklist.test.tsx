import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeTranscript } from '../../../core/coach/analyze';
import { CoverageChecklist } from './CoverageChecklist';
import { ReportPlayer, ReportPlayerContext } from './report-player';
import { transcriptOf } from './test-transcript';

afterEach(cleanup);

describe('CoverageChecklist', () => {
  it('ticks covered items with a quote that plays from its time, and says what to add', () => {
    const transcript = transcriptOf([
      'Search was slow: p95 latency was one point eight seconds and we missed our SLO.',
      'I owned the search service and led a team of four engineers.',
    ]);
    const report = analyzeTranscript({ mode: 'deepdive', words: transcript.words });
    const player = new ReportPlayer();
    const playFrom = vi.spyOn(player, 'playFrom');
    render(
      <ReportPlayerContext.Provider value={player}>
        <CoverageChecklist mode="deepdive" report={report} />
      </ReportPlayerContext.Provider>,
    );
    const problem = screen.getByTestId('coverage-problem');
    expect(problem.dataset.covered).toBe('true');
    const quote = within(problem).getAllByRole('button')[0];
    expect(quote).toBeDefined();
    if (quote) fireEvent.click(quote);
    expect(playFrom).toHaveBeenCalledWith(report.coverage.elements.problem?.evidence[0]?.start);
    const lessons = screen.getByTestId('coverage-lessons');
    expect(lessons.dataset.covered).toBe('false');
    expect(lessons.textContent).toContain('Say honestly what you would do differently next time.');
    expect(screen.getAllByTestId('metric').length).toBe(
      Math.min(6, report.coverage.metrics.length),
    );
  });
});
