import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSpeechClip, type SpeechClip } from '../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../scripts/fixture-model/test-support';
import { readAudioFile } from './node/audio-file';
import { loadSileroVadNode } from './node/silero-node';
import { pausesBetween } from './speech-segmenter';
import type { SileroVad } from './vad';

describe('Silero VAD v5 on espeak-ng speech with inserted silences', () => {
  let vad: SileroVad;
  let clip: SpeechClip;
  let samples: Float32Array;

  beforeAll(async () => {
    const dir = freshGeneratedDir('vad-test');
    clip = makeSpeechClip(dir, 'three-phrases', [
      { silence: 0.5 },
      { say: 'So I led the migration of our payments service.' },
      { silence: 1.2 },
      { say: 'We cut the deploy time from forty minutes to six.' },
      { silence: 0.8 },
      { say: 'And the team kept shipping every day.' },
      { silence: 1.0 },
    ]);
    samples = (await readAudioFile(clip.wav)).samples;
    vad = await loadSileroVadNode();
  });
  afterAll(() => vad.release());

  it('puts the pauses where the silences were inserted (within 0.1 s)', async () => {
    const pauses = pausesBetween(await vad.detectSpeech(samples), 0.5);
    const [first, second, third] = clip.spoken;
    if (!first || !second || !third) throw new Error('clip has three phrases');
    expect(pauses).toHaveLength(2);
    const expected = [
      { start: first.end, end: second.start },
      { start: second.end, end: third.start },
    ];
    pauses.forEach((pause, i) => {
      expect(Math.abs(pause.start - (expected[i]?.start ?? NaN))).toBeLessThan(0.1);
      expect(Math.abs(pause.end - (expected[i]?.end ?? NaN))).toBeLessThan(0.1);
    });
  });

  it('gives the same segments whatever the push chunk sizes (streaming)', async () => {
    const whole = await vad.detectSpeech(samples);
    const stream = vad.createStream();
    for (
      let offset = 0, size = 100;
      offset < samples.length;
      offset += size, size = (size * 7) % 3001
    ) {
      await stream.push(samples.subarray(offset, offset + size));
    }
    await stream.finish();
    expect(stream.segments()).toEqual(whole);
  });

  it('hears no speech in digital silence', async () => {
    expect(await vad.detectSpeech(new Float32Array(16000 * 3))).toEqual([]);
  });
});
