import fs from 'node:fs';
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFixture } from '../scripts/fixture-model/make-fixture';
import { freshGeneratedDir, SAMPLE_RATE, tone } from '../scripts/fixture-model/test-support';
import { loadLocalWhisper } from './node/load-whisper';
import { placeWindowWords } from './transcript-assembly';
import type { WhisperTranscriber } from './transcriber';
import { TranscriberSlot, wordsFromChunks } from './transcriber';

const FIX = 'run npm run models -- <id>';
const segments = [
  { start: 0.0, end: 2.4, text: ' Hello world.' },
  { start: 2.4, end: 5.0, text: ' This is a scripted fixture.' },
  { start: 6.0, end: 8.5, text: ' Goodbye now.' },
];

describe('WhisperTranscriber on the generated fixture (real transformers.js pipeline)', () => {
  let root = '';
  let transcriber: WhisperTranscriber;

  beforeAll(async () => {
    root = freshGeneratedDir('transcriber-test');
    makeFixture(path.join(root, 'fixture-en'), { multilingual: false, segments });
    makeFixture(path.join(root, 'fixture-multi'), { multilingual: true, segments });
    transcriber = await loadLocalWhisper(path.join(root, 'fixture-en'), {
      modelsRoot: root,
      fix: FIX,
    });
  });
  afterAll(() => transcriber.dispose());

  it('gives the scripted words with their scripted times and records the model id', async () => {
    const words = await transcriber.transcribe(tone(10));
    expect(transcriber.modelId).toBe('fixture-en');
    expect(words.map((w) => w.text).join(' ')).toBe(
      'Hello world. This is a scripted fixture. Goodbye now.',
    );
    expect(words.slice(0, 3)).toEqual([
      { text: 'Hello', start: 0, end: 1.2 },
      { text: 'world.', start: 1.2, end: 2.4 },
      { text: 'This', start: 2.4, end: 2.92 },
    ]);
    expect(words.at(-1)).toEqual({ text: 'now.', start: 7.26, end: 8.5 });
  });

  it('transcribes a batch of windows to the words each gives alone', async () => {
    // different lengths, and a silent window that ends at once while the others decode on
    const windows = [tone(10), new Float32Array(5 * SAMPLE_RATE), tone(6), tone(25), tone(3)];
    const alone = [];
    for (const w of windows) alone.push(await transcriber.transcribe(w));
    const batched = await transcriber.transcribeBatch(windows);
    expect(batched).toEqual(alone);
    expect(batched[1]).toEqual([]);
    expect(batched[0]?.length).toBeGreaterThan(5);
    // one window, or none, goes the single way
    expect(await transcriber.transcribeBatch([windows[0] ?? tone(1)])).toEqual([alone[0]]);
    expect(await transcriber.transcribeBatch([])).toEqual([]);
  });

  it('gives no words for silence', async () => {
    expect(await transcriber.transcribe(new Float32Array(5 * SAMPLE_RATE))).toEqual([]);
  });

  it('resolves a model id under the models folder, and passes a language to multilingual models', async () => {
    const multi = await loadLocalWhisper('fixture-multi', { modelsRoot: root, fix: FIX });
    const words = await multi.transcribe(tone(6), { language: 'english' });
    // the fixture cannot see where its input ends: it times "Goodbye now." past this 6-s clip …
    expect(words.map((w) => w.text).join(' ')).toBe(
      'Hello world. This is a scripted fixture. Goodbye now.',
    );
    expect(words.at(-2)).toEqual({ text: 'Goodbye', start: 6, end: 7.26 });
    // … and placing the window's words drops what lies past its end
    const placed = placeWindowWords(words, { start: 100, end: 106 }, []);
    expect(placed.map((w) => w.text)).toEqual([
      'Hello',
      'world.',
      'This',
      'is',
      'a',
      'scripted',
      'fixture.',
    ]);
    expect(placed.at(-1)).toEqual({ text: 'fixture.', start: 104.48, end: 105 });
    await multi.dispose();
  });

  it('keeps a null end time from the library, and windowing fills it in', async () => {
    env.localModelPath = root + path.sep;
    const asr = await pipeline('automatic-speech-recognition', 'fixture-en');
    // cut generation short: the last word then has no following timestamp token → end null
    const output = await asr(tone(10), { return_timestamps: 'word', max_new_tokens: 2 });
    await asr.dispose();
    const words = wordsFromChunks(output.chunks ?? []);
    expect(words.at(-1)?.end).toBeNull();
    const last = words.at(-1);
    const placed = placeWindowWords(words, { start: 30, end: 40 }, [{ start: 30.1, end: 33.3 }]);
    expect(placed.at(-1)).toEqual({
      text: last?.text,
      start: 30 + (last?.start ?? NaN),
      end: 33.3,
    });
  });
});

