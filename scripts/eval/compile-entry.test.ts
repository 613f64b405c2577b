import { describe, expect, it } from 'vitest';
import { compileEntry } from './compile-entry';
import { asrWords, syllables } from './spoken-words';

const walkthrough = `---
mode: walkthrough
wpm: 150
style: asr
seed: 3
pitfalls: vague_claims
---
## headline
I'm a data engineer, six years in. [pause 1.5]
## recent
At Acme I cut costs by 40% — by forty percent.
## close
That's why this role fits.
`;

const deepdive = `---
mode: deepdive
wpm: 120
seed: 9
missing: challenges, lessons
---
## problem
Search p95 was 900 ms {m:p95 latency} for our users.
## role
I owned the indexer.
## decisions
We chose Kafka over SQS because of replay, {t:kafka} at the cost of ops work.
## execution
We rolled out behind a flag.
## results
p95 went to 200 ms {m:p95 latency} and the bill fell 20% {m:cost}.
## -
Anyway.
## decisions
We also dropped the cache. {t}
`;

describe('compileEntry', () => {
  it('labels walkthrough sections from first to last word and renders ASR text', () => {
    const entry = compileEntry(walkthrough, 'wt-test');
    const { words } = entry.transcript;
    expect(words.map((w) => w.text).slice(0, 5)).toEqual(["i'm", 'a', 'data', 'engineer', 'six']);
    expect(words.map((w) => w.text)).toContain('percent');
    expect(entry.labels.sections.map((s) => s.id)).toEqual(['headline', 'recent', 'close']);
    const [headline, recent] = entry.labels.sections;
    expect(headline?.end).toBe(words[6]?.end);
    // The explicit 1.5 s pause sits between the sections and is reported as a pause.
    expect((recent?.start ?? 0) - (headline?.end ?? 0)).toBeCloseTo(1.5, 2);
    expect(entry.transcript.pauses.some((p) => p.start === headline?.end)).toBe(true);
    expect(entry.labels.pitfalls).toEqual(['vague_claims']);
  });

  it('times words monotonically and deterministically', () => {
    const a = compileEntry(walkthrough, 'wt-test').transcript.words;
    const b = compileEntry(walkthrough, 'wt-test').transcript.words;
    expect(a).toEqual(b);
    for (let i = 1; i < a.length; i++) {
      expect(a[i]?.start).toBeGreaterThanOrEqual(a[i - 1]?.end ?? Infinity);
    }
  });

  it('counts distinct metric and trade-off tags and derives elements from headings', () => {
    const entry = compileEntry(deepdive, 'dd-test');
    expect(entry.labels.metrics).toBe(2);
    expect(entry.labels.tradeoffs).toBe(2);
    expect(entry.labels.elements).toMatchObject({
      problem: true,
      challenges: false,
      lessons: false,
    });
    expect(entry.labels.sections).toEqual([]);
    expect(entry.transcript.words.some((w) => w.text.includes('{'))).toBe(false);
  });

  it('drops fillers like Whisper but keeps their time as speech', () => {
    const source = walkthrough
      .replace('style: asr', 'style: punctuated\nfillers: dropped')
      .replace("I'm a data engineer,", "Um, I'm a, uh, data engineer,");
    const full = compileEntry(source.replace('fillers: dropped', ''), 'wt-f');
    const entry = compileEntry(source, 'wt-f');
    expect(entry.transcript.words.map((w) => w.text)).not.toContain('Um,');
    expect(entry.transcript.words).toHaveLength(full.transcript.words.length - 2);
    expect(entry.transcript.fillers).toHaveLength(2);
    expect(entry.transcript.fillers[0]?.kind).toBe('possible');
    // The headline now starts at "I'm", after the dropped "Um,".
    expect(entry.labels.sections[0]?.start).toBe(entry.transcript.words[0]?.start);
    expect(entry.transcript.pauses).toEqual(full.transcript.pauses);
  });

  it('rejects labels that contradict the text', () => {
    expect(() =>
      compileEntry(deepdive.replace('missing: challenges, lessons', 'missing: lessons'), 'dd-x'),
    ).toThrow(/missing/);
    expect(() => compileEntry(walkthrough.replace('vague_claims', 'overtime'), 'wt-x')).toThrow(
      /overtime/,
    );
  });
});

describe('spoken words', () => {
  it('speaks symbols and strips punctuation in ASR style', () => {
    expect(asrWords('$2.5M,')).toEqual(['2.5m', 'dollars']);
    expect(asrWords('Node.js/Go')).toEqual(['node', 'js', 'go']);
    expect(asrWords('on-call.')).toEqual(['on-call']);
  });

  it('estimates syllables for words, numerals and acronyms', () => {
    expect(syllables('engineer')).toBe(3);
    expect(syllables('2022')).toBe(5);
    expect(syllables('API')).toBe(3);
    expect(syllables('the')).toBe(1);
  });
});
