import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baselinePredictor } from './baseline';
import { parseCorpusEntry, type CorpusEntry } from './corpus-format';
import type { Prediction } from './prediction';
import { scoreCorpus } from './score-corpus';
import { checkTargets } from './targets';

const dev = fileURLToPath(new URL('../../corpus/dev/', import.meta.url));
const entries: CorpusEntry[] = readdirSync(dev)
  .filter((n) => n.endsWith('.json'))
  .map((n) => parseCorpusEntry(JSON.parse(readFileSync(join(dev, n), 'utf8')) as unknown, n));

/** A predictor that returns the labels themselves. */
const oracle = (entry: CorpusEntry): Prediction => ({
  sections: entry.labels.sections,
  pitfalls: entry.labels.pitfalls,
  elements: entry.labels.elements ?? {},
  metrics: entry.labels.metrics ?? 0,
  tradeoffs: entry.labels.tradeoffs ?? 0,
});

describe('scoreCorpus on the dev corpus', () => {
  it('gives the labels themselves a perfect score on every measure', () => {
    const score = scoreCorpus(entries, entries.map(oracle));
    expect(score.wordsInRightSection).toBe(1);
    expect(score.boundaryError).toBe(0);
    expect(score.structureAccuracy).toBe(1);
    expect(score.pitfalls.f1).toBe(1);
    expect(score.elementAccuracy).toBe(1);
    expect(score.missingElements.recall).toBe(1);
    expect(score.metricMae).toBe(0);
    expect(score.tradeoffMae).toBe(0);
    expect(checkTargets(score).every((c) => c.pass)).toBe(true);
    expect(score.transcripts.every((t) => t.failures.length === 0)).toBe(true);
  });

  it('fails the equal-split, everything-covered baseline on the targets it cannot fake', async () => {
    const predict = baselinePredictor('equal');
    const predictions = await Promise.all(
      entries.map((e) => predict({ mode: e.mode, ...e.transcript })),
    );
    const score = scoreCorpus(entries, predictions);
    const failed = checkTargets(score)
      .filter((c) => !c.pass)
      .map((c) => c.name);
    expect(score.missingElements.recall).toBe(0);
    expect(failed).toEqual(
      expect.arrayContaining([
        'words in right section',
        'mean boundary error (s)',
        'missing-element recall',
        'metric count MAE',
        'pitfall F1',
      ]),
    );
  });
});
