/**
 * Finds numbers in normalised tokens, written as digits ("40%", "1,200", "$3m", "2.5x") or
 * spoken ("forty percent", "three hundred", "two point five", "one in three", "half").
 */

import { readFraction } from './fractions';

/** A number found in the transcript. */
export interface NumberMention {
  /** Token indices (inclusive). */
  first: number;
  last: number;
  value: number;
  /** A unit glued to the digits: "%", "ms", "x", "k", "m", "s", "$"… ("" when none). */
  suffix: string;
  /** Four-digit year-like value (1950–2039) with no unit. */
  yearLike: boolean;
}

const ONES: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  k: 1e3,
  grand: 1e3,
};
/** Multipliers that state a measured change by themselves: "doubled throughput". */
const MULTIPLIERS: Readonly<Record<string, number>> = {
  twice: 2,
  double: 2,
  doubled: 2,
  tripled: 3,
  triple: 3,
  halved: 0.5,
  quadrupled: 4,
  tenfold: 10,
};

const TIME_UNIT = /^(second|minute|hour|day|week|month|year)$/;
/** Words before "a/an <time unit>" that make it a measured value rather than an article. */
const ONE_BEFORE =
  /^(from|to|about|around|under|over|than|roughly|nearly|almost|within|just|only)$/;

const DIGITS =
  /^([$£€])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(%|ms|s|x|k|m|mb|gb|tb|bn|b|m?s|h|pct|qps|rps)?$/;

function wordValue(w: string): number | undefined {
  const direct = ONES[w] ?? TENS[w];
  if (direct !== undefined || !w.includes('-')) return direct;
  // "ninety-nine", "twenty-five": a tens word and a ones word joined by a hyphen.
  const [tens, ones, extra] = w.split('-');
  const t = TENS[tens ?? ''];
  const o = ONES[ones ?? ''];
  return t !== undefined && o !== undefined && o < 10 && extra === undefined ? t + o : undefined;
}

/**
 * Whether a word number continues the number read so far: "forty two", "three hundred twenty",
 * "two thousand five" do; "five four" or "twenty thirty" start a new number.
 */
function canAppend(seen: boolean, current: number, total: number, small: number): boolean {
  if (!seen) return true;
  const tail = current % 100;
  if (current === 0) return total > 0;
  if (tail === 0) return current >= 100;
  return tail >= 20 && tail % 10 === 0 && small < 10;
}

/**
 * Reads a spoken number starting at token i. Returns its value and the index of its last token,
 * or undefined when no number starts there. Handles "forty two", "three hundred and twenty",
 * "two point five", "a hundred", "1.5 million".
 */
