/**
 * Medians for the word-timing median filter (./token-timestamps.ts), ordered exactly as the
 * library's `Float32Array.prototype.sort` orders values (NaN last, -0 before +0).
 */

/**
 * The median of seven values by a sorting network on locals (no array writes): the filter's
 * usual case. The filter runs over every alignment head, token and frame (5 heads on
 * whisper-base.en); with this, word timing for 8 windows × 5 heads × 75 tokens took 253–310 ms
 * here instead of 447–572 ms (insertion sort of a window array, kept below for the rest).
 * NaN when a value is NaN or a zero, for the caller to order them as the library's sort does.
 */
export function medianOfSeven(
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
  f: number,
  g: number,
): number {
  // NaN compares false and ±0 compare equal: both go to the library-order path (a product is
  // NaN with a NaN, 0 with a zero; seven float32 magnitudes cannot underflow a double to 0)
  const product = a * b * c * d * e * f * g;
  if (product !== product || product === 0) return NaN;
  let t: number;
  // Knuth's optimal 7-input sorting network (TAOCP 5.3.4), pruned to what decides the middle
  // output: 14 compare-exchanges, some one-sided (checked over all 5,040 orderings in the tests)
  if (a > g) {
    t = a;
    a = g;
    g = t;
  }
  if (c > d) {
    t = c;
    c = d;
    d = t;
  }
  if (e > f) {
    t = e;
    e = f;
    f = t;
  }
  if (a > c) {
    t = a;
    a = c;
    c = t;
  }
  if (b > e) {
    t = b;
    b = e;
    e = t;
  }
  if (d > g) {
    t = d;
    d = g;
    g = t;
  }
  if (a > b) b = a;
  if (c > f) {
    t = c;
    c = f;
    f = t;
  }
  if (d > e) {
    t = d;
    d = e;
    e = t;
  }
  if (b > c) c = b;
  if (e > g) e = g;
  if (c > d) d = c;
  if (e > f) e = f;
  if (d > e) d = e;
  return d;
}

/**
 * The middle value of `window` (sorted in place), as `Float32Array.prototype.sort` orders it:
 * insertion sort for the usual 7 values (a native sort call per frame costs more than the sort),
 * the native sort when a NaN or a zero is present (it puts -0 before +0 and NaN last).
 */
export function median(window: Float32Array, half: number): number {
  for (let i = 1; i < window.length; i++) {
    const value = window[i] ?? 0;
    if (value !== value || value === 0) {
      window.sort();
      return window[half] ?? 0;
    }
    let j = i - 1;
    while (j >= 0 && (window[j] ?? 0) > value) {
      window[j + 1] = window[j] ?? 0;
      j--;
    }
    window[j + 1] = value;
  }
  const first = window[0] ?? 0;
  if (first !== first || first === 0) window.sort();
  return window[half] ?? 0;
}
