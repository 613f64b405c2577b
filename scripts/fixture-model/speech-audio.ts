/**
 * Builds test speech with espeak-ng and sox: spoken phrases (their own leading and trailing
 * silence trimmed) joined by silences of known length, at 16 kHz 16-bit mono — so a test knows
 * exactly where speech and pauses are.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type SpeechPart = { say: string; voice?: string; speed?: number } | { silence: number };

export interface SpokenSpan {
  text: string;
  start: number;
  end: number;
}

export interface SpeechClip {
  wav: string;
  duration: number;
  spoken: SpokenSpan[];
}

const RATE = 16000;

function sampleCount(wav: string): number {
  return Number(execFileSync('soxi', ['-s', wav], { encoding: 'utf8' }).trim());
}

/** Writes `<dir>/<name>.wav` and returns where each phrase sits in it. */
export function makeSpeechClip(
  dir: string,
  name: string,
  parts: readonly SpeechPart[],
): SpeechClip {
  const work = path.join(dir, `${name}.parts`);
  fs.mkdirSync(work, { recursive: true });
  const files: string[] = [];
  const spoken: SpokenSpan[] = [];
  let samples = 0;
  parts.forEach((part, i) => {
    const file = path.join(work, `${i}.wav`);
    if ('silence' in part) {
      execFileSync('sox', [
        '-n',
        '-r',
        String(RATE),
        '-c',
        '1',
        '-b',
        '16',
        file,
        'trim',
        '0',
        String(part.silence),
      ]);
    } else {
      const raw = path.join(work, `${i}.raw.wav`);
      execFileSync('espeak-ng', [
        '-v',
        part.voice ?? 'en-us',
        '-s',
        String(part.speed ?? 160),
        '-w',
        raw,
        part.say,
      ]);
      // trim espeak's own lead-in and tail so the phrase starts and ends where we say
      const trim = [
        'silence',
        '1',
        '0.01',
        '0.5%',
        'reverse',
        'silence',
        '1',
        '0.01',
        '0.5%',
        'reverse',
      ];
      execFileSync('sox', [
        raw,
        '-r',
        String(RATE),
        '-c',
        '1',
        '-b',
        '16',
        '-e',
        'signed-integer',
        file,
        ...trim,
      ]);
    }
    const n = sampleCount(file);
    if (!('silence' in part))
      spoken.push({ text: part.say, start: samples / RATE, end: (samples + n) / RATE });
    samples += n;
    files.push(file);
  });
  const wav = path.join(dir, `${name}.wav`);
  // sox writes 32-bit when joining unless told otherwise
  execFileSync('sox', [...files, '-b', '16', '-e', 'signed-integer', wav]);
  return { wav, duration: samples / RATE, spoken };
}