describe('TranscriberSlot', () => {
  it('keeps one pipeline: the same model is shared, a new model disposes the old one', async () => {
    const disposed: string[] = [];
    const fake = (id: string): WhisperTranscriber =>
      ({
        modelId: id,
        dispose: () => Promise.resolve(void disposed.push(id)),
      }) as unknown as WhisperTranscriber;
    const load = vi.fn((id: string) => Promise.resolve(fake(id)));
    const slot = new TranscriberSlot(load);
    const [a, b] = await Promise.all([slot.get('base'), slot.get('base')]);
    expect(a).toBe(b);
    expect(load).toHaveBeenCalledTimes(1);
    await slot.get('tiny');
    expect(disposed).toEqual(['base']);
    expect(slot.modelId).toBe('tiny');
  });

  it('forgets a failed load so the next request retries', async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(new Error('broken'))
      .mockResolvedValueOnce({ modelId: 'm' });
    const slot = new TranscriberSlot(load);
    await expect(slot.get('m')).rejects.toThrow('broken');
    await expect(slot.get('m')).resolves.toMatchObject({ modelId: 'm' });
  });
});

describe('broken model folders fail with the file named and the fix', () => {
  const broken = (name: string, damage: (dir: string) => void): string => {
    const dir = path.join(freshGeneratedDir(`transcriber-broken-${name}`), 'model');
    makeFixture(dir, { segments });
    damage(dir);
    return dir;
  };
  const load = (dir: string) => loadLocalWhisper(dir, { modelsRoot: path.dirname(dir), fix: FIX });

  it('missing folder', async () => {
    await expect(load('/nonexistent/whisper-base.en')).rejects.toThrow(
      /no model folder at \/nonexistent\/whisper-base\.en\. Fix: run npm run models/,
    );
  });

  it('missing file', async () => {
    const dir = broken('missing', (d) => fs.rmSync(path.join(d, 'onnx', 'encoder_model.onnx')));
    await expect(load(dir)).rejects.toThrow(
      /onnx\/encoder_model\.onnx is missing in .*model\. Fix: run npm run models/,
    );
  });

  it('partial (truncated) ONNX file', async () => {
    const dir = broken('partial', (d) => {
      const file = path.join(d, 'onnx', 'decoder_model_merged.onnx');
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    });
    await expect(load(dir)).rejects.toThrow(/onnx\/decoder_model_merged\.onnx in .* is truncated/);
  });

  it('corrupt JSON and junk ONNX', async () => {
    const json = broken('json', (d) =>
      fs.writeFileSync(path.join(d, 'tokenizer.json'), '{"version": '),
    );
    await expect(load(json)).rejects.toThrow(/tokenizer\.json in .* is corrupt \(not valid JSON\)/);
    const junk = broken('junk', (d) =>
      fs.writeFileSync(path.join(d, 'onnx', 'encoder_model.onnx'), 'not a model at all'),
    );
    await expect(load(junk)).rejects.toThrow(
      /onnx\/encoder_model\.onnx in .* is (truncated|not an ONNX model)/,
    );
  });
});
