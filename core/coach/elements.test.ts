import { describe, expect, it } from 'vitest';
import type { DeepdiveElementId } from '../modes';
import { analyzeTranscript } from './analyze';
import { speak, toAsr } from './test-speech';

/** Covered elements of a deep dive told in the given sentences. */
function covered(...sentences: string[]): Set<DeepdiveElementId> {
  const report = analyzeTranscript({ mode: 'deepdive', words: speak(sentences) });
  const out = new Set<DeepdiveElementId>();
  for (const [id, c] of Object.entries(report.coverage.elements))
    if (c?.covered) out.add(id as DeepdiveElementId);
  return out;
}

const FULL = [
  'The project was our checkout service at a marketplace. The problem was that p99 latency was two seconds and carts were being abandoned.',
  'I was the tech lead, with four engineers, and I owned the design.',
  'We chose to precompute prices instead of calling the pricing service per request. The downside was that prices could be a minute stale.',
  'We rolled it out behind a feature flag with a five percent canary and dashboards for latency.',
  'As a result p99 went from two seconds to three hundred milliseconds and conversion went up four percent.',
  'The hardest part was an incident during the canary where the cache served stale prices, and we added a version check.',
  "If I did it again, I'd involve the finance team much earlier.",
];

describe('deep-dive elements', () => {
  it('finds all seven elements in a complete answer', () => {
    expect([...covered(...FULL)].sort()).toEqual([
      'challenges',
      'decisions',
      'execution',
      'lessons',
      'problem',
      'results',
      'role',
    ]);
  });

  it('finds elements told out of order', () => {
    const reordered = [FULL[4], FULL[0], FULL[6], FULL[2], FULL[1], FULL[5], FULL[3]].map(
      (s) => s ?? '',
    );
    expect(covered(...reordered).size).toBe(7);
  });

  it('counts a choice with its reason as a decision, but not a bare choice', () => {
    expect(
      covered('We went with Kafka because we needed replay for the audit trail.').has('decisions'),
    ).toBe(true);
    expect(covered('We went with Kafka for the pipeline.').has('decisions')).toBe(false);
  });

  it('does not count naming a tool as a decision', () => {
    const found = covered(
      'We used Kafka and Postgres for the pipeline.',
      'I was the tech lead and I owned the design.',
    );
    expect(found.has('decisions')).toBe(false);
  });

  it('does not count company and team size as the problem', () => {
    const found = covered('I was at Acme on the payments team, a team of six engineers.');
    expect(found.has('problem')).toBe(false);
  });

  it('does not count a before-value quoted in the results as the problem', () => {
    const found = covered(
      'I was the tech lead and I owned the rollout plan.',
      'We rolled it out in phases behind a feature flag.',
      'In the end p99 went from two seconds to three hundred milliseconds.',
    );
    expect(found.has('results')).toBe(true);
    expect(found.has('problem')).toBe(false);
  });

  it('counts a qualitative outcome as results', () => {
    expect(
      covered(
        'After the launch, support stopped getting complaints and the team adopted it as the default.',
      ).has('results'),
    ).toBe(true);
  });

  it('needs a concrete difficulty for challenges, and a reflection for lessons', () => {
    const vague = covered('It was challenging but I learned a lot.');
    expect(vague.has('challenges')).toBe(false);
    expect(vague.has('lessons')).toBe(false);
    expect(
      covered('We ran into a race condition between the two writers during the migration.').has(
        'challenges',
      ),
    ).toBe(true);
  });
});

