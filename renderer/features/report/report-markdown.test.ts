import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../core/coach/analyze';
import { reportFileName, reportMarkdown, transcriptText } from './report-markdown';
import { transcriptOf } from './test-transcript';

describe('reportMarkdown', () => {
  const transcript = transcriptOf([
    'Search was slow: p95 latency was one point eight seconds.',
    'I owned the search service and led a team of four engineers.',
    'We chose hash sharding over category sharding, at the cost of slower category pages.',
  ]);
  const report = analyzeTranscript({ mode: 'deepdive', words: transcript.words });
  const md = reportMarkdown('deepdive', Date.UTC(2026, 0, 2, 3, 4), report, transcript);

  it('has the score parts, the checklist with quotes and what to add, and the transcript', () => {
    expect(md).toMatch(/^# Project deep dive\n/);
    for (const part of report.score.parts)
      expect(md).toContain(`| ${part.label} | ${part.points} / ${part.max} |`);
    expect(md).toContain("- [ ] **What I'd do differently**");
    expect(md).toContain('To add: Say honestly what you would do differently next time.');
    const firstMetric = report.coverage.metrics[0];
    expect(firstMetric).toBeDefined();
    expect(md).toContain(`“${firstMetric?.text ?? ''}”`);
    expect(md.trimEnd().endsWith(transcriptText(transcript))).toBe(true);
  });

  it('names the file by mode and time', () => {
    expect(reportFileName('deepdive', Date.UTC(2026, 0, 2, 3, 4))).toBe(
      'pitchpace-deepdive-2026-01-02-03-04.md',
    );
  });
});
