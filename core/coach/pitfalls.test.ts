import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from './analyze';
import { speak, toAsr } from './test-speech';

const pitfallsOf = (parts: string[], pacing = {}) =>
  analyzeTranscript({ mode: 'walkthrough', words: speak(parts, pacing) }).pitfalls.map((p) => p.id);

const HEADLINE = "I'm a platform engineer with ten years of experience in developer tooling.";
const CLOSE = "That's why I'm excited about this role: your team is building a developer platform.";

describe('walkthrough pitfalls', () => {
  it('flags overtime only when the last word ends after 180 s', () => {
    const long = Array.from(
      { length: 60 },
      () => 'I built the build system and cut CI time from forty minutes to nine.',
    ).join(' ');
    expect(pitfallsOf([HEADLINE, long, CLOSE])).toContain('overtime');
    expect(
      pitfallsOf([
        HEADLINE,
        'I built the build system and cut CI time from forty minutes to nine.',
        CLOSE,
      ]),
    ).not.toContain('overtime');
  });

  it('flags vague claims when unquantified claims are the main way results are told', () => {
    const vague =
      'At Northwind I improved performance significantly. We also made the checkout much faster and greatly reduced errors.';
    const ids = pitfallsOf([HEADLINE, vague, CLOSE]);
    expect(ids).toContain('vague_claims');
  });

  it('does not flag one loose phrase in an otherwise quantified answer', () => {
    const quantified =
      'At Northwind I cut p99 latency from 900 to 200 milliseconds and error rate from two percent to 0.1 percent. ' +
      'I also reduced the cloud bill by thirty percent, and the pages felt much faster.';
    expect(pitfallsOf([HEADLINE, quantified, CLOSE])).not.toContain('vague_claims');
  });

  it('flags a run of tools with no outcome, even tools the lexicon does not know', () => {
    const list =
      'At Carepoint I work with hl7, fhir, mirth connect, epic bridges, rhapsody, sql server, azure, and some python.';
    expect(pitfallsOf([HEADLINE, list, CLOSE])).toContain('laundry_list');
    const asr = analyzeTranscript({
      mode: 'walkthrough',
      words: toAsr(speak([HEADLINE, list, CLOSE])),
    });
    expect(asr.pitfalls.map((p) => p.id)).toContain('laundry_list');
  });

  it('does not flag many tools each tied to an outcome', () => {
    const tied =
      'At Haulwise I moved events to Kafka, which cut lag to seconds. I put Redis in front of Postgres, which halved p99 latency. ' +
      'I moved deploys to Argo, so releases went from weekly to daily.';
    expect(pitfallsOf([HEADLINE, tied, CLOSE])).not.toContain('laundry_list');
  });

  it('flags team_over_self only when "we" does all the acting and "I" never owns', () => {
    const team =
      'When I joined, the app crashed a lot. We rewrote the engine. We moved GPS off the main thread. We shipped offline maps.';
    expect(pitfallsOf([HEADLINE, team, CLOSE])).toContain('team_over_self');
    const owned =
      'I led the rewrite of the engine. We moved GPS off the main thread. We shipped offline maps.';
    expect(pitfallsOf([HEADLINE, owned, CLOSE])).not.toContain('team_over_self');
  });
});

describe('ownership figure', () => {
  it('counts sentences where I act against sentences where we act', () => {
    const report = analyzeTranscript({
      mode: 'deepdive',
      words: speak([
        'I designed the schema. We migrated the data. We tested it. I wrote the rollout plan.',
      ]),
    });
    expect(report.ownership).toMatchObject({ iActions: 2, weActions: 2, iShare: 0.5 });
  });
});

describe('team_over_self: asides are not ownership', () => {
  it('flags "we" doing all the work when the only "I"s are career notes and asides', () => {
    const parts = [
      "So I'm an ML engineer, about five years. I actually started out in finance doing risk models.",
      'At Tidewater we built a retrieval model and we trained a ranking model on top, LightGBM or XGBoost, I always mix those up. ' +
        'We set up a feature store, we ran an A/B test for a month, and we rolled it out to everyone. Watch time went up twelve percent. ' +
        'Then we moved serving to GPUs and we cut inference cost by a third.',
      "That's why your team caught my eye: you're just starting on personalization.",
    ];
    expect(pitfallsOf(parts)).toContain('team_over_self');
  });

  it('does not flag the same answer when the speaker owns a part of the work', () => {
    const parts = [
      "So I'm an ML engineer, about five years. I actually started out in finance doing risk models.",
      'At Tidewater we built a retrieval model and I designed the ranking model on top. ' +
        'We set up a feature store, we ran an A/B test for a month, and we rolled it out to everyone. Watch time went up twelve percent.',
      "That's why your team caught my eye: you're just starting on personalization.",
    ];
    expect(pitfallsOf(parts)).not.toContain('team_over_self');
  });
});

describe('vague_claims: loose improvement talk', () => {
  it('flags results told only as "way more stable", "a lot happier", "huge wins"', () => {
    const parts = [
      "I'm a backend engineer with eight years of experience, mostly in retail.",
      'At Shopwise I rebuilt the order service, and the system got way more stable. The support team was a lot happier, and we saw huge wins on checkout. It also helped engagement across the app.',
      "That's why I'm excited about this role.",
    ];
    expect(pitfallsOf(parts)).toContain('vague_claims');
  });
});
