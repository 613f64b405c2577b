import path from 'node:path';
import type { Tensor } from '@huggingface/transformers';
import { env, pipeline, WhisperFeatureExtractor } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFixture } from '../../scripts/fixture-model/make-fixture';
import { makeSpeechClip } from '../../scripts/fixture-model/speech-audio';
import {
  freshGeneratedDir,
  noise,
  SAMPLE_RATE,
  tone,
} from '../../scripts/fixture-model/test-support';
import { readAudioFile } from '../node/audio-file';
import { useFastLogMel } from './install';
import { whisperLogMel } from './log-mel';
import { WHISPER_PREPROCESSOR_CONFIG } from '../../scripts/fixture-model/configs';

/** float32 rounding of values in [-2, 2] is ~1e-7; the brief's bar is 1e-4. */
const TOLERANCE = 1e-5;

/** What the tests use of a transformers.js WhisperFeatureExtractor instance (a Callable). */
interface ExtractorInternals {
  config: { mel_filters: number[][] };
  window: Float64Array;
  _extract_fbank_features: (waveform: Float32Array) => Promise<Tensor>;
}
type Extractor = ExtractorInternals &
  ((audio: Float32Array) => Promise<{ input_features: Tensor }>);

/** A fresh config object each time: the extractor keeps it and writes mel_filters into it. */
const newExtractor = (): Extractor =>
  new WhisperFeatureExtractor({ ...WHISPER_PREPROCESSOR_CONFIG });

function maxAbsDiff(a: Tensor, b: Tensor): number {
  expect(b.dims).toEqual(a.dims);
  expect(b.type).toBe(a.type);
  const x = a.data as Float32Array;
  const y = b.data as Float32Array;
  let worst = 0;
  for (let i = 0; i < x.length; ++i) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  return worst;
}

const seconds = (s: number): number => Math.round(s * SAMPLE_RATE);

describe('whisperLogMel against transformers.js WhisperFeatureExtractor', () => {
  const original = newExtractor();
  const fast = newExtractor();
  let speech: Float32Array = new Float32Array(0);
  const measured: string[] = [];

  beforeAll(async () => {
    expect(useFastLogMel(fast)).toBe(true);
    const dir = freshGeneratedDir('whisper-features-test');
    const clip = makeSpeechClip(dir, 'phrase', [
      { silence: 0.2 },
      { say: 'I led the migration of our payments service.' },
      { silence: 0.3 },
    ]);
    speech = (await readAudioFile(clip.wav)).samples;
  });
  afterAll(() => console.log(`max abs diff per input:\n  ${measured.join('\n  ')}`));

  /** Runs both extractors the public way (`extractor(audio)`: pad/cut to 30 s, then features). */
  async function compare(name: string, audio: Float32Array): Promise<number> {
    const expected = (await original(audio)).input_features;
    const actual = (await fast(audio)).input_features;
    expect(actual.dims).toEqual([1, 80, 3000]);
    const diff = maxAbsDiff(expected, actual);
    measured.push(`${name}: ${diff.toExponential(2)}`);
    return diff;
  }

  it('matches on silence (every frame is padding)', async () => {
    expect(await compare('silence 5 s', new Float32Array(seconds(5)))).toBe(0);
  });

  it('matches on a 440 Hz tone, white noise, and exactly 30 s (no padding at all)', async () => {
    expect(await compare('tone 10 s', tone(10))).toBeLessThan(TOLERANCE);
    expect(await compare('noise 30 s', noise(seconds(30), 0.5))).toBeLessThan(TOLERANCE);
    const full = tone(30);
    full.set(noise(seconds(12), 0.05), seconds(9));
    expect(await compare('tone+noise exactly 30 s', full)).toBeLessThan(TOLERANCE);
  });

  it('matches on a real espeak-ng clip and on a 3-s clip padded to 30 s', async () => {
    expect(speech.length).toBeGreaterThan(seconds(1));
    expect(await compare('espeak clip', speech)).toBeLessThan(TOLERANCE);
    expect(await compare('3-s noise clip', noise(seconds(3), 0.3))).toBeLessThan(TOLERANCE);
  });

  it('matches on audio longer than 30 s (cut) and on quiet audio near the log floor', async () => {
    expect(await compare('noise 31 s', noise(seconds(31), 0.2))).toBeLessThan(TOLERANCE);
    expect(
      await compare(
        'tone at 1e-6',
        tone(4).map((x) => x * 1e-5),
      ),
    ).toBeLessThan(TOLERANCE);
  });

  it('matches the unpadded extractor on odd lengths (reflect padding at both ends)', async () => {
    for (const length of [400, 1000, 12345, seconds(2.5) + 7]) {
      const audio = noise(length, 0.4, length);
      const expected = await original._extract_fbank_features(audio);
      const features = whisperLogMel(audio, original.config.mel_filters, original.window, {
        hopLength: 160,
        maxFrames: 3000,
      });
      expect([features.numMelBins, features.numFrames]).toEqual(expected.dims);
      const diff = maxAbsDiff(expected, await fast._extract_fbank_features(audio));
      measured.push(`unpadded ${length} samples: ${diff.toExponential(2)}`);
      expect(diff).toBeLessThan(TOLERANCE);
    }
  });
});

