// eslint-disable-next-line no-restricted-imports -- the core/ import rule is for product code; tests run on vitest
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from './analyze';
import { asAsr, speak } from './test-speech';

const HEADLINE =
  "I'm a backend engineer with eight years of experience, mostly in payments and fraud.";
const RECENT =
  'At Paystream I lead the authorization team of five engineers. When I joined, checkout timed out on one in a thousand payments. ' +
  'I profiled the path and moved the fraud call off the critical path. Timeouts dropped from one in a thousand to one in fifty thousand, and p99 went from 900 to 300 milliseconds.';
const SECOND_RECENT =
  'Before that I was at Fraudly for three years, where I built the real-time rules engine. ' +
  'Merchants were loading rules by hand every night. I built a rules language and an engine that evaluated rules in under five milliseconds, and chargebacks fell by forty percent.';
const EARLIER =
  'Early in my career I wrote Java at a telecom, which is where I learned how billing systems fail.';
const CLOSE =
  "You're building your own processing stack, and that is exactly the path I have worked on, so I'm excited about this role.";
const WRAP = "So yeah, that's my background.";

function sectionsOf(parts: string[], gap = 1.2) {
  return analyzeTranscript({ mode: 'walkthrough', words: speak(parts, {}, gap) }).sections;
}

describe('walkthrough segmentation', () => {
  it('finds headline, recent, earlier and close in order, with boundaries in the silences', () => {
    const words = speak([HEADLINE, RECENT, EARLIER, CLOSE]);
    const sections = analyzeTranscript({ mode: 'walkthrough', words }).sections;
    expect(sections.map((s) => s.id)).toEqual(['headline', 'recent', 'earlier', 'close']);
    // Each boundary lies between the last word of one part and the first of the next.
    const firstWordOf = (part: string) => words.find((w) => w.text === part.split(' ')[0]);
    const recentStart = sections[1]?.start ?? 0;
    expect(recentStart).toBeGreaterThan(words.find((w) => w.text === 'payments')?.end ?? Infinity);
    expect(recentStart).toBeLessThan(firstWordOf(RECENT)?.start ?? 0);
  });

  it('keeps a detailed second role introduced by "Before that" in recent', () => {
    const sections = sectionsOf([HEADLINE, RECENT, SECOND_RECENT, EARLIER, CLOSE]);
    expect(sections.map((s) => s.id)).toEqual(['headline', 'recent', 'earlier', 'close']);
    const earlier = sections.find((s) => s.id === 'earlier');
    expect(earlier?.duration ?? 0).toBeLessThan(12);
  });

  it('does not take a trailing "so yeah, that\'s my background" for a close', () => {
    expect(sectionsOf([HEADLINE, RECENT, EARLIER, WRAP]).map((s) => s.id)).toEqual([
      'headline',
      'recent',
      'earlier',
    ]);
  });

  it('segments lower-case ASR text with tiny gaps between sections', () => {
    const parts = [HEADLINE, RECENT, EARLIER, CLOSE].map(asAsr);
    expect(sectionsOf(parts, 0.15).map((s) => s.id)).toEqual([
      'headline',
      'recent',
      'earlier',
      'close',
    ]);
  });

  it('reports budgets, status and pace per section', () => {
    const [headline] = sectionsOf([HEADLINE, RECENT, CLOSE]);
    expect(headline?.budget).toEqual({ min: 15, max: 20 });
    expect(headline?.status).toBe('under');
    expect(headline?.wpm).toBeGreaterThan(100);
  });

  it('respects fixed boundaries', () => {
    const words = speak([HEADLINE, RECENT, EARLIER, CLOSE]);
    const start = words[20]?.start ?? 0;
    const report = analyzeTranscript({
      mode: 'walkthrough',
      words,
      fixedBoundaries: [{ section: 'close', start }],
    });
    const close = report.sections.find((s) => s.id === 'close');
    expect(close?.start).toBeCloseTo(start, 2);
    expect(report.sections.map((s) => s.id).at(-1)).toBe('close');
  });
});
