import fs from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSpeechClip } from '../../scripts/fixture-model/speech-audio';
import { freshGeneratedDir } from '../../scripts/fixture-model/test-support';
import { readAudioFile } from '../node/audio-file';
import { loadSileroVadNode, sileroModelPath } from '../node/silero-node';
import { VAD_FRAME_SAMPLES } from '../vad';
import { sileroSequenceModel } from './silero-sequence-model';

/** Per-frame probabilities from the shipped model, one run per frame (as @ricky0123/vad-web does). */
async function shippedModelProbabilities(samples: Float32Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(fs.readFileSync(sileroModelPath()), {
    intraOpNumThreads: 1,
  });
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  let state: ort.Tensor = new ort.Tensor('float32', new Float32Array(256), [2, 1, 128]);
  let context = new Float32Array(64);
  const frames = Math.floor(samples.length / VAD_FRAME_SAMPLES);
  const probabilities = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const frame = samples.subarray(i * VAD_FRAME_SAMPLES, (i + 1) * VAD_FRAME_SAMPLES);
    const input = new Float32Array(64 + VAD_FRAME_SAMPLES);
    input.set(context);
    input.set(frame, 64);
    context = frame.slice(-64);
    const out = await session.run({ input: new ort.Tensor('float32', input, [1, 576]), state, sr });
    probabilities[i] = (out.output?.data as Float32Array)[0] ?? NaN;
    if (!out.stateN) throw new Error('no stateN');
    state = out.stateN;
  }
  await session.release();
  return probabilities;
}

describe('Silero VAD v5 rewired to score many frames per run', () => {
  let samples: Float32Array;
  let shipped: Float32Array;

  beforeAll(async () => {
    const clip = makeSpeechClip(freshGeneratedDir('silero-sequence'), 'speech', [
      { silence: 0.4 },
      { say: 'I owned the billing rewrite end to end.' },
      { silence: 0.9 },
      { say: 'Latency fell by sixty percent, and on-call pages halved.' },
      { silence: 0.6 },
    ]);
    samples = (await readAudioFile(clip.wav)).samples;
    shipped = await shippedModelProbabilities(samples);
  });

  it('gives the shipped model’s probabilities, whatever the push sizes', async () => {
    const vad = await loadSileroVadNode();
    // one push (runs of up to 256 frames), odd sizes (runs of 0–9 frames), single frames
    const pushSizes = [samples.length, 2731, VAD_FRAME_SAMPLES];
    for (const size of pushSizes) {
      const stream = vad.createStream();
      const frames = [];
      for (let offset = 0; offset < samples.length; offset += size)
        frames.push(...(await stream.push(samples.subarray(offset, offset + size))));
      expect(frames.map((f) => f.index)).toEqual(Array.from(shipped, (_, i) => i));
      const worst = Math.max(
        ...frames.map((f, i) => Math.abs(f.probability - (shipped[i] ?? NaN))),
      );
      // MatMuls sum in another order than the shipped Convs: float rounding only (3.8e-6 at most
      // over the 3-minute benchmark rehearsal, no frame crossing a threshold)
      expect(worst).toBeLessThan(1e-5);
    }
    // and it heard the speech: the clip is not silence scored as silence by both
    expect(Math.max(...shipped)).toBeGreaterThan(0.9);
    await vad.release();
  });

  it('rejects a model that is not Silero v5, naming what is missing', () => {
    const legacy = fs.readFileSync(sileroModelPath().replace('silero_vad_v5', 'silero_vad_legacy'));
    expect(() => sileroSequenceModel(new Uint8Array(legacy))).toThrow(
      /Not a Silero VAD v5 model .*stft\.forward_basis_buffer/,
    );
    expect(() => sileroSequenceModel(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
