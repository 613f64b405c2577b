import { Tensor, WhisperForConditionalGeneration } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { useCompactCrossAttentions, type WhisperModelInternals } from './compact-cross-attentions';

const LAYERS = 6;
const HEADS = 8;
const FRAMES = 1500;

type Extract = NonNullable<WhisperModelInternals['_extract_token_timestamps']>;
const libraryExtract = (
  WhisperForConditionalGeneration.prototype as unknown as { _extract_token_timestamps: Extract }
)._extract_token_timestamps;

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** Cross-attention as generate() returns it: per step, per layer [1, heads, tokens, frames]. */
function generateOutputs(steps: number, seed: number) {
  const next = seeded(seed);
  const cross_attentions = Array.from({ length: steps }, (_, step) =>
    Array.from({ length: LAYERS }, () => {
      const tokens = step === 0 ? 3 : 1; // the prompt, then one token a step
      const data = Float32Array.from({ length: HEADS * tokens * FRAMES }, () => next());
      return new Tensor('float32', data, [1, HEADS, tokens, FRAMES]);
    }),
  );
  const length = steps + 3; // the prompt, one token a step, and the last token (no step of its own)
  const sequences = new Tensor(
    'int64',
    BigInt64Array.from({ length }, (_, i) => BigInt(i)),
    [1, length],
  );
  return { cross_attentions, sequences };
}

function model(): WhisperModelInternals {
  return {
    config: { decoder_layers: LAYERS, median_filter_width: 7 } as { decoder_layers: number },
    _extract_token_timestamps: libraryExtract,
  };
}

describe('useCompactCrossAttentions', () => {
  const cases = [
    {
      name: 'whisper-base.en-like heads, cropped to a 22-s window',
      heads: [
        [3, 1],
        [4, 2],
        [4, 3],
        [4, 7],
        [5, 1],
        [5, 2],
        [5, 4],
        [5, 6],
      ],
      frames: 1100,
    },
    { name: 'one head, no frame limit', heads: [[0, 0]], frames: null },
    {
      name: 'a repeated head, unordered',
      heads: [
        [5, 6],
        [2, 0],
        [5, 6],
        [0, 7],
      ],
      frames: 700,
    },
  ] as const;

  for (const { name, heads, frames } of cases) {
    it(`gives the library's timestamps exactly: ${name}`, () => {
      const outputs = generateOutputs(40, heads.length);
      const expected = libraryExtract.call(model(), outputs, heads, frames, 0.02, 3) as Tensor;
      const fast = model();
      useCompactCrossAttentions(fast);
      const actual = fast._extract_token_timestamps?.(outputs, heads, frames, 0.02, 3) as Tensor;
      expect(actual.dims).toEqual(expected.dims);
      expect(Array.from(actual.data as Float32Array)).toEqual(
        Array.from(expected.data as Float32Array),
      );
      // and they are real timestamps, not all zero
      expect(Math.max(...(actual.data as Float32Array))).toBeGreaterThan(0);
    });
  }

  it('leaves out-of-range heads to the library’s own error', () => {
    const fast = model();
    useCompactCrossAttentions(fast);
    expect(() =>
      fast._extract_token_timestamps?.(generateOutputs(2, 1), [[9, 0]], 100, 0.02, 3),
    ).toThrow(/out of bounds/);
  });
});
