/** The benchmark's inputs: a 3-minute espeak-ng "rehearsal" with pauses, and the models' script. */
import fs from 'node:fs';
import path from 'node:path';
import type { FixtureSpec } from '../fixture-model/spec';
import { makeSpeechClip, type SpeechPart } from '../fixture-model/speech-audio';

const SENTENCES = [
  'I am a backend engineer with eight years in payments and logistics.',
  'Most recently I led the migration of our checkout service to Kubernetes.',
  'The old deploys took forty minutes and failed about one time in ten.',
  'I proposed a blue green rollout and wrote the runbooks myself.',
  'We cut deploy time to six minutes and failed deploys to almost zero.',
  'Before that I worked at a logistics startup on route planning.',
  'There I learned to measure before optimising anything.',
  'I am excited about this role because reliability is the product here.',
];
/** Pauses between sentences: short, medium and long, as a rehearsal has them. */
const PAUSES = [0.5, 0.8, 1.4, 0.4, 2.0, 0.6];
export const REHEARSAL_SECONDS = 180;

/** Writes (once) and returns the 3-minute rehearsal WAV. */
export function prepareRehearsal(dir: string): string {
  const wav = path.join(dir, 'rehearsal-3min.wav');
  if (fs.existsSync(wav)) return wav;
  // espeak-ng at 150 wpm speaks these sentences in ~4 s each: ~36 sentences fill 3 minutes
  const parts: SpeechPart[] = [{ silence: 0.5 }];
  let estimate = 0.5;
  for (let i = 0; estimate < REHEARSAL_SECONDS - 5; i++) {
    parts.push({ say: SENTENCES[i % SENTENCES.length] ?? '', speed: 150 });
    const pause = PAUSES[i % PAUSES.length] ?? 0.5;
    parts.push({ silence: pause });
    estimate += 4.1 + pause;
  }
  // Stop comes right after the last sentence, as when the candidate finishes and clicks Stop
  parts[parts.length - 1] = { silence: 0.3 };
  return makeSpeechClip(dir, 'rehearsal-3min', parts).wav;
}

/** Script length of the cached bench models (kept so they need not be regenerated). */
export const DEFAULT_SCRIPT_SECONDS = 16;

/**
 * The script every window says (the fixture cannot know a window's length): 8 words per 3.2-s
 * segment, ~2.5 words a second, as speech has them. A real model decodes the words a window
 * holds, so decoder work per window is realistic when `scriptSeconds` matches the windows' length:
 * the default 16 s undercounts the ~22-s average windows of the rehearsal; 28.8 s is a full window
 * (what the last window costs at Stop when it is long).
 */
export function benchSpec(scriptSeconds = DEFAULT_SCRIPT_SECONDS): FixtureSpec {
  const segments = Array.from({ length: Math.max(1, Math.round(scriptSeconds / 3.2)) }, (_, s) => ({
    start: s * 3.2,
    end: s * 3.2 + 3.2,
    text: Array.from({ length: 8 }, (_, w) => ` w${s * 8 + w}`).join(''),
  }));
  return { multilingual: false, segments };
}
