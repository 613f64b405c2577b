/**
 * log10 of a positive, normal float32 value, about five times cheaper than Math.log10 and
 * accurate to ~1e-13 relative, so rounding its result to float32 gives Math.log10's float32
 * result (rarely one ulp off at a rounding boundary). The log-mel takes 240 000 logs per 30-s
 * window; with Math.log10 they were a fifth of its time.
 *
 * How: split the value's bits into exponent e and mantissa m ∈ [1, 2); m = m0·(1 + r) with m0
 * the nearest of 256 table points below m, so |r| < 1/256; ln v = e·ln 2 + ln m0 + ln(1 + r),
 * the last term by its series to r⁴ (error < r⁵/5 < 2e-13).
 */

const TABLE_BITS = 8;
const TABLE_SIZE = 1 << TABLE_BITS;
const MANTISSA_BITS = 23;
const LN2 = Math.LN2;
const INV_LN10 = 1 / Math.LN10;

/** ln(m0) and 1/m0 for m0 = 1 + i/256. */
const tableLn = Float64Array.from({ length: TABLE_SIZE }, (_, i) => Math.log(1 + i / TABLE_SIZE));
const tableInv = Float64Array.from({ length: TABLE_SIZE }, (_, i) => 1 / (1 + i / TABLE_SIZE));

const scratch = new ArrayBuffer(4);
const asFloat = new Float32Array(scratch);
const asBits = new Uint32Array(scratch);

/**
 * log10(value) for a float32 `value` that is positive and normal (≥ 2^-126), as the log-mel's
 * floored mel energies (≥ 1e-10) are. Other inputs (0, negative, NaN, ∞, subnormal) go to
 * Math.log10.
 */
export function float32Log10(value: number): number {
  asFloat[0] = value;
  const bits = asBits[0]!;
  const exponentBits = bits >>> MANTISSA_BITS;
  if (exponentBits === 0 || exponentBits >= 255) return Math.log10(value);
  const mantissaBits = bits & 0x7fffff;
  const index = mantissaBits >>> (MANTISSA_BITS - TABLE_BITS);
  const mantissa = 1 + mantissaBits / (1 << MANTISSA_BITS);
  const r = mantissa * tableInv[index]! - 1;
  const lnOnePlusR = r * (1 - r * (0.5 - r * (1 / 3 - r * 0.25)));
  return ((exponentBits - 127) * LN2 + tableLn[index]! + lnOnePlusR) * INV_LN10;
}
