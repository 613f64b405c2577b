/**
 * Test support shared by the `pitchpace transcribe` specs: a scripted fixture model and the
 * espeak-ng clip its script matches, generated into a fresh ignored folder.
 */
import path from 'node:path';
import { makeFixture } from '../../scripts/fixture-model/make-fixture';
import { makeSpeechClip, type SpeechClip } from '../../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../../scripts/fixture-model/test-support';

export interface TranscribeFixture {
  /** The generated folder (models and audio live below it). */
  dir: string;
  /** The fixture model folder, to pass as `--model`. */
  model: string;
  clip: SpeechClip;
}

/** Generates the fixture model and a two-sentence speech clip into `generated/<name>`. */
export function prepareTranscribeFixture(name: string): TranscribeFixture {
  const dir = freshGeneratedDir(name);
  const model = path.join(dir, 'models', 'fixture');
  makeFixture(model, { segments: [{ start: 0, end: 2.4, text: ' Hello world.' }] });
  const clip = makeSpeechClip(dir, 'speech', [
    { silence: 0.3 },
    { say: 'So I led the migration of our payments service.' },
    { silence: 1.5 },
    { say: 'We cut the deploy time from forty minutes to six.' },
    { silence: 0.5 },
  ]);
  return { dir, model, clip };
}
