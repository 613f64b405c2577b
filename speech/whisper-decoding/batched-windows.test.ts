import { describe, expect, it } from 'vitest';
import { keptTokens } from './batched-windows';

// ids as in English-only Whisper: end-of-text 50256, timestamps from 50364 (<|0.00|>)
const ids = { eos: 50256, timestampBegin: 50364 };
const t = (seconds: number) => ids.timestampBegin + Math.round(seconds / 0.02);

describe('keptTokens: what transformers.js keeps of a window decoded from its start', () => {
  it('keeps a complete output without its end-of-text', () => {
    const generated = [t(0), 10, 11, t(2), t(2), 12, t(4), ids.eos];
    expect(keptTokens(generated, ids)).toEqual(generated.slice(0, -1));
  });

  it('keeps an output with no segment boundary, even unclosed', () => {
    expect(keptTokens([t(0), 10, 11, ids.eos], ids)).toEqual([t(0), 10, 11]);
  });

  it('asks for the single path when the output ends inside a segment after a boundary', () => {
    // the library would decode again from 2.00 s: the batch cannot reproduce that
    expect(keptTokens([t(0), 10, t(2), t(2), 12, ids.eos], ids)).toBeNull();
  });

  it('keeps nothing from an immediate end-of-text, and caps timestamps at the window end', () => {
    expect(keptTokens([ids.eos], ids)).toEqual([]);
    expect(keptTokens([t(0), 10, ids.timestampBegin + 1600], ids)).toEqual([
      t(0),
      10,
      ids.timestampBegin + 1500,
    ]);
  });
});
