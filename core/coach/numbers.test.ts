import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers';

const read = (text: string) =>
  findNumbers(text.split(' ')).map((n) => ({
    value: Math.round(n.value * 1000) / 1000,
    suffix: n.suffix,
  }));

describe('findNumbers', () => {
  it('reads digits with units glued on', () => {
    expect(read('p99 was 800ms and errors 2.5% on $3m')).toEqual([
      { value: 800, suffix: 'ms' },
      { value: 2.5, suffix: '%' },
      { value: 3, suffix: '$m' },
    ]);
  });

  it('reads spoken compounds, scales and decimals', () => {
    expect(read('about forty two percent')).toEqual([{ value: 42, suffix: '' }]);
    expect(read('three hundred and twenty milliseconds')).toEqual([{ value: 320, suffix: '' }]);
    expect(read('two point five seconds')).toEqual([{ value: 2.5, suffix: '' }]);
    expect(read('a hundred and twenty services')).toEqual([{ value: 120, suffix: '' }]);
    expect(read('1.5 million users')).toEqual([{ value: 1_500_000, suffix: '' }]);
    expect(read('ninety-nine point ninety-five')).toEqual([{ value: 99.95, suffix: '' }]);
  });

  it('reads rates and measuring fractions', () => {
    expect(read('one in three checkouts')).toEqual([{ value: 0.333, suffix: 'ratio' }]);
    expect(read('cut it in half')).toEqual([{ value: 0.5, suffix: 'fraction' }]);
    expect(read('it doubled')).toEqual([{ value: 2, suffix: 'x' }]);
  });

  it('reads hyphenated units and keeps hyphenated words that are not numbers', () => {
    expect(read('a ten-minute token')).toEqual([{ value: 10, suffix: 'minute' }]);
    expect(read('the zero-result rate')).toEqual([]);
  });

  it('does not take "one" used as a pronoun, or two numbers in a row, as one number', () => {
    expect(read('one of the services')).toEqual([]);
    expect(read('five four')).toEqual([
      { value: 5, suffix: '' },
      { value: 4, suffix: '' },
    ]);
  });

  it('marks years', () => {
    expect(findNumbers(['in', '2022'])[0]?.yearLike).toBe(true);
  });
});

describe('findNumbers: fractions said as amounts', () => {
  it('reads "a third more", "three quarters" and "half a second"', () => {
    expect(read('roughly a third more revenue')).toEqual([{ value: 0.333, suffix: 'fraction' }]);
    expect(read('dropped by three quarters')).toEqual([{ value: 0.75, suffix: 'fraction' }]);
    expect(read('under half a second')).toEqual([{ value: 0.5, suffix: 'second' }]);
  });

  it('leaves quarters of a year alone', () => {
    expect(read('for three quarters of the year').map((n) => n.suffix)).not.toContain('fraction');
  });
});
