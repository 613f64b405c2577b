import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../core/transcript';
import type { SpeechClip } from '../../scripts/fixture-model/speech-audio';
import { prepareTranscribeFixture } from './transcribe-test-fixture';
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
    ({ dir, model, clip } = prepareTranscribeFixture('cli-transcribe-formats-test'));
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
