import { describe, expect, it } from 'vitest';
import type { TimedWord } from '../core/transcript';
import { collapseRepetitionLoops, dropPhrasesOverSilence } from './hallucinations';

const words = (text: string, start = 0, step = 0.3): TimedWord[] =>
  text
    .split(' ')
    .map((t, i) => ({ text: t, start: start + i * step, end: start + (i + 1) * step }));
const texts = (ws: TimedWord[]): string => ws.map((w) => w.text).join(' ');

describe('silence hallucinations', () => {
  it('drops "Thanks for watching!" said where VAD heard no speech', () => {
    const said = [...words('I shipped it.', 0), ...words('Thanks for watching!', 5)];
    expect(texts(dropPhrasesOverSilence(said, [{ start: 0, end: 1 }]))).toBe('I shipped it.');
  });

  it('keeps a "thank you" that was really spoken', () => {
    const said = words('Thank you.', 2);
    expect(texts(dropPhrasesOverSilence(said, [{ start: 1.9, end: 2.7 }]))).toBe('Thank you.');
  });

  it('collapses a phrase looped four or more times, keeps ordinary repetition', () => {
    expect(
      texts(collapseRepetitionLoops(words('and then and then and then and then we stopped'))),
    ).toBe('and then we stopped');
    expect(texts(collapseRepetitionLoops(words('it was very very fast')))).toBe(
      'it was very very fast',
    );
    expect(texts(collapseRepetitionLoops(words('I. I. I. I. I. I.')))).toBe('I.');
  });
});
