import { describe, expect, it } from 'vitest';
import { detectFillers, makeWpmMeter, measurePace } from './pace';
import { speak } from './test-speech';
import { toTokens } from './tokens';

describe('pace', () => {
  it('measures words per minute over speech time, excluding pauses over 1.5 s', () => {
    // 20 words at 0.5 s each with no gaps = 10 s of speech, then a 5 s pause, then 20 more words.
    const words = speak(
      ['one '.repeat(20).trim(), 'two '.repeat(20).trim()],
      { word: 0.5, gap: 0 },
      5,
    );
    const tokens = toTokens(words);
    const pauses = [{ start: 10.5, end: 15.5 }];
    const pace = measurePace(tokens, pauses, makeWpmMeter(tokens, pauses), [], []);
    expect(pace.wordCount).toBe(40);
    expect(pace.speechSeconds).toBeCloseTo(20, 0);
    expect(pace.wpm).toBeCloseTo(120, 0);
    expect(pace.longPauses).toEqual([{ start: 10.5, end: 15.5, duration: 5 }]);
  });

  it('finds the rubric fillers and leaves "like" as a verb alone', () => {
    const tokens = toTokens(
      speak(['um so I would like to, you know, basically like ship it, uh, sort of fast']),
    );
    const found = detectFillers(tokens).map((f) => f.text.toLowerCase().replace(/[^a-z ]/g, ''));
    expect(found).toEqual(['um', 'you know', 'basically', 'like', 'uh', 'sort of']);
  });

  it('reports fillers per minute and repeated phrases', () => {
    const text = 'um we shipped the feature. um we shipped the fix. um we shipped the test.';
    const tokens = toTokens(speak([text]));
    const pace = measurePace(tokens, [], makeWpmMeter(tokens, []), detectFillers(tokens), []);
    expect(pace.fillerCount).toBe(3);
    expect(pace.fillersPerMinute).toBeGreaterThan(10);
    expect(pace.repeated[0]).toEqual({ text: 'we shipped the', count: 3 });
  });
});
