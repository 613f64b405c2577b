import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../core/transcript';
import type { SpeechClip } from '../../scripts/fixture-model/speech-audio';
import { prepareTranscribeFixture } from './transcribe-test-fixture';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pitchpace.js', 'transcribe', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('pitchpace transcribe (spawned CLI, real pipeline on a generated fixture)', () => {
  let dir = '';
  let model = '';
  let clip: SpeechClip;

  beforeAll(() => {
    ({ dir, model, clip } = prepareTranscribeFixture('cli-transcribe-test'));
  });

  it('prints the native transcript form with --json', () => {
    const out = run(clip.wav, '--model', model, '--json');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const transcript = JSON.parse(out.stdout) as Transcript;
    expect(Object.keys(transcript).sort()).toEqual([
      'duration',
      'fillers',
      'model',
      'pauses',
      'schemaVersion',
      'segments',
      'words',
    ]);
    expect(transcript.schemaVersion).toBe(1);
    expect(transcript.model).toBe('fixture');
    expect(transcript.duration).toBeCloseTo(clip.duration, 2);
    // one window per phrase (cut in the 1.5-s pause), the script said in each
    expect(transcript.words.map((w) => w.text)).toEqual(['Hello', 'world.', 'Hello', 'world.']);
    expect(transcript.words[0]).toEqual({ text: 'Hello', start: 0, end: 1.2 });
    expect(transcript.pauses).toHaveLength(1);
    expect(transcript.segments.map((s) => s.text)).toEqual(['Hello world.', 'Hello world.']);
  });

  it('gives the same transcript one window at a time (--batch 1), in batches, and on two pipelines', () => {
    const oneByOne = run(clip.wav, '--model', model, '--json', '--batch', '1');
    const batched = run(clip.wav, '--model', model, '--json'); // the default: batches of 4
    const pooled = run(clip.wav, '--model', model, '--json', '--workers', '2', '--batch', '2');
    expect(oneByOne.status).toBe(0);
    const expected: unknown = JSON.parse(oneByOne.stdout);
    expect((expected as { words: unknown[] }).words).toHaveLength(4);
    expect(JSON.parse(batched.stdout)).toEqual(expected);
    expect(JSON.parse(pooled.stdout)).toEqual(expected);
  });

  it('prints timed words, resolves --model <id> under $PITCHPACE_MODELS_DIR, and reads ogg', () => {
    const ogg = path.join(dir, 'speech.ogg');
    execFileSync('sox', [clip.wav, ogg]);
    const out = spawnSync(
      process.execPath,
      ['bin/pitchpace.js', 'transcribe', ogg, '--model', 'fixture'],
      {
        encoding: 'utf8',
        env: { ...process.env, PITCHPACE_MODELS_DIR: path.join(dir, 'models') },
      },
    );
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('   0.00    1.20  Hello');
    expect(out.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('exits 2 with one line on stderr for bad input', () => {
    const empty = path.join(dir, 'empty.wav');
    fs.writeFileSync(empty, '');
    const junk = path.join(dir, 'notes.wav');
    fs.writeFileSync(junk, 'these are my interview notes, not audio');
    const cases: Array<[string[], RegExp]> = [
      [
        [path.join(dir, 'missing.wav'), '--model', model],
        /cannot read .*missing\.wav: no such file/,
      ],
      [[empty, '--model', model], /empty\.wav is empty/],
      [[junk, '--model', model], /cannot decode .*notes\.wav/],
      [
        [clip.wav, '--model', path.join(dir, 'no-model')],
        /no model folder at .*no-model\. Fix: download it/,
      ],
      [[], /usage: pitchpace transcribe/],
      [[clip.wav, '--bogus'], /bogus/],
      [[clip.wav, '--workers', '0'], /--workers takes a whole number from 1 to 8/],
      [[clip.wav, '--batch', '2.5'], /--batch takes a whole number from 1 to 8/],
    ];
    for (const [args, message] of cases) {
      const out = run(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stdout).toBe('');
    }
  });
});
