import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import schema from '../../schemas/report.schema.json';
import type { CoachReport } from '../../core/coach/analyze';
import { speak } from '../../core/coach/test-speech';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pitchpace.js', 'analyze', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

const PARTS = [
  "I'm a backend engineer with eight years of experience in payments.",
  'At Paystream I lead the authorization team. Checkout timed out on one in a thousand payments. I moved the fraud call off the critical path, and p99 went from 900 to 300 milliseconds.',
  'Early in my career I wrote Java at a telecom, which taught me how billing fails.',
  "I'm excited about this role because your team is building its own processor.",
];

describe('pitchpace analyze (spawned CLI)', () => {
  let dir = '';
  const file = (name: string, content: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitchpace-analyze-'));
  });

  it('prints a JSON report that matches the schema with --json', () => {
    const transcript = file('t.json', JSON.stringify({ words: speak(PARTS) }));
    const out = run('--mode', 'walkthrough', '--transcript', transcript, '--json');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as CoachReport;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(report)).toBe(true);
    expect(report.sections.map((s) => s.id)).toEqual(['headline', 'recent', 'earlier', 'close']);
  });

  it('prints a readable report by default', () => {
    const transcript = file('t2.json', JSON.stringify({ words: speak(PARTS) }));
    const out = run('--mode', 'walkthrough', '--transcript', transcript);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Sections\n {2}headline/);
    expect(out.stdout).toMatch(/Suggestions\n {2}1\. /);
  });

  it('reads SRT and honours fixed boundaries', () => {
    const srt = file(
      't.srt',
      '1\n00:00:00,500 --> 00:00:04,000\nI am a backend engineer with eight years in payments.\n\n2\n00:00:05,000 --> 00:00:12,000\nAt Paystream I cut p99 from 900 to 300 milliseconds.\n',
    );
    const fixed = file('fixed.json', JSON.stringify([{ section: 'recent', start: 5 }]));
    const out = run('--mode', 'walkthrough', '--transcript', srt, '--fixed', fixed, '--json');
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout) as CoachReport;
    expect(report.sections.find((s) => s.id === 'recent')?.start).toBe(5);
  });

  it('exits 2 with one line on stderr for bad input', () => {
    const good = file('ok.json', JSON.stringify({ words: speak(PARTS) }));
    const cases: string[][] = [
      ['--mode', 'walkthrough', '--transcript', path.join(dir, 'missing.json')],
      ['--mode', 'walkthrough', '--transcript', file('unknown.txt', 'hello world')],
      ['--mode', 'walkthrough', '--transcript', file('empty.json', '{"words": []}')],
      [
        '--mode',
        'walkthrough',
        '--transcript',
        file(
          'back.json',
          JSON.stringify({
            words: [
              { text: 'a', start: 2, end: 2.1 },
              { text: 'b', start: 1, end: 1.1 },
            ],
          }),
        ),
      ],
      ['--mode', 'standup', '--transcript', good],
      ['--mode', 'walkthrough'],
      [
        '--mode',
        'walkthrough',
        '--transcript',
        good,
        '--fixed',
        file('badfixed.json', '[{"section":"nope","start":1}]'),
      ],
    ];
    for (const args of cases) {
      const out = run(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(out.stderr).toMatch(/^pitchpace analyze: /);
    }
  });
});
