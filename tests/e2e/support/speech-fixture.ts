/**
 * The fake microphone's input: a spoken answer made with espeak-ng and converted by sox to
 * 48 kHz mono 16-bit, with silence before and after (Chromium plays it once with %noloop).
 * Generated at test time into tests/fixtures/generated/e2e/ and reused while the text is the same.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const GENERATED = path.resolve(import.meta.dirname, '../../fixtures/generated/e2e');

const TEXT =
  'I am a backend engineer with seven years in payments. ' +
  'Most recently I led a team of five that rebuilt our checkout service, ' +
  'and cut the error rate from two percent to a tenth of a percent. ' +
  'Before that I built data pipelines for a shipping company. ' +
  'I want this role because your platform team solves these problems at scale.';

export interface SpeechFixture {
  /** What Chromium plays: lead silence + speech + tail silence, 48 kHz. */
  microphoneWav: string;
  /** The speech alone at 48 kHz (what the recording must contain). */
  speech48k: string;
  /** The speech alone at 16 kHz (what the 16 kHz track must contain). */
  speech16k: string;
  leadSilence: number;
  tailSilence: number;
}

/** Creates (or reuses) the speech WAVs. Needs espeak-ng and sox on PATH. */
export function speechFixture(leadSilence = 1, tailSilence = 5): SpeechFixture {
  mkdirSync(GENERATED, { recursive: true });
  const key = createHash('sha256')
    .update(`${TEXT}|${leadSilence}|${tailSilence}|v1`)
    .digest('hex')
    .slice(0, 12);
  const file = (name: string) => path.join(GENERATED, `${key}-${name}.wav`);
  const fixture: SpeechFixture = {
    microphoneWav: file('microphone'),
    speech48k: file('speech48k'),
    speech16k: file('speech16k'),
    leadSilence,
    tailSilence,
  };
  if ([fixture.microphoneWav, fixture.speech48k, fixture.speech16k].every((f) => existsSync(f))) {
    return fixture;
  }
  const textFile = file('text').replace(/\.wav$/, '.txt');
  writeFileSync(textFile, TEXT);
  const raw = file('espeak');
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-f', textFile, '-w', raw]);
  const sox = (...args: string[]) => execFileSync('sox', args);
  sox(raw, '-r', '48000', '-c', '1', '-b', '16', fixture.speech48k);
  sox(raw, '-r', '16000', '-c', '1', '-b', '16', fixture.speech16k);
  sox(fixture.speech48k, fixture.microphoneWav, 'pad', String(leadSilence), String(tailSilence));
  return fixture;
}

/** The speech alone at another rate (what a microphone running at `rate` delivers). */
export function speechAtRate(fixture: SpeechFixture, rate: number): string {
  const out = fixture.speech48k.replace(/speech48k\.wav$/, `speech${rate}.wav`);
  if (!existsSync(out)) execFileSync('sox', [fixture.speech48k, '-r', String(rate), out]);
  return out;
}
