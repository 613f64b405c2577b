import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../core/coach/analyze';
import { coverageGroups } from './coverage-items';
import { transcriptOf } from './test-transcript';

describe('coverageGroups', () => {
  it('deep dive: seven elements, metrics and trade-offs; missing items say what to add', () => {
    const transcript = transcriptOf([
      'Search was slow: p95 latency was one point eight seconds and we missed our SLO every weekend.',
      'I owned the search service and led a team of four engineers.',
      'We chose hash sharding over category sharding because free text queries dominated, at the cost of slower category pages.',
    ]);
    const report = analyzeTranscript({ mode: 'deepdive', words: transcript.words });
    const groups = coverageGroups('deepdive', report);
    const elements = groups.find((g) => g.id === 'elements')?.items ?? [];
    expect(elements.map((i) => i.id)).toEqual([
      'problem',
      'role',
      'decisions',
      'execution',
      'results',
      'challenges',
      'lessons',
    ]);
    for (const item of elements) {
      expect(item.covered).toBe(report.coverage.elements[item.id as 'problem']?.covered ?? false);
      if (item.covered) expect(item.evidence.length).toBeGreaterThan(0);
      else expect(item.toAdd).toMatch(/\S/);
    }
    expect(elements.find((i) => i.id === 'lessons')?.covered).toBe(false);
    const evidence = groups.find((g) => g.id === 'evidence')?.items ?? [];
    const metrics = evidence.find((i) => i.id === 'metrics');
    expect(metrics?.count).toEqual({ have: report.coverage.metrics.length, want: '3 or more' });
    expect(metrics?.covered).toBe(report.coverage.metrics.length >= 3);
    expect(evidence.find((i) => i.id === 'tradeoffs')?.count?.want).toBe('2–3');
  });

  it('walkthrough: sections, then IMPACT parts per role with ids role<n>-<part>', () => {
    const transcript = transcriptOf([
      "I'm a backend engineer with eight years in payments.",
      'Most recently I was at Shopwise on the checkout team.',
      'Checkout timed out under peak load and we lost three percent of orders.',
      'I designed the move to an event driven checkout with Kafka and Go.',
      'As a result p99 latency went from two seconds to four hundred milliseconds.',
      "I'm excited about this role because your team is scaling payments.",
    ]);
    const report = analyzeTranscript({ mode: 'walkthrough', words: transcript.words });
    const groups = coverageGroups('walkthrough', report);
    expect(groups[0]?.items.map((i) => i.id)).toEqual(['headline', 'recent', 'earlier', 'close']);
    const role = groups.find((g) => g.id === 'role1');
    expect(report.coverage.roles.length).toBeGreaterThan(0);
    expect(role?.items.map((i) => i.id)).toEqual([
      'role1-problem',
      'role1-scope',
      'role1-action',
      'role1-tech',
      'role1-result',
    ]);
    const result = role?.items.find((i) => i.id === 'role1-result');
    expect(result?.covered).toBe(report.coverage.roles[0]?.parts.result.covered);
  });
});
