/**
 * `npx tsx scripts/eval/corpus-stats.ts [dir…]`: the make-up of the labelled corpus — counts per
 * mode, style, pace, feature, pitfall and missing element, and the spread of durations and
 * labelled counts — so gaps in coverage are visible before they show up as eval blind spots.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpusEntry, type CorpusEntry } from './corpus-format';

/** Groups the compiler's "<n>wpm" feature into pace bands. */
function paceBucket(feature: string): string | undefined {
  const wpm = /^(\d+)wpm$/.exec(feature)?.[1];
  if (wpm === undefined) return undefined;
  const value = Number(wpm);
  return value <= 125 ? 'pace ≤125 wpm' : value >= 170 ? 'pace ≥170 wpm' : 'pace 126–169 wpm';
}

const tally = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);
const render = (counts: Map<string, number>) =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function describeCorpus(label: string, entries: readonly CorpusEntry[]): string {
  const modes = new Map<string, number>();
  const features = new Map<string, number>();
  const pitfalls = new Map<string, number>();
  const missing = new Map<string, number>();
  const missingPerDeepdive = new Map<string, number>();
  const lengths = new Map<string, number>();
  const structures = new Map<string, number>();
  for (const entry of entries) {
    tally(modes, entry.mode);
    for (const f of entry.features) tally(features, paceBucket(f) ?? f);
    const last = entry.transcript.words[entry.transcript.words.length - 1];
    const seconds = last?.end ?? 0;
    if (entry.mode === 'walkthrough') {
      tally(structures, entry.labels.sections.map((x) => x.id).join('>'));
      tally(lengths, seconds > 180 ? '>180s' : seconds >= 120 ? '120-180s' : '<120s');
      if (entry.labels.pitfalls.length === 0) tally(pitfalls, '(none)');
      for (const p of entry.labels.pitfalls) tally(pitfalls, p);
    }
    if (entry.mode === 'deepdive') {
      const gone = Object.entries(entry.labels.elements ?? {}).filter(([, c]) => !c);
      tally(missingPerDeepdive, `${gone.length} missing`);
      for (const [id] of gone) tally(missing, id);
    }
  }
  const deep = entries.filter((e) => e.mode === 'deepdive');
  const spread = (pick: (e: CorpusEntry) => number) =>
    deep
      .map(pick)
      .sort((a, b) => a - b)
      .join(' ');
  return [
    `${label}: ${entries.length} transcripts — ${render(modes)}`,
    `  walkthrough length: ${render(lengths)}`,
    `  walkthrough structure: ${render(structures)}`,
    `  walkthrough pitfalls: ${render(pitfalls)}`,
    `  deep dives: ${render(missingPerDeepdive)}; missing elements: ${render(missing)}`,
    `  deep-dive metrics: ${spread((e) => e.labels.metrics ?? 0)}; trade-offs: ${spread((e) => e.labels.tradeoffs ?? 0)}`,
    `  features: ${render(features)}`,
  ].join('\n');
}

const dirs =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['corpus/dev', 'corpus/holdout'];
const all: CorpusEntry[] = [];
for (const dir of dirs) {
  const entries = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => parseCorpusEntry(JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown, n));
  all.push(...entries);
  process.stdout.write(`${describeCorpus(dir, entries)}\n`);
}
if (dirs.length > 1) process.stdout.write(`${describeCorpus('all', all)}\n`);
