import { Tensor, WhisperForConditionalGeneration } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { medianOfSeven } from './median';
import { useFastTokenTimestamps, type WhisperModelInternals } from './use-token-timestamps';

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

/**
 * Cross-attention as generate() returns it: per step, per layer [1, heads, tokens, frames].
 * `speech`: attention peaks that move forward with the tokens (as real alignment heads'),
 * over noise; otherwise noise only.
 */
function generateOutputs(steps: number, seed: number, speech = false, deadFrames = false) {
  const next = seeded(seed);
  const cross_attentions = Array.from({ length: steps }, (_, step) =>
    Array.from({ length: LAYERS }, () => {
      const tokens = step === 0 ? 3 : 1; // the prompt, then one token a step
      const peak = Math.round((step / steps) * FRAMES * 0.7);
      const data = Float32Array.from({ length: HEADS * tokens * FRAMES }, (_, i) => {
        const distance = Math.abs((i % FRAMES) - peak);
        // frames no token attends to: 0/0 = NaN once standardised; a few exact zeros too
        if (deadFrames && (i % FRAMES) % 97 < 3)
          return (i % FRAMES) % 97 === 0 ? 0 : next() < 0.5 ? 0 : -0;
        return next() * 0.1 + (speech ? Math.exp(-distance / 20) : 0);
      });
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

/** A model whose own (library) method counts its calls, to tell the fast path from the fallback. */
function model(): WhisperModelInternals & { libraryCalls: number } {
  const m = {
    config: { decoder_layers: LAYERS, median_filter_width: 7 },
    libraryCalls: 0,
    _extract_token_timestamps(this: unknown, ...args: Parameters<Extract>) {
      m.libraryCalls++;
      return libraryExtract.apply(this, args);
    },
  };
  return m;
}

describe('useFastTokenTimestamps', () => {
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
      speech: true,
    },
    {
      name: 'the same heads over noise',
      heads: [
        [3, 1],
        [4, 2],
        [5, 4],
      ],
      frames: 1100,
      speech: false,
    },
    { name: 'one head, no frame limit', heads: [[0, 0]], frames: null, speech: true },
    {
      name: 'dead frames (NaN and signed zeros in the median filter)',
      heads: [
        [3, 1],
        [5, 4],
      ],
      frames: 1100,
      speech: true,
      deadFrames: true,
    },
    {
      name: 'a repeated head, unordered',
      heads: [
        [5, 6],
        [2, 0],
        [5, 6],
        [0, 7],
      ],
      frames: 700,
      speech: true,
    },
  ] as const;

  for (const testCase of cases) {
    const { name, heads, frames, speech } = testCase;
    it(`gives the library's timestamps exactly: ${name}`, () => {
      const outputs = generateOutputs(40, heads.length, speech, 'deadFrames' in testCase);
      const expected = libraryExtract.call(model(), outputs, heads, frames, 0.02, 3) as Tensor;
      const fast = model();
      useFastTokenTimestamps(fast);
      const actual = fast._extract_token_timestamps?.(outputs, heads, frames, 0.02, 3) as Tensor;
      expect(fast.libraryCalls).toBe(0); // computed here, not handed back to the library
      expect(actual.dims).toEqual(expected.dims);
      expect(Array.from(actual.data as Float32Array)).toEqual(
        Array.from(expected.data as Float32Array),
      );
      // and they are real timestamps, not all zero (NaN from dead frames poisons the warp in both)
      if (!('deadFrames' in testCase))
        expect(Math.max(...(actual.data as Float32Array))).toBeGreaterThan(0);
    });
  }

  it('leaves out-of-range heads to the library’s own error', () => {
    const fast = model();
    useFastTokenTimestamps(fast);
    expect(() =>
      fast._extract_token_timestamps?.(generateOutputs(2, 1), [[9, 0]], 100, 0.02, 3),
    ).toThrow(/out of bounds/);
    expect(fast.libraryCalls).toBe(1);
  });
});

describe('medianOfSeven', () => {
  const permutations = (values: number[]): number[][] =>
    values.length <= 1
      ? [values]
      : values.flatMap((v, i) =>
          permutations([...values.slice(0, i), ...values.slice(i + 1)]).map((p) => [v, ...p]),
        );
  const median = (values: number[]): number => Float32Array.from(values).sort()[3] ?? NaN;

  it('is the middle value of every ordering of seven values, with ties and infinities', () => {
    const cases = [
      [1, 2, 3, 4, 5, 6, 7],
      [-3, -1, 2, 2, 2, 8, 9],
      [-Infinity, 0.5, 0.5, 1, Infinity, Infinity, -2],
    ];
    for (const values of cases)
      for (const p of permutations(values)) {
        const [a, b, c, d, e, f, g] = p as [number, number, number, number, number, number, number];
        expect(medianOfSeven(a, b, c, d, e, f, g)).toBe(median(values));
      }
  });

  it('leaves NaN and zeros to the library-order path (NaN)', () => {
    expect(medianOfSeven(1, 2, NaN, 4, 5, 6, 7)).toBeNaN();
    expect(medianOfSeven(1, 2, -0, 4, 5, 6, 7)).toBeNaN();
    // the smallest float32 magnitudes: their product is still no zero in double precision
    const tiny = Math.fround(1e-45);
    expect(medianOfSeven(tiny, tiny, tiny, tiny, tiny, tiny, tiny)).toBe(tiny);
  });
});
