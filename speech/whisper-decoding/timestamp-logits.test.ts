import { Tensor, WhisperTimeStampLogitsProcessor } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import {
  applyTimestampRule,
  isTimestampProcessor,
  logSumExp,
  useFastTimestampRule,
} from './timestamp-logits';

// whisper-base.en's token layout: text below 50256, <|notimestamps|> 50362, timestamps from 50363
const VOCAB = 51864;
const CONFIG = {
  eos_token_id: 50256,
  no_timestamps_token_id: 50362,
  max_initial_timestamp_index: 50,
};
const INIT = [50257, 50362];

/** A seeded generator so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function logitsRow(next: () => number, timestampBoost: number): Tensor {
  const data = Float32Array.from(
    { length: VOCAB },
    (_, i) => next() * 8 + (i >= 50363 ? timestampBoost : 0),
  );
  return new Tensor('float32', data, [1, VOCAB]);
}

describe('applyTimestampRule', () => {
  it('masks exactly what transformers.js’s WhisperTimeStampLogitsProcessor masks', () => {
    const next = random(7);
    const library = new WhisperTimeStampLogitsProcessor(CONFIG as never, INIT);
    let masked = 0;
    for (let trial = 0; trial < 300; trial++) {
      // sequences after the prompt: empty, text, text then timestamp, two timestamps, …
      const tail = Array.from({ length: trial % 5 }, () =>
        BigInt(next() < 0.4 ? 50363 + Math.floor(next() * 1500) : Math.floor(next() * 50000)),
      );
      const ids = [[...INIT.map(BigInt).slice(0, 1), ...tail]];
      // boosts around the tipping point exercise both outcomes of the timestamp test
      const boost = -4 + next() * 8;
      const ours = logitsRow(random(trial), boost);
      const theirs = logitsRow(random(trial), boost);
      applyTimestampRule(library as never, ids, ours as never);
      (library as unknown as (i: bigint[][], l: Tensor) => Tensor)(ids, theirs);
      const a = ours.data as Float32Array;
      const b = theirs.data as Float32Array;
      const firstDifference = a.findIndex((value, i) => !Object.is(value, b[i]));
      expect(firstDifference).toBe(-1);
      if ((ours.data as Float32Array)[100] === -Infinity) masked++;
    }
    // both outcomes happened: some steps forced a timestamp, others did not
    expect(masked).toBeGreaterThan(20);
    expect(masked).toBeLessThan(280);
  });

  it('is recognised on the library’s processor and installed through _get_logits_processor', () => {
    const library = new WhisperTimeStampLogitsProcessor(CONFIG as never, INIT);
    expect(isTimestampProcessor(library)).toBe(true);
    expect(isTimestampProcessor({ timestamp_begin: 1 })).toBe(false);
    const model = { _get_logits_processor: () => ({ processors: [library] }) };
    const before: unknown = Reflect.get(library, '_call');
    useFastTimestampRule(model);
    model._get_logits_processor();
    expect(Reflect.get(library, '_call')).not.toBe(before);
  });

  it('computes log-sum-exp stably, and -Infinity for an all-masked range', () => {
    expect(logSumExp(Float32Array.of(1000, 1000))).toBeCloseTo(1000 + Math.log(2), 6);
    expect(logSumExp(Float32Array.of(-Infinity, -Infinity))).toBe(-Infinity);
  });
});
