/**
 * How a written token becomes recogniser words: as written (punctuated transcripts), or as raw
 * ASR text — lower case, no punctuation, symbols spoken ("40%" → "40 percent") — plus a syllable
 * estimate that drives the word's duration.
 */

/** Renders a written token as raw ASR words (possibly several, possibly none). */
export function asrWords(token: string): string[] {
  let text = token.toLowerCase();
  const dollars = /^\$([\d.,]+)([km]?)/.exec(text);
  if (dollars) text = `${dollars[1]}${dollars[2]} dollars${text.slice(dollars[0].length)}`;
  text = text
    .replace(/%/g, ' percent')
    .replace(/&/g, ' and ')
    .replace(/[/+]/g, ' ')
    .replace(/(\d)\.(\d)/g, '$1§$2') // keep decimal points
    .replace(/[^\p{L}\p{N}'\-\s§]/gu, ' ')
    .replace(/§/g, '.');
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Renders a written token as a punctuated recogniser word (as written; dashes dropped). */
export function punctuatedWords(token: string): string[] {
  return /[\p{L}\p{N}]/u.test(token) ? [token] : [];
}

/**
 * Rough syllable count of a word, for timing only: vowel groups for words, about 1.3 per digit
 * for numerals ("2022" ≈ "twenty twenty-two"), one per letter for short all-capital acronyms.
 */
export function syllables(word: string): number {
  const core = word.replace(/[^\p{L}\p{N}]/gu, '');
  if (core.length === 0) return 1;
  let count = 0;
  const digits = core.replace(/\D/g, '').length;
  count += Math.round(digits * 1.3);
  const letters = core.replace(/\d/g, '');
  if (letters.length === 0) return Math.max(1, count);
  if (/^[A-Z]{2,5}s?$/.test(letters) || (digits > 0 && letters.length <= 2)) {
    return count + letters.replace(/s$/, '').length;
  }
  const lower = letters.toLowerCase();
  const groups = lower.match(/[aeiouy]+/g)?.length ?? 1;
  const silentE = lower.length > 3 && /[^aeiouy]e$/.test(lower) && !/le$/.test(lower) ? 1 : 0;
  return count + Math.max(1, groups - silentE);
}
