import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODES } from '../../core/modes';
import { compileEntry } from './compile-entry';
import { parseCorpusEntry } from './corpus-format';

const root = fileURLToPath(new URL('../../corpus/', import.meta.url));
const splits = ['dev', 'holdout'];

const sourcesOf = (split: string): string[] =>
  readdirSync(join(root, split, 'src'))
    .filter((n) => n.endsWith('.md'))
    .sort();

describe('labelled corpus', () => {
  it('has at least 48 transcripts, a quarter of them held out', () => {
    const [dev, holdout] = splits.map((s) => sourcesOf(s).length);
    expect((dev ?? 0) + (holdout ?? 0)).toBeGreaterThanOrEqual(48);
    expect((holdout ?? 0) / ((dev ?? 0) + (holdout ?? 0))).toBeGreaterThanOrEqual(0.2);
  });

  // The committed JSON is what the eval scores: it must carry the words and labels its source
  // compiles to (the formatting is checked by `compile-corpus.ts --check`).
  for (const split of splits) {
    it(`${split}: every compiled file matches its source`, () => {
      for (const name of sourcesOf(split)) {
        const id = basename(name, '.md');
        const fresh = compileEntry(readFileSync(join(root, split, 'src', name), 'utf8'), id);
        const path = join(root, split, `${id}.json`);
        const committed = parseCorpusEntry(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
        expect(committed, id).toEqual(fresh);
      }
    });
  }

  it('labels every deep-dive element and orders walkthrough sections', () => {
    for (const split of splits) {
      for (const name of sourcesOf(split)) {
        const entry = compileEntry(
          readFileSync(join(root, split, 'src', name), 'utf8'),
          basename(name, '.md'),
        );
        if (entry.mode === 'deepdive') {
          expect(Object.keys(entry.labels.elements ?? {}).sort()).toEqual(
            MODES.deepdive.sections.map((s) => s.id).sort(),
          );
        } else {
          expect(entry.labels.sections[0]?.id).toBe(MODES[entry.mode].sections[0]?.id);
        }
      }
    }
  });
});
