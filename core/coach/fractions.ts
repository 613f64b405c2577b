/**
 * Fractions in their measuring forms: "cut in half", "a third of the cost", "roughly a third
 * more revenue", "dropped by three quarters", "half a second". Quarters of a year and "half of
 * the team" said as a portion are left alone.
 */

/** Fractions spoken on their own. */
const FRACTIONS: Readonly<Record<string, number>> = {
  half: 0.5,
  third: 1 / 3,
  quarter: 0.25,
};
/** Time units "half a …" can measure. */
const TIME_UNIT = /^(second|minute|hour|day|week|month|year)$/;
/** Words after a fraction that make it an amount compared ("a third more revenue"). */
const COMPARED_AMOUNT =
  /^(of|more|less|fewer|faster|slower|cheaper|higher|lower|smaller|bigger|off)$/;
/** Words before a fraction that make it a measured change ("by a third", "roughly a quarter"). */
const FRACTION_LEAD = /^(by|than|roughly|about|around|nearly|almost|over|under|only|just|cut|to)$/;

/** A fraction read at word i: its value, last word and unit suffix. */
export interface FractionReading {
  last: number;
  value: number;
  suffix: string;
}

/** Reads a fraction starting at word i, or undefined when the words there are not one. */
export function readFraction(words: readonly string[], i: number): FractionReading | undefined {
  const w = words[i] ?? '';
  const next = words[i + 1] ?? '';
  const prev = words[i - 1] ?? '';
  // "two thirds", "three quarters" said as an amount, not as quarters of a year.
  const pair =
    w === 'two' && next === 'thirds'
      ? 2 / 3
      : w === 'three' && next === 'quarters'
        ? 0.75
        : undefined;
  if (pair !== undefined) {
    const ofAmount = words[i + 2] === 'of' && !/^(the|a|this|that|last)$/.test(words[i + 3] ?? '');
    if (FRACTION_LEAD.test(prev) || ofAmount || next === 'thirds')
      return { last: i + 1, value: pair, suffix: 'fraction' };
    return undefined;
  }
  // "half a second": a time said as a fraction of its unit.
  if (w === 'half' && /^(a|an)$/.test(next) && TIME_UNIT.test(words[i + 2] ?? ''))
    return { last: i + 2, value: 0.5, suffix: words[i + 2] ?? '' };
  const value = FRACTIONS[w];
  if (value === undefined) return undefined;
  const measuring =
    (w === 'half' && /^(in|by|a|one)$/.test(prev) && words[i - 2] !== 'and') ||
    (w !== 'half' &&
      /^(a|one)$/.test(prev) &&
      (COMPARED_AMOUNT.test(next) || FRACTION_LEAD.test(words[i - 2] ?? '')));
  return measuring ? { last: i, value, suffix: 'fraction' } : undefined;
}
