import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { env, pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from './make-fixture';
import { parseFixtureSpec, type FixtureSpec } from './spec';
import { buildVocabulary } from './vocabulary';
import { freshGeneratedDir, SAMPLE_RATE, tone } from './test-support';

const segments = [
  { start: 0.0, end: 2.4, text: ' Hello world.' },
  { start: 2.4, end: 5.0, text: ' This is a scripted fixture.' },
  { start: 6.0, end: 8.5, text: ' Goodbye now.' },
];
const TEXT = ' Hello world. This is a scripted fixture. Goodbye now.';

describe('makeFixture + the real transformers.js pipeline', () => {
  let dir = '';
  let multi: AutomaticSpeechRecognitionPipeline;
  let en: AutomaticSpeechRecognitionPipeline;

  beforeAll(async () => {
    dir = freshGeneratedDir('fixture-model-test');
    makeFixture(path.join(dir, 'multi'), { multilingual: true, segments });
    makeFixture(path.join(dir, 'en'), { multilingual: false, segments });
    env.allowRemoteModels = false;
    env.localModelPath = dir + path.sep;
    multi = await pipeline('automatic-speech-recognition', 'multi');
    en = await pipeline('automatic-speech-recognition', 'en');
  });
  afterAll(async () => {
    await multi.dispose();
    await en.dispose();
  });

  it('says the scripted text, with or without a language', async () => {
    expect(await multi(tone(10), { language: 'english' })).toEqual({ text: TEXT });
    expect(await en(tone(10))).toEqual({ text: TEXT });
  });

  it('times segments and words as scripted', async () => {
    const bySegment = await multi(tone(10), {
      language: 'fr',
      task: 'transcribe',
      return_timestamps: true,
    });
    expect(bySegment.chunks).toEqual([
      { timestamp: [0, 2.4], text: ' Hello world.' },
      { timestamp: [2.4, 5], text: ' This is a scripted fixture.' },
      { timestamp: [6, 8.5], text: ' Goodbye now.' },
    ]);
    const byWord = await en(tone(10), { return_timestamps: 'word' });
    expect(byWord.chunks?.slice(0, 3)).toEqual([
      { text: ' Hello', timestamp: [0, 1.2] },
      { text: ' world.', timestamp: [1.2, 2.4] },
      { text: ' This', timestamp: [2.4, 2.92] },
    ]);
    expect(byWord.chunks?.at(-1)).toEqual({ text: ' now.', timestamp: [7.26, 8.5] });
  });

  it('says nothing on digital silence', async () => {
    expect(
      await multi(new Float32Array(5 * SAMPLE_RATE), { language: 'en', return_timestamps: true }),
    ).toEqual({
      text: '',
      chunks: [],
    });
  });

  it('drops the end time of the last segment of a window with a right stride (library behaviour)', async () => {
    const out = await multi(tone(90, 20), {
      language: 'en',
      return_timestamps: true,
      chunk_length_s: 30,
      stride_length_s: 5,
    });
    expect(out.text).toBe(TEXT);
    expect(out.chunks?.at(-1)).toEqual({ timestamp: [6, null], text: ' Goodbye now.' });
  });

  it('an English-only fixture rejects a language option, like real *.en models', async () => {
    await expect(en(tone(3), { language: 'english' })).rejects.toThrow(/English-only model/);
  });
});

describe('fixture spec and command line', () => {
  it("gives the whisper-base-sized vocabulary Whisper's real special-token ids and size", () => {
    const en = buildVocabulary({ segments }, { whisperSize: true });
    expect(en.vocabSize).toBe(51864);
    expect(en.ids).toMatchObject({
      eot: 50256,
      sot: 50257,
      notimestamps: 50362,
      timestampBegin: 50363,
    });
    const multi = buildVocabulary({ multilingual: true, segments }, { whisperSize: true });
    expect(multi.vocabSize).toBe(51865);
    expect(multi.langToId['<|en|>']).toBe(50259);
  });

  it('rejects timestamps off the 0.02-s grid and malformed specs', () => {
    const dir = freshGeneratedDir('fixture-model-bad-spec');
    expect(() => makeFixture(dir, { segments: [{ start: 0.01, end: 1, text: ' x' }] })).toThrow(
      /0\.02/,
    );
    expect(() => parseFixtureSpec({ segments: [{ start: 0 }] })).toThrow(/segments\[0\]/);
    expect(() => parseFixtureSpec({})).toThrow(/segments/);
  });

  it('npm run fixture-model writes the folder transformers.js needs', () => {
    const dir = freshGeneratedDir('fixture-model-cli');
    const spec: FixtureSpec = {
      multilingual: false,
      segments: [{ start: 0, end: 1, text: ' Hi there.' }],
    };
    const specFile = path.join(dir, 'spec.json');
    fs.writeFileSync(specFile, JSON.stringify(spec));
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/fixture-model.ts', path.join(dir, 'model'), '--spec', specFile],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out)).toMatchObject({ ids: { eot: expect.any(Number) as number } });
    const files = [
      'config.json',
      'generation_config.json',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ];
    for (const file of files) expect(fs.existsSync(path.join(dir, 'model', file))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'model', 'onnx')).sort()).toEqual([
      'decoder_model_merged.onnx',
      'encoder_model.onnx',
    ]);
  });
});
