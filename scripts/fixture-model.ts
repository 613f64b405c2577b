/**
 * `npm run fixture-model -- <outDir> [--spec <spec.json>] [--base [--q8]]`
 * Writes a scripted Whisper-format model folder for tests (no real weights exist here).
 * --base: whisper-base-sized compute (random weights, ~300 MB fp32) with the script on top, for benchmarks.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { makeBaseSizedFixture } from './fixture-model/base-model';
import { makeFixture } from './fixture-model/make-fixture';
import { DEFAULT_SPEC, parseFixtureSpec } from './fixture-model/spec';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { spec: { type: 'string' }, base: { type: 'boolean' }, q8: { type: 'boolean' } },
  });
  const outDir = positionals[0];
  if (outDir === undefined) {
    process.stderr.write(
      'usage: npm run fixture-model -- <outDir> [--spec <spec.json>] [--base [--q8]]\n',
    );
    return 2;
  }
  let spec = DEFAULT_SPEC;
  if (values.spec !== undefined) {
    try {
      spec = parseFixtureSpec(JSON.parse(fs.readFileSync(values.spec, 'utf8')));
    } catch (error) {
      process.stderr.write(
        `fixture-model: cannot use spec ${values.spec}: ${(error as Error).message}\n`,
      );
      return 2;
    }
  }
  const t0 = performance.now();
  const v = values.base
    ? makeBaseSizedFixture(outDir, spec, { q8: values.q8 === true })
    : makeFixture(outDir, spec);
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(`${JSON.stringify({ outDir, vocabSize: v.vocabSize, ids: v.ids, ms })}\n`);
  return 0;
}

process.exitCode = main();
