import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import schema from '../../schemas/report.schema.json';
import { REPORT_SCHEMA_VERSION, analyzeTranscript } from './analyze';
import { speak, toAsr } from './test-speech';

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

const WALKTHROUGH = [
  "I'm a data engineer with six years of experience in retail analytics.",
  'At Shopwise I own the ingestion platform. Nightly loads took six hours and often failed. I rebuilt them on Spark with incremental loads, and load time went from six hours to forty minutes.',
  'Early in my career I was an analyst, which taught me what the business needs from data.',
  "I'm excited about this role because your team is moving to streaming, which is what I want to do next.",
];
const DEEPDIVE = [
  'The problem was that our search p95 was two seconds and users were leaving.',
  'I was the tech lead with three engineers.',
  'We chose Elasticsearch over Postgres full text because of relevance tuning. The downside was another cluster to run.',
  'We rolled it out behind a feature flag with a canary.',
  'As a result p95 went from two seconds to two hundred milliseconds, and search conversion rose eight percent.',
  'The hardest part was an outage when the cluster ran out of disk, and we added alerts.',
  "Next time I'd load test earlier.",
];
const CLOSE = [
  "I build reliable data platforms, I've led two migrations, and I'm excited about this role because your team is scaling fast.",
];

describe('analyzeTranscript', () => {
  it('produces reports that match schemas/report.schema.json in every mode', () => {
    for (const [mode, parts] of [
      ['walkthrough', WALKTHROUGH],
      ['deepdive', DEEPDIVE],
      ['close', CLOSE],
    ] as const) {
      const report = analyzeTranscript({ mode, words: speak(parts) });
      const ok = validate(JSON.parse(JSON.stringify(report)));
      expect(ajv.errorsText(validate.errors), mode).toBe('No errors');
      expect(ok).toBe(true);
      expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    }
  });

  it('gives a visible, summed score, three suggestions and follow-ups for the gaps', () => {
    const report = analyzeTranscript({ mode: 'deepdive', words: speak(DEEPDIVE.slice(0, 5)) });
    expect(report.score.overall).toBe(report.score.parts.reduce((s, p) => s + p.points, 0));
    expect(report.suggestions).toHaveLength(3);
    expect(report.coverage.elements.challenges?.covered).toBe(false);
    expect(report.followUps.some((q) => /hardest problem/.test(q))).toBe(true);
  });

  it('reads the close mode as one statement section', () => {
    const report = analyzeTranscript({ mode: 'close', words: speak(CLOSE) });
    expect(report.sections.map((s) => s.id)).toEqual(['statement']);
    expect(report.sections[0]?.budget).toEqual({ min: 20, max: 30 });
  });

  it('handles raw ASR words and words without an end time', () => {
    const words = toAsr(speak(WALKTHROUGH)).map((w, i) => (i % 7 === 0 ? { ...w, end: null } : w));
    const report = analyzeTranscript({ mode: 'walkthrough', words });
    expect(report.sections.map((s) => s.id)).toEqual(['headline', 'recent', 'earlier', 'close']);
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
  });

  it('returns an empty but valid report for no words', () => {
    const report = analyzeTranscript({ mode: 'walkthrough', words: [] });
    expect(report.sections).toEqual([]);
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
  });
});
