/**
 * `npx tsx scripts/eval/compile-corpus.ts [--check] [dir…]`: compiles every corpus source
 * `<dir>/src/*.md` into `<dir>/<id>.json` (default dirs: corpus/dev, corpus/holdout) and prints
 * one summary line per transcript, and removes compiled files whose source is gone. `--check`
 * writes nothing and exits 1 when a committed JSON differs from what its source compiles to or
 * has no source.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'prettier';
import type { CorpusEntry } from './corpus-format';
import { compileEntry } from './compile-entry';

function summary(entry: CorpusEntry): string {
  const { transcript, labels } = entry;
  const last = transcript.words[transcript.words.length - 1];
  const sections = labels.sections
    .map((s) => `${s.id} ${(s.end - s.start).toFixed(0)}s`)
    .join(', ');
  const deep =
    entry.mode === 'deepdive'
      ? `missing [${Object.entries(labels.elements ?? {})
          .filter(([, c]) => !c)
          .map(([id]) => id)
          .join(',')}] metrics ${labels.metrics} trade-offs ${labels.tradeoffs}`
      : `pitfalls [${labels.pitfalls.join(',')}]`;
  return `${entry.id.padEnd(34)} ${transcript.words.length} words ${(last?.end ?? 0).toFixed(0)}s  ${sections}  ${deep}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { check: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const dirs = positionals.length > 0 ? positionals : ['corpus/dev', 'corpus/holdout'];
  let stale = 0;
  for (const dir of dirs) {
    const srcDir = join(dir, 'src');
    if (!existsSync(srcDir)) continue;
    for (const name of readdirSync(srcDir)
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      const id = basename(name, '.md');
      const entry = compileEntry(readFileSync(join(srcDir, name), 'utf8'), id);
      const json = await format(JSON.stringify(entry), { parser: 'json', printWidth: 100 });
      const target = join(dir, `${id}.json`);
      if (values.check) {
        if (!existsSync(target) || readFileSync(target, 'utf8') !== json) {
          process.stdout.write(`stale: ${target}\n`);
          stale++;
        }
      } else {
        writeFileSync(target, json);
        process.stdout.write(`${summary(entry)}\n`);
      }
    }
    // A compiled file whose source was removed or renamed would still be scored: flag it.
    const sources = new Set(readdirSync(srcDir).map((n) => basename(n, '.md')));
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      if (sources.has(basename(name, '.json'))) continue;
      if (values.check) {
        process.stdout.write(`orphan: ${join(dir, name)} has no source\n`);
        stale++;
      } else {
        rmSync(join(dir, name));
        process.stdout.write(`removed orphan ${join(dir, name)}\n`);
      }
    }
  }
  return stale > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `compile-corpus: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
