/**
 * `npm run eval [-- --dir corpus/dev] [--json] [--verbose] [--predictor engine|baseline|budget]
 * [--only <id part>] [--strict]`: runs the coaching engine (or a baseline) over a labelled
 * corpus and prints the rubric's measures against the targets. `--strict` exits 1 when
 * a target is missed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { baselinePredictor } from './eval/baseline';
import { parseCorpusEntry, type CorpusEntry } from './eval/corpus-format';
import { engineExists, loadEnginePredictor } from './eval/engine-predictor';
import type { Prediction, Predictor } from './eval/prediction';
import { renderScore } from './eval/print-score';
import { scoreCorpus } from './eval/score-corpus';
import { checkTargets } from './eval/targets';

function loadCorpus(dir: string): CorpusEntry[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return parseCorpusEntry(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
    });
}

async function choosePredictor(name: string): Promise<{ predictor: Predictor; label: string }> {
  if (name === 'baseline')
    return { predictor: baselinePredictor('equal'), label: 'baseline (equal split)' };
  if (name === 'budget')
    return { predictor: baselinePredictor('budget'), label: 'baseline (budget split)' };
  if (name !== 'engine') throw new Error(`unknown predictor ${name}`);
  if (!engineExists()) {
    process.stderr.write('core/coach/analyze.ts not found: scoring the equal-split baseline\n');
    return { predictor: baselinePredictor('equal'), label: 'baseline (engine missing)' };
  }
  return { predictor: await loadEnginePredictor(), label: 'engine' };
}

const EMPTY: Prediction = { sections: [], pitfalls: [], elements: {}, metrics: 0, tradeoffs: 0 };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'corpus/dev' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      predictor: { type: 'string', default: 'engine' },
      only: { type: 'string' },
    },
  });
  const dir = resolve(values.dir);
  const entries = loadCorpus(dir).filter(
    (e) => values.only === undefined || e.id.includes(values.only),
  );
  if (entries.length === 0) {
    process.stderr.write(`no corpus files (*.json) in ${dir} match\n`);
    return 2;
  }
  const { predictor, label } = await choosePredictor(values.predictor);
  const predictions: Prediction[] = [];
  const crashes = new Map<string, string>();
  for (const entry of entries) {
    const { words, pauses, duration } = entry.transcript;
    try {
      predictions.push(await predictor({ mode: entry.mode, words, pauses, duration }));
    } catch (error) {
      crashes.set(entry.id, error instanceof Error ? error.message : String(error));
      predictions.push(EMPTY);
    }
  }
  const score = scoreCorpus(entries, predictions);
  for (const t of score.transcripts) {
    const crash = crashes.get(t.id);
    if (crash !== undefined) t.failures.unshift(`predictor threw: ${crash}`);
  }
  const checks = checkTargets(score);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ dir: values.dir, predictor: label, score, checks }, null, 2)}\n`,
    );
  } else {
    const { walkthrough, deepdive, close } = score.counts;
    const header = `Pitchpace eval — ${values.dir}: ${entries.length} transcripts (${walkthrough} walkthrough, ${deepdive} deepdive, ${close} close) — predictor: ${label}`;
    process.stdout.write(`${renderScore(score, checks, header, values.verbose)}\n`);
    if (crashes.size > 0)
      process.stdout.write(`\n${crashes.size} transcript(s) made the predictor throw\n`);
  }
  return values.strict && checks.some((c) => !c.pass) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