function readSpoken(
  words: readonly string[],
  i: number,
): { value: number; last: number } | undefined {
  let j = i;
  let total = 0;
  let current = 0;
  let seen = false;
  if (words[j] === 'a' && SCALES[words[j + 1] ?? ''] !== undefined && words[j + 1] !== 'k') {
    current = 1;
    seen = true;
    j++;
  }
  for (; j < words.length; j++) {
    const w = words[j] ?? '';
    const small = wordValue(w);
    const digit = /^\d+(\.\d+)?$/.test(w) ? Number(w) : undefined;
    if (small !== undefined) {
      if (!canAppend(seen, current, total, small)) break;
      current += small;
      seen = true;
    } else if (digit !== undefined && !seen) {
      current = digit;
      seen = true;
    } else if (seen && SCALES[w] !== undefined) {
      const scale = SCALES[w] ?? 1;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (seen && w === 'and' && words[j + 1] === 'a' && words[j + 2] === 'half') {
      // "one and a half seconds"
      current += 0.5;
      j += 2;
    } else if (
      seen &&
      w === 'and' &&
      (current >= 100 || total > 0) &&
      wordValue(words[j + 1] ?? '') !== undefined
    ) {
      continue;
    } else if (seen && w === 'point' && wordValue(words[j + 1] ?? '') !== undefined) {
      // Decimals are read digit by digit: "two point five" → 2.5, "one point two five" → 1.25;
      // "ninety nine point ninety five" reads the tens word whole.
      let frac = '';
      let k = j + 1;
      const tens = wordValue(words[k] ?? '') ?? 0;
      if (tens >= 10) {
        current += Number(`0.${tens}`);
        j = k;
        continue;
      }
      while (
        k < words.length &&
        ONES[words[k] ?? ''] !== undefined &&
        (ONES[words[k] ?? ''] ?? 10) < 10
      ) {
        frac += String(ONES[words[k] ?? '']);
        k++;
      }
      if (!frac) break;
      current += Number(`0.${frac}`);
      j = k - 1;
    } else break;
  }
  if (!seen) return undefined;
  return { value: total + current, last: j - 1 };
}

/** Finds every number mention in the normalised words. */
export function findNumbers(words: readonly string[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const fraction = readFraction(words, i);
    if (fraction) {
      out.push({ first: i, ...fraction, yearLike: false });
      i = fraction.last;
      continue;
    }
    const digits = DIGITS.exec(w);
    if (digits) {
      const value = Number((digits[2] ?? '0').replace(/,/g, ''));
      let suffix = digits[3] ?? (digits[1] ? '$' : '');
      let last = i;
      // "1.5 million", "3 hundred"
      const scale = SCALES[words[i + 1] ?? ''];
      let scaled = value;
      if (scale !== undefined && !suffix) {
        scaled = value * scale;
        last = i + 1;
      }
      if (digits[1]) suffix = suffix === '$' ? '$' : `$${suffix}`;
      const yearLike = !suffix && Number.isInteger(value) && value >= 1950 && value <= 2039;
      out.push({ first: i, last, value: scaled, suffix, yearLike });
      i = last;
      continue;
    }
    if (w.includes('-')) {
      const hyphenated = readHyphenated(w);
      if (hyphenated) {
        out.push({ first: i, last: i, ...hyphenated, yearLike: false });
        continue;
      }
    }
    if (MULTIPLIERS[w] !== undefined) {
      out.push({ first: i, last: i, value: MULTIPLIERS[w] ?? 1, suffix: 'x', yearLike: false });
      continue;
    }
    // "from about an hour to twenty minutes": "an hour" is one hour.
    if (
      (w === 'a' || w === 'an') &&
      TIME_UNIT.test(words[i + 1] ?? '') &&
      ONE_BEFORE.test(words[i - 1] ?? '')
    ) {
      out.push({ first: i, last: i, value: 1, suffix: '', yearLike: false });
      continue;
    }
    // "a" alone is not a number; readSpoken only accepts it before a scale word.
    const spoken = readSpoken(words, i);
    if (spoken && !(w === 'one' && !isCountedOne(words, i, spoken.last))) {
      let last = spoken.last;
      let value = spoken.value;
      let suffix = '';
      // "one in three", "two out of five": a rate.
      if (
        (words[last + 1] === 'in' || words[last + 1] === 'out') &&
        words[last + 1] !== undefined
      ) {
        const offset = words[last + 1] === 'out' && words[last + 2] === 'of' ? 3 : 2;
        const denom = readSpoken(words, last + offset);
        if (denom && denom.value > 0) {
          value = value / denom.value;
          last = denom.last;
          suffix = 'ratio';
        }
      }
      out.push({ first: i, last, value, suffix, yearLike: false });
      i = last;
    }
  }
  return out;
}

/**
 * "one" is mostly a pronoun or article ("one of the services", "the one thing"). Count it only
 * when a scale, unit-like word or "in/out of" ratio follows.
 */
function isCountedOne(words: readonly string[], i: number, last: number): boolean {
  if (last > i) return true;
  const next = words[i + 1] ?? '';
  return /^(in|out|percent|second|seconds|minute|minutes|hour|hours|day|days|millisecond|milliseconds|ms|person|engineer|incident|outage|x|dollar|dollars)$/.test(
    next,
  );
}

const HYPHEN_UNIT =
  /^(ms|millisecond|second|minute|hour|day|week|month|year|quarter|sprint|percent|x|fold|times|person|people|engineer|node|server|gb|tb|mb|k|dollar|million|billion|thousand|hundred)s?$/;

/** "forty-two" → 42; "ten-minute" → 10 with suffix "minute"; "2-second" → 2 with "second". */
function readHyphenated(word: string): { value: number; suffix: string } | undefined {
  const parts = word.split('-').filter((p) => p.length > 0);
  const spoken = readSpoken(parts, 0);
  const lead = /^\d+(\.\d+)?$/.test(parts[0] ?? '') ? Number(parts[0]) : undefined;
  const suffix = parts.slice((spoken?.last ?? 0) + 1).join('-');
  // Only a unit after the hyphen makes a number ("ten-minute"); "zero-result", "one-off" are words.
  if (!HYPHEN_UNIT.test(suffix)) return undefined;
  if (spoken) return { value: spoken.value, suffix };
  if (lead !== undefined) return { value: lead, suffix };
  return undefined;
}
