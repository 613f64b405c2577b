import { describe, expect, it } from 'vitest';
import { asAsr, speak, toAsr } from './test-speech';
import { toTokens, toUnits } from './tokens';
import { findTradeoffs, tradeoffCue } from './tradeoffs';

function count(...sentences: string[]): number {
  const tokens = toTokens(speak([sentences.join(' ')]));
  return findTradeoffs(tokens, toUnits(tokens)).length;
}

describe('tradeoffCue', () => {
  it('recognises the rubric forms of a trade-off', () => {
    expect(tradeoffCue(' we chose kafka over rabbitmq because we needed replay ')).toBe('choice');
    expect(tradeoffCue(' the downside was that reads got slower ')).toBe('cost');
    expect(tradeoffCue(' we got consistency at the cost of write latency ')).toBe('cost');
    expect(
      tradeoffCue(' we could have sharded by tenant but that would have meant rebalancing '),
    ).toBe('alternative');
    expect(
      tradeoffCue(' we went with routing which meant two integrations but it gave us a fallback '),
    ).toBe('cost');
  });

  it('does not take a decision with only a reason, or hindsight, for a trade-off', () => {
    expect(tradeoffCue(' i used node because i knew it ')).toBeUndefined();
    expect(tradeoffCue(' we used kafka for the event stream ')).toBeUndefined();
    expect(
      tradeoffCue(" in hindsight i'd write the load tests earlier instead of at the end "),
    ).toBeUndefined();
    expect(tradeoffCue(' we built it over about six weeks ')).toBeUndefined();
    expect(
      tradeoffCue(' so the team could work on tooling instead of firefighting '),
    ).toBeUndefined();
  });

  it('matches a cost split over two clauses of unpunctuated speech', () => {
    expect(
      tradeoffCue(
        ' we went with routing which meant two integrations to maintain ',
        ' but it gave us leverage ',
      ),
    ).toBe('cost');
  });
});

describe('findTradeoffs', () => {
  it('counts a choice and its price told one after the other once', () => {
    expect(
      count(
        'We chose JWTs over opaque tokens for latency.',
        'The downside was that we cannot revoke a token instantly.',
      ),
    ).toBe(1);
  });

  it('counts two distinct choices twice', () => {
    expect(
      count(
        'We chose Postgres over DynamoDB because we needed transactions.',
        'We also picked a simple rating model over a learned one because designers could reason about it.',
      ),
    ).toBe(2);
  });

  it('counts a weighed alternative followed by the choice once', () => {
    expect(
      count(
        'We could have kept one global queue, but that would have meant terrible ping.',
        'So we split by region and accepted longer waits at night.',
      ),
    ).toBe(1);
  });

  it('works on lower-case ASR text', () => {
    const text = asAsr(
      'We chose a managed backend rather than self hosting Loki, because the team was too small.',
    );
    expect(count(text)).toBe(1);
  });

  it('does not count a lesson', () => {
    expect(count('If I did it again, I would involve the support team much earlier.')).toBe(0);
  });
});

describe('trade-offs told indirectly', () => {
  it('hears a price said without "downside": lived with it, one more thing that can break, but means', () => {
    expect(
      tradeoffCue(
        ' people without the app fall back to sms which is weaker but we lived with that ',
      ),
    ).toBe('cost');
    expect(
      tradeoffCue(
        ' we put rate limits in a shared proxy which meant one more shared thing that can fail ',
      ),
    ).toBe('cost');
    expect(
      tradeoffCue(' encoding runs on the server which saves battery but means people wait longer '),
    ).toBe('cost');
  });

  it('counts two different choices told back to back as two', () => {
    expect(
      count(
        'We moved search to a single index, and the cost was that reindexing takes all night.',
        'We also dropped fuzzy matching for part numbers, so some typos find nothing, and we lived with that because exact matches matter more.',
      ),
    ).toBe(2);
  });

  it('splits a list of calls at its ordinal, even in lower-case speech', () => {
    // Lower-case words with the speaker's rhythm: clause pauses stay where the commas were.
    const tokens = toTokens(
      toAsr(
        speak([
          'we made two big calls, first, we could have licensed a vendor player instead, but it would have tied us to their cdn, second, we did the encoding after upload instead of on the phone, which saves battery but means a longer wait.',
        ]),
      ),
    );
    expect(findTradeoffs(tokens, toUnits(tokens))).toHaveLength(2);
  });

  it('reads an "instead of" inside an uncued regret as a lesson, not a trade-off', () => {
    expect(
      count(
        "If I'm honest, I'd start with one team instead of writing one policy for all of them.",
      ),
    ).toBe(0);
  });

  it('does not merge a new choice with its own price into the choice before it', () => {
    expect(
      count(
        'We went with Kafka over SQS because we needed replay.',
        'We also moved rate limiting into the gateway, which meant one more shared thing that can break.',
      ),
    ).toBe(2);
    // The price of the same choice, told next, is still one trade-off.
    expect(
      count(
        'We went with Kafka over SQS because we needed replay.',
        'The downside was that the team had to learn to run it.',
      ),
    ).toBe(1);
  });
});
