import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSpeechClip, type SpeechClip } from '../../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../../scripts/fixture-model/test-support';
import fs from 'node:fs';
import decodeAudio from 'audio-decode';
import { concatSamples, SAMPLE_RATE, toMono16k } from '../audio-format';
import { openAudioChunks, readAudioFile } from './audio-file';
import { COMPRESSED_FORMATS, encodeWithFfmpeg, requireFfmpeg } from './compressed-audio-testing';

/** Loudness per 50-ms frame: lossy codecs change the waveform but keep this shape. */
function frameLoudness(samples: Float32Array): number[] {
  const frame = SAMPLE_RATE / 20;
  const out: number[] = [];
  for (let start = 0; start + frame <= samples.length; start += frame) {
    let sum = 0;
    for (let i = start; i < start + frame; i++) sum += (samples[i] ?? 0) ** 2;
    out.push(Math.sqrt(sum / frame));
  }
  return out;
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (xs: readonly number[]) => xs.slice(0, n).reduce((s, x) => s + x, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('readAudioFile on compressed formats (encoded at test time with ffmpeg)', () => {
  let dir = '';
  let clip: SpeechClip;
  let wavLoudness: number[] = [];

  beforeAll(async () => {
    requireFfmpeg();
    dir = freshGeneratedDir('audio-file-test');
    clip = makeSpeechClip(dir, 'answer', [
      { silence: 0.4 },
      { say: 'I reduced our cloud bill by a third.' },
      { silence: 0.8 },
      { say: 'Then I taught the team how to keep it there.' },
      { silence: 0.3 },
    ]);
    wavLoudness = frameLoudness((await readAudioFile(clip.wav)).samples);
  });

  it.each(COMPRESSED_FORMATS)(
    'decodes $extension to 16 kHz mono of the clip duration, with the same speech in it',
    async (format) => {
      const file = encodeWithFfmpeg(clip.wav, dir, format);
      expect(path.extname(file)).toBe(`.${format.extension}`);
      const decoded = await readAudioFile(file);
      expect(decoded.samples).toBeInstanceOf(Float32Array);
      expect(decoded.duration).toBe(decoded.samples.length / SAMPLE_RATE);
      expect(Math.abs(decoded.duration - clip.duration)).toBeLessThanOrEqual(0.1);
      // the speech sits where it did in the WAV: loud frames and pauses line up
      expect(correlation(frameLoudness(decoded.samples), wavLoudness)).toBeGreaterThan(0.95);
    },
  );

  it.each([
    { extension: 'wav', compressed: null },
    ...COMPRESSED_FORMATS.map((f) => ({ extension: f.extension, compressed: f })),
  ])(
    'decodes $extension as it reads, in chunks that join to exactly the whole-file decoding',
    async ({ extension, compressed }) => {
      const file = compressed ? encodeWithFfmpeg(clip.wav, dir, compressed) : clip.wav;
      const whole = await decodeAudio(new Uint8Array(fs.readFileSync(file)));
      const expected = toMono16k(whole.channelData, whole.sampleRate);
      const chunks: Float32Array[] = [];
      for await (const chunk of await openAudioChunks(file)) chunks.push(chunk);
      expect(concatSamples(chunks)).toEqual(expected);
      // the WAV (~170 KB) is read in 64-KB pieces, so it arrives in several chunks
      if (extension === 'wav') expect(chunks.length).toBeGreaterThan(2);
    },
  );
});