describe('useFastLogMel', () => {
  it('leaves extractors that do not look like the Whisper one alone', () => {
    const method = async (): Promise<void> => {};
    const other = {
      config: { feature_extractor_type: 'ASTFeatureExtractor' },
      _extract_fbank_features: method,
    };
    expect(useFastLogMel(other)).toBe(false);
    expect(other._extract_fbank_features).toBe(method);

    const noFilters = newExtractor();
    const before = noFilters._extract_fbank_features;
    noFilters.config.mel_filters = [];
    expect(useFastLogMel(noFilters)).toBe(false);
    expect(noFilters._extract_fbank_features).toBe(before);
    expect(useFastLogMel(null)).toBe(false);
    expect(useFastLogMel({})).toBe(false);
  });

  it('switches one instance only, once', () => {
    const switched = newExtractor();
    const untouched = newExtractor();
    expect(useFastLogMel(switched)).toBe(true);
    const fastMethod = switched._extract_fbank_features;
    expect(useFastLogMel(switched)).toBe(true);
    expect(switched._extract_fbank_features).toBe(fastMethod);
    expect(untouched._extract_fbank_features).toBe(
      Reflect.get(WhisperFeatureExtractor.prototype, '_extract_fbank_features'),
    );
  });
});

describe('useFastLogMel in a real transformers.js pipeline (generated fixture)', () => {
  const segments = [
    { start: 0.0, end: 2.4, text: ' Hello world.' },
    { start: 2.4, end: 5.0, text: ' This is a scripted fixture.' },
  ];

  it('gives the same words and timestamps as the original extractor', async () => {
    const root = freshGeneratedDir('whisper-features-pipeline-test');
    makeFixture(path.join(root, 'fixture-en'), { multilingual: false, segments });
    env.localModelPath = root + path.sep;
    const asr = await pipeline('automatic-speech-recognition', 'fixture-en');
    const inputs = [tone(10), new Float32Array(seconds(6)), tone(6, 3)];
    const transcribeAll = async () => {
      const outputs: unknown[] = [];
      for (const audio of inputs) outputs.push(await asr(audio, { return_timestamps: 'word' }));
      return outputs;
    };
    try {
      const before = await transcribeAll();
      expect(JSON.stringify(before[0])).toContain('Hello');
      expect(useFastLogMel(asr.processor.feature_extractor)).toBe(true);
      // the pipeline goes through this instance's (now fast) method
      const extractor = asr.processor.feature_extractor as unknown as ExtractorInternals;
      const fastMethod = extractor._extract_fbank_features;
      const spy = vi.spyOn(extractor, '_extract_fbank_features');
      const after = await transcribeAll();
      expect(spy).toHaveBeenCalledTimes(inputs.length);
      expect(spy.getMockImplementation() ?? fastMethod).toBe(fastMethod);
      expect(after).toEqual(before);
    } finally {
      await asr.dispose();
    }
  });
});
