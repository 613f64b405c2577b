import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from './analyze';
import { asAsr, speak, toAsr } from './test-speech';

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

describe('walkthrough segmentation: openings, second roles and closes told differently', () => {
  const ids = (parts: string[], asr = false) =>
    analyzeTranscript({
      mode: 'walkthrough',
      words: speak(asr ? parts.map(asAsr) : parts, {}, 0.5),
    }).sections;
  const startOf = (sections: ReturnType<typeof ids>, id: string) =>
    sections.find((s) => s.id === id)?.start ?? -1;

  it('keeps a look back at an earlier career inside the headline', () => {
    const parts = [
      "I'm an engineering manager for platform teams, about twelve years in tech. Before that I was a backend engineer for seven years, mostly Java and payments, so I still review a lot of code.",
      'At Korra I manage two teams who own the deploy pipeline. Deploys took an hour and failed one time in five. I wrote the migration plan to Argo, and deploys now take eight minutes and fail less than one percent of the time.',
      'That is why Helix appeals to me: you are scaling your platform org, and I have done exactly that twice.',
    ];
    for (const asr of [false, true]) {
      const sections = ids(parts, asr);
      expect(sections.map((s) => s.id)).toEqual(['headline', 'recent', 'close']);
      // Recent starts at "At Korra", after the headline's look back.
      expect(startOf(sections, 'recent')).toBeGreaterThan(12);
    }
  });

  it('starts the close at "that\'s why…" and "why I\'m talking to you at…"', () => {
    const parts = [
      "So I'm a frontend engineer, six years, mostly React and design systems.",
      'Right now I lead the design system at Poppy. Components were copied between five apps. I built a shared library with visual tests, and time to ship a UI change went from two weeks to two days.',
      "And that's really why I'm talking to you at Lumen, because your product has three platforms and no shared system yet.",
    ];
    for (const asr of [false, true]) {
      const sections = ids(parts, asr);
      const closeStart = startOf(sections, 'close');
      const words = speak(asr ? parts.map(asAsr) : parts, {}, 0.5);
      const firstCloseWord = words.find((w) => w.text === "that's");
      const lastRecentWord = words.find((w) => /^days/.test(w.text));
      expect(closeStart).toBeLessThanOrEqual(firstCloseWord?.start ?? 0);
      expect(closeStart).toBeGreaterThanOrEqual(lastRecentWord?.end ?? Infinity);
    }
  });

  it('starts recent at a new grad\'s "my most recent thing was an internship"', () => {
    const parts = [
      "Hi, so I'm graduating in May with a computer science degree, and I'm mostly interested in backend work.",
      'My most recent thing was an internship at Cobalt on the storage team. The metadata service timed out on three percent of requests at peak. I profiled it, replaced a global lock with per-bucket locks, and timeouts went from three percent to almost zero.',
      "I'd love to join your infrastructure team because you're building the storage systems I want to work on.",
    ];
    const sections = ids(parts, true);
    expect(sections.map((s) => s.id)).toEqual(['headline', 'recent', 'close']);
    const headline = sections.find((s) => s.id === 'headline');
    const internship = speak(parts, {}, 0.5).find((w) => w.text === 'internship');
    expect(headline?.end ?? Infinity).toBeLessThan(internship?.start ?? 0);
  });

  it('starts the close where the speaker names the company they are interviewing with', () => {
    const parts = [
      "I'm a data engineer, about six years, mostly streaming pipelines for retail.",
      'At Freightline I own the shipment tracking pipeline. The old parser lost one event in fifty, so I rebuilt ingestion on Flink with contract tests, and lost events are now below one in ten thousand.',
      'Which brings me to Meridian: a real-time inventory team is exactly where I want to take this next.',
    ];
    const words = speak(parts, {}, 0.3);
    const sections = analyzeTranscript({ mode: 'walkthrough', words }).sections;
    const close = sections.find((s) => s.id === 'close');
    expect(close?.start ?? Infinity).toBeLessThanOrEqual(
      words.find((w) => w.text === 'Which')?.start ?? 0,
    );
  });

  it('starts recent at "So at Korra, where I\'ve been…" after a look-back headline, in lower-case speech', () => {
    const parts = [
      "I'm an engineering manager for platform teams, about twelve years in tech. Before that I was a backend engineer for seven years, mostly Java and payments.",
      "So at Korra, where I've been for three years, I manage two teams who own the deploy pipeline. Deploys took an hour and failed one time in five. I wrote the migration plan to Argo, and deploys now take eight minutes.",
      'That is why Helix appeals to me: you are scaling your platform org.',
    ];
    const words = toAsr(speak(parts, {}, 0.4));
    const sections = analyzeTranscript({ mode: 'walkthrough', words }).sections;
    const recentStart = sections.find((s) => s.id === 'recent')?.start ?? -1;
    const so = words.find((w, i) => w.text === 'so' && words[i + 1]?.text === 'at');
    const lastHeadlineWord = words.find((w) => w.text === 'payments');
    expect(recentStart).toBeGreaterThanOrEqual(lastHeadlineWord?.end ?? Infinity);
    expect(recentStart).toBeLessThanOrEqual(so?.start ?? 0);
  });

  it('keeps a second role told in detail in recent, though introduced as "my first engineering job"', () => {
    const parts = [
      "I'm a data engineer, around six years of experience, mostly streaming pipelines for logistics.",
      "These days I'm at Freightline, where I own the tracking pipeline. The old parser lost one event in fifty. I rebuilt ingestion on Flink and lost events are now below one in ten thousand.",
      'Then at Carver, which was my first engineering job, I owned the nightly sales reports. The Spark job kept running out of memory, so managers got numbers at noon. I repartitioned the job and moved the joins into dbt, and reports landed by six in the morning.',
      'Before any of that I was a store analyst, which taught me what people do with a report.',
      'Your team is building real-time inventory, so this role feels like a natural fit.',
    ];
    for (const asr of [false, true]) {
      const spoken = speak(parts, {}, 0.4);
      const words = asr ? toAsr(spoken) : spoken;
      const sections = analyzeTranscript({ mode: 'walkthrough', words }).sections;
      expect(sections.map((s) => s.id)).toEqual(['headline', 'recent', 'earlier', 'close']);
      const earlierStart = sections.find((s) => s.id === 'earlier')?.start ?? -1;
      const morning = words.find((w) => /^morning/.test(w.text));
      expect(earlierStart).toBeGreaterThanOrEqual(morning?.end ?? Infinity);
    }
  });

  it('finds closes told as "that\'s what I\'d bring to…" or "the problem I\'ve been solving", in lower-case speech', () => {
    const head = "I'm a frontend engineer, six years, mostly React and design systems.";
    const recent =
      'Right now I lead the design system at Poppy. Components were copied between five apps. I built a shared library with visual tests, and time to ship a UI change went from two weeks to two days.';
    for (const close of [
      "That's what I'd bring to Lumen.",
      'Your product has three platforms and no shared system, which is pretty much the problem I have been solving.',
    ]) {
      const words = toAsr(speak([head, recent, close], {}, 0.4));
      const ids = analyzeTranscript({ mode: 'walkthrough', words }).sections.map((s) => s.id);
      expect(ids).toEqual(['headline', 'recent', 'close']);
    }
  });
});