describe('deep-dive elements told without the usual cues', () => {
  it("takes an uncued regret about the speaker's own choices for a lesson", () => {
    expect(
      covered(...FULL.slice(0, 6), "If I'm honest, I'd talk to the vendors way earlier."),
    ).toContain('lessons');
    expect(
      covered(
        ...FULL.slice(0, 6),
        "I'd set up the alerting before there was a crisis, not during one.",
      ),
    ).toContain('lessons');
  });

  it('takes a qualitative outcome for a result', () => {
    const answer = [...FULL];
    answer[4] =
      'It did really well. Watch time went up noticeably, and the content team started asking for more.';
    expect(covered(...answer)).toContain('results');
  });

  it('hears decisions in fast lower-case speech that lists its calls', () => {
    const answer = [...FULL];
    answer[2] =
      'so we made three big calls first we went with chunked uploads we could have bought a vendor sdk instead but the pricing got ugly';
    expect(covered(...answer)).toContain('decisions');
  });

  it('does not take on-call vocabulary in the project topic for execution', () => {
    const answer = [
      'The project was our paging setup. On-call engineers got paged for everything, and people were woken up three times a night.',
      FULL[1] ?? '',
      'Night pages went down to about one a week per team.',
      "If I'm honest, I'd have started with the noisiest team instead of one policy for everyone.",
    ];
    const found = covered(...answer);
    expect(found).not.toContain('execution');
    expect(found).not.toContain('decisions');
    expect(found).toContain('lessons');
  });

  it('takes comparing outputs for validation, and comparing options for a decision', () => {
    // FULL without its decision sentence.
    const noDecisions = FULL.filter((_, i) => i !== 2);
    expect(
      covered(
        ...noDecisions,
        'We ran the old and the new service side by side and compared the responses for every request.',
      ),
    ).not.toContain('decisions');
    expect(
      covered(
        ...noDecisions,
        'I compared the two options, a managed queue and our own Kafka cluster.',
      ),
    ).toContain('decisions');
  });

  it('takes a bare change verb for a result only with a number or the changed thing as subject', () => {
    const noResults = FULL.filter((_, i) => i !== 4);
    expect(
      covered(
        ...noResults,
        'I spent a week on it and improved the retry logic for the vendor calls.',
      ),
    ).not.toContain('results');
    expect(covered(...noResults, 'The new cache cut the load on the database.')).toContain(
      'results',
    );
    expect(covered(...noResults, 'We cut checkout errors by forty percent.')).toContain('results');
  });

  it('counts on-call as execution only when it was arranged for the work', () => {
    // Without the rollout sentence and the canary incident, nothing else speaks of execution.
    const noExecution = FULL.filter((_, i) => i !== 3 && i !== 5);
    expect(
      covered(...noExecution, 'I was the engineer on call for the payments group that quarter.'),
    ).not.toContain('execution');
    expect(
      covered(...noExecution, 'We staffed an extra on-call rotation for the cutover weekend.'),
    ).toContain('execution');
    expect(
      covered(...noExecution, 'We kept two people on call through the migration window.'),
    ).toContain('execution');
    expect(
      covered(...noExecution, 'I was on call, and we shipped it one region at a time.'),
    ).toContain('execution');
  });

  it('keeps an "instead of" clause that continues a lesson out of decisions, in lower-case speech', () => {
    const answer = [
      'The project was moving search to a new index, because queries were timing out at peak and customers kept complaining.',
      'I was the tech lead with three engineers.',
      'We rolled it out behind a flag, one region at a time.',
      'Search p95 went from two seconds to three hundred milliseconds.',
      "If I did it again, I'd pick one region to start, instead of building for all five at once.",
    ];
    const report = analyzeTranscript({ mode: 'deepdive', words: toAsr(speak(answer)) });
    expect(report.coverage.elements.decisions?.covered).toBe(false);
    expect(report.coverage.elements.lessons?.covered).toBe(true);
    expect(report.coverage.tradeoffs).toHaveLength(0);
  });

  it('reads "in the end" as an outcome only when the sentence says what changed', () => {
    const noResults = FULL.filter((_, i) => i !== 4);
    expect(
      covered(...noResults, 'In the end we went with Kafka, because the team already ran it.'),
    ).not.toContain('results');
    expect(
      covered(...noResults, 'In the end support tickets about checkout stopped almost completely.'),
    ).toContain('results');
  });

  it('does not take the speaker\'s meta-talk ("I can\'t share the numbers") for a problem', () => {
    const noProblem = FULL.slice(1);
    expect(covered(...noProblem, "I can't share the exact revenue numbers, sorry.")).not.toContain(
      'problem',
    );
  });
});
