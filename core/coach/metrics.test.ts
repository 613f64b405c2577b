import { describe, expect, it } from 'vitest';
import { findMetrics } from './metrics';
import { asAsr, speak } from './test-speech';
import { toTokens, toUnits } from './tokens';

function metricsOf(...sentences: string[]) {
  const tokens = toTokens(speak([sentences.join(' ')]));
  return findMetrics(tokens, toUnits(tokens));
}

describe('findMetrics: what counts', () => {
  it('counts spoken and written numbers tied to a measured quantity', () => {
    expect(metricsOf('Our p95 latency was 800ms.')).toHaveLength(1);
    expect(metricsOf('Conversion went up by forty percent.')).toHaveLength(1);
    expect(metricsOf('About one in three checkouts failed.')).toHaveLength(1);
    expect(
      metricsOf('The cloud bill dropped by two hundred thousand dollars a year.'),
    ).toHaveLength(1);
  });

  it('does not count team size, durations, dates, phases, rollout shares, config values or versions', () => {
    expect(metricsOf('I led a team of six engineers.')).toHaveLength(0);
    expect(metricsOf('The project took three months.')).toHaveLength(0);
    expect(metricsOf('We started in 2022.')).toHaveLength(0);
    expect(metricsOf('We rolled it out in three phases.')).toHaveLength(0);
    expect(metricsOf('We started with a five percent canary.')).toHaveLength(0);
    expect(metricsOf('We used a ten-minute token lifetime.')).toHaveLength(0);
    expect(metricsOf('We upgraded to version 3 of the SDK.')).toHaveLength(0);
    expect(metricsOf('We split it into twelve services.')).toHaveLength(0);
  });

  it('counts a duration when it measures developer velocity', () => {
    expect(
      metricsOf('Lead time for changes dropped from about thirty days to three.'),
    ).toHaveLength(1);
  });
});

describe('findMetrics: one measured quantity counts once', () => {
  it('merges a before/after pair', () => {
    const m = metricsOf('p99 went from eight hundred to two hundred milliseconds.');
    expect(m).toHaveLength(1);
    expect(m[0]?.mentions).toHaveLength(2);
  });

  it('merges a baseline in the problem with the after-value in the results, and a restatement', () => {
    const m = metricsOf(
      'The error rate was two percent and customers were angry.',
      'We rebuilt the retry logic.',
      'In the end the error rate fell to 0.1 percent.',
      'That 0.1 percent error rate held for a year.',
    );
    expect(m).toHaveLength(1);
  });

  it('merges a target with the value reached', () => {
    expect(
      metricsOf('We had an SLO of 300 milliseconds, and p95 ended at 250 milliseconds.'),
    ).toHaveLength(1);
  });

  it('merges a keyless baseline and result told about the same thing', () => {
    const m = metricsOf(
      'We were losing about five percent of orders at checkout.',
      'I rebuilt the payment retries.',
      'Order loss went down to one percent.',
    );
    expect(m).toHaveLength(1);
  });

  it('keeps different quantities apart: p95 and p99, total bill and storage cost', () => {
    expect(metricsOf('p95 dropped to 200 ms and p99 dropped to 900 ms.')).toHaveLength(2);
    expect(
      metricsOf('The total bill fell by 30 percent and storage cost fell by 60 percent.'),
    ).toHaveLength(2);
  });

  it('reads a range as one value and "it" after a change as the same quantity', () => {
    expect(
      metricsOf('The first thirty to forty minutes of every incident were spent paging people.'),
    ).toHaveLength(1);
    expect(metricsOf('Our AWS bill was 180k a month; we brought it down to 110k.')).toHaveLength(1);
  });

  it('names the quantity written right after the number ("80 percent recall")', () => {
    const keys = metricsOf(
      'The model reached 92 percent precision at 80 percent recall, up from 85 percent precision.',
    ).map((m) => m.key);
    expect(keys.sort()).toEqual(['precision', 'recall']);
  });

  it('works on lower-case ASR text without punctuation', () => {
    const text = asAsr(
      'Search p95 went from one point eight seconds down to three hundred milliseconds.',
    );
    expect(metricsOf(text)).toHaveLength(1);
  });
});

describe('findMetrics: loose and figurative numbers', () => {
  it('counts fractions, frequencies, rates per period and approximate ranges', () => {
    expect(metricsOf('Subscriptions brought in roughly a third more revenue.')).toHaveLength(1);
    expect(metricsOf('The old gateway fell over two or three times a week.')).toHaveLength(1);
    expect(metricsOf('We got about two hundred account takeover reports a month.')).toHaveLength(1);
    expect(metricsOf('Page loads went from like two seconds to under half a second.')).toHaveLength(
      1,
    );
    expect(metricsOf('The cluster cost us maybe forty grand a month.')).toHaveLength(1);
    expect(metricsOf('Support time on refunds dropped by roughly three quarters.')).toHaveLength(1);
  });

  it('does not count test slices, allocations, figures of speech or settings', () => {
    expect(metricsOf('We turned it on for a ten percent slice of logins.')).toHaveLength(0);
    expect(metricsOf('We tested with ten percent of users in the treatment.')).toHaveLength(0);
    expect(metricsOf('People called the new config format a twenty percent tax.')).toHaveLength(0);
    expect(metricsOf('The challenge has a thirty-second timeout.')).toHaveLength(0);
  });

  it('still counts a share that names a change or a measured quantity', () => {
    expect(metricsOf('It was a twelve percent lift in checkout conversion.')).toHaveLength(1);
  });
});
