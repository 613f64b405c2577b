import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../core/transcript';
import { makeFixture } from '../../scripts/fixture-model/make-fixture';
import { makeSpeechClip, type SpeechClip } from '../../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../../scripts/fixture-model/test-support';
import {
  COMPRESSED_FORMATS,
  encodeWithFfmpeg,
  requireFfmpeg,
} from '../../speech/node/compressed-audio-testing';

describe('pitchpace transcribe on mp3, webm (opus) and m4a (aac) made with ffmpeg', () => {
  let dir = '';
  let model = '';
  let clip: SpeechClip;

  beforeAll(() => {
    requireFfmpeg();
    dir = freshGeneratedDir('cli-transcribe-formats-test');
    model = path.join(dir, 'models', 'fixture');
    makeFixture(model, { segments: [{ start: 0, end: 2.4, text: ' Hello world.' }] });
    clip = makeSpeechClip(dir, 'speech', [
      { silence: 0.3 },
      { say: 'So I led the migration of our payments service.' },
      { silence: 1.5 },
      { say: 'We cut the deploy time from forty minutes to six.' },
      { silence: 0.5 },
    ]);
  });

  it.each(COMPRESSED_FORMATS)('transcribes $extension with --json', (format) => {
    const file = encodeWithFfmpeg(clip.wav, dir, format);
    const out = spawnSync(
      process.execPath,
      ['bin/pitchpace.js', 'transcribe', file, '--model', model, '--json'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const transcript = JSON.parse(out.stdout) as Transcript;
    expect(Math.abs(transcript.duration - clip.duration)).toBeLessThanOrEqual(0.1);
    // one window per phrase (cut in the 1.5-s pause), the fixture's script said in each
    expect(transcript.words.map((w) => w.text)).toEqual(['Hello', 'world.', 'Hello', 'world.']);
    expect(transcript.pauses).toHaveLength(1);
    expect(transcript.segments.map((s) => s.text)).toEqual(['Hello world.', 'Hello world.']);
  });
});
