import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../core/coach/analyze';
import { currentLiveSection, liveGuidance } from './live-guidance';
import { transcriptOf } from './test-transcript';

describe('liveGuidance', () => {
  it('names the section and its hint while there is time', () => {
    const g = liveGuidance({ mode: 'walkthrough', elapsed: 5, markers: [], detected: [] });
    expect(g.section?.id).toBe('headline');
    expect(g.tone).toBe('calm');
    expect(g.line).toBe('Headline: Specialization, years of experience, domains.');
  });

  it('nudges gently as a section nears its budget, then to move on', () => {
    const near = liveGuidance({ mode: 'walkthrough', elapsed: 18, markers: [], detected: [] });
    expect(near.tone).toBe('nudge');
    expect(near.line).toBe('Headline: about 2 s left, start wrapping it up.');
    const over = liveGuidance({ mode: 'walkthrough', elapsed: 25, markers: [], detected: [] });
    expect(over.line).toBe('Headline has had its time: move on to recent roles.');
  });

  it('says to close at 2:45 in a walkthrough, and more firmly past 3:00', () => {
    const at = (elapsed: number) =>
      liveGuidance({ mode: 'walkthrough', elapsed, markers: [20, 110], detected: [] });
    expect(at(164).tone).not.toBe('wrap');
    expect(at(165).line).toBe('Time to close: link your experience to this role.');
    expect(at(181).line).toBe('Past 3 minutes: close now with why this role.');
    // Deep dives have no 2:45 cue.
    expect(
      liveGuidance({ mode: 'deepdive', elapsed: 170, markers: [], detected: [] }).tone,
    ).not.toBe('wrap');
  });

  it('follows the live transcript, but a newer marker overrides it', () => {
    const words = transcriptOf([
      "I'm a backend engineer with eight years of experience in payments and logistics.",
      'Most recently I was a senior engineer at Shopwise on the checkout team.',
      'Checkout timed out under peak load and I led the rebuild with Kafka and Go.',
    ]).words;
    const detected = analyzeTranscript({ mode: 'walkthrough', words }).sections;
    expect(detected.map((s) => s.id)).toEqual(['headline', 'recent']);
    const fromWords = currentLiveSection({
      mode: 'walkthrough',
      elapsed: 20,
      markers: [],
      detected,
    });
    expect(fromWords?.spec.id).toBe('recent');
    expect(fromWords?.source).toBe('transcript');
    // The speaker pressed N twice, the second time after the words so far: the marker wins.
    const marked = currentLiveSection({
      mode: 'walkthrough',
      elapsed: 30,
      markers: [5, 25],
      detected,
    });
    expect(marked?.spec.id).toBe('earlier');
    expect(marked?.source).toBe('marker');
  });
});
