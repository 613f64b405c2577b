/**
 * One pass of a mixed-radix Stockham FFT (forward, e^{-2πi…}) per radix: reads the `half`-point
 * complex signal from src, combines `radix` sub-transforms of size `span` into ones of size
 * span·radix, and writes them to dst in natural order. Each radix has its own loop so the hot
 * path has no per-butterfly dispatch. Twiddles: e^{-2πi·j·r/(span·radix)} at [j·radix + r].
 */

/** Arguments shared by every stage function. */
export interface StageBuffers {
  srcRe: Float64Array;
  srcIm: Float64Array;
  dstRe: Float64Array;
  dstIm: Float64Array;
}

export type StageFunction = (
  b: StageBuffers,
  half: number,
  span: number,
  twRe: Float64Array,
  twIm: Float64Array,
) => void;

const C1_5 = Math.cos((2 * Math.PI) / 5);
const C2_5 = Math.cos((4 * Math.PI) / 5);
const S1_5 = Math.sin((2 * Math.PI) / 5);
const S2_5 = Math.sin((4 * Math.PI) / 5);
const SQRT1_2 = Math.SQRT1_2;

export const stage2: StageFunction = ({ srcRe, srcIm, dstRe, dstIm }, half, span, twRe, twIm) => {
  const stride = half / 2;
  for (let block = 0; block < stride; block += span) {
    for (let j = 0, s = block, d = block * 2; j < span; ++j, ++s, ++d) {
      const t = j * 2;
      const a0r = srcRe[s]!;
      const a0i = srcIm[s]!;
      const xr = srcRe[s + stride]!;
      const xi = srcIm[s + stride]!;
      const a1r = xr * twRe[t + 1]! - xi * twIm[t + 1]!;
      const a1i = xr * twIm[t + 1]! + xi * twRe[t + 1]!;
      dstRe[d] = a0r + a1r;
      dstIm[d] = a0i + a1i;
      dstRe[d + span] = a0r - a1r;
      dstIm[d + span] = a0i - a1i;
    }
  }
};

export const stage4: StageFunction = ({ srcRe, srcIm, dstRe, dstIm }, half, span, twRe, twIm) => {
  const stride = half / 4;
  for (let block = 0; block < stride; block += span) {
    for (let j = 0, s = block, d = block * 4; j < span; ++j, ++s, ++d) {
      const t = j * 4;
      const a0r = srcRe[s]!;
      const a0i = srcIm[s]!;
      let xr = srcRe[s + stride]!;
      let xi = srcIm[s + stride]!;
      const a1r = xr * twRe[t + 1]! - xi * twIm[t + 1]!;
      const a1i = xr * twIm[t + 1]! + xi * twRe[t + 1]!;
      xr = srcRe[s + 2 * stride]!;
      xi = srcIm[s + 2 * stride]!;
      const a2r = xr * twRe[t + 2]! - xi * twIm[t + 2]!;
      const a2i = xr * twIm[t + 2]! + xi * twRe[t + 2]!;
      xr = srcRe[s + 3 * stride]!;
      xi = srcIm[s + 3 * stride]!;
      const a3r = xr * twRe[t + 3]! - xi * twIm[t + 3]!;
      const a3i = xr * twIm[t + 3]! + xi * twRe[t + 3]!;
      const t0r = a0r + a2r;
      const t0i = a0i + a2i;
      const t1r = a0r - a2r;
      const t1i = a0i - a2i;
      const t2r = a1r + a3r;
      const t2i = a1i + a3i;
      const t3r = a1r - a3r;
      const t3i = a1i - a3i;
      dstRe[d] = t0r + t2r;
      dstIm[d] = t0i + t2i;
      dstRe[d + span] = t1r + t3i; // t1 - i·t3
      dstIm[d + span] = t1i - t3r;
      dstRe[d + 2 * span] = t0r - t2r;
      dstIm[d + 2 * span] = t0i - t2i;
      dstRe[d + 3 * span] = t1r - t3i; // t1 + i·t3
      dstIm[d + 3 * span] = t1i + t3r;
    }
  }
};

export const stage5: StageFunction = ({ srcRe, srcIm, dstRe, dstIm }, half, span, twRe, twIm) => {
  const stride = half / 5;
  for (let block = 0; block < stride; block += span) {
    for (let j = 0, s = block, d = block * 5; j < span; ++j, ++s, ++d) {
      const t = j * 5;
      const a0r = srcRe[s]!;
      const a0i = srcIm[s]!;
      let xr = srcRe[s + stride]!;
      let xi = srcIm[s + stride]!;
      const a1r = xr * twRe[t + 1]! - xi * twIm[t + 1]!;
      const a1i = xr * twIm[t + 1]! + xi * twRe[t + 1]!;
      xr = srcRe[s + 2 * stride]!;
      xi = srcIm[s + 2 * stride]!;
      const a2r = xr * twRe[t + 2]! - xi * twIm[t + 2]!;
      const a2i = xr * twIm[t + 2]! + xi * twRe[t + 2]!;
      xr = srcRe[s + 3 * stride]!;
      xi = srcIm[s + 3 * stride]!;
      const a3r = xr * twRe[t + 3]! - xi * twIm[t + 3]!;
      const a3i = xr * twIm[t + 3]! + xi * twRe[t + 3]!;
      xr = srcRe[s + 4 * stride]!;
      xi = srcIm[s + 4 * stride]!;
      const a4r = xr * twRe[t + 4]! - xi * twIm[t + 4]!;
      const a4i = xr * twIm[t + 4]! + xi * twRe[t + 4]!;
      const b1r = a1r + a4r;
      const b1i = a1i + a4i;
      const b2r = a2r + a3r;
      const b2i = a2i + a3i;
      const d1r = a1r - a4r;
      const d1i = a1i - a4i;
      const d2r = a2r - a3r;
      const d2i = a2i - a3i;
      const pr = a0r + C1_5 * b1r + C2_5 * b2r;
      const pi = a0i + C1_5 * b1i + C2_5 * b2i;
      const qr = a0r + C2_5 * b1r + C1_5 * b2r;
      const qi = a0i + C2_5 * b1i + C1_5 * b2i;
      const ur = S1_5 * d1r + S2_5 * d2r;
      const ui = S1_5 * d1i + S2_5 * d2i;
      const vr = S2_5 * d1r - S1_5 * d2r;
      const vi = S2_5 * d1i - S1_5 * d2i;
      dstRe[d] = a0r + b1r + b2r;
      dstIm[d] = a0i + b1i + b2i;
      dstRe[d + span] = pr + ui; // p - i·u
      dstIm[d + span] = pi - ur;
      dstRe[d + 4 * span] = pr - ui; // p + i·u
      dstIm[d + 4 * span] = pi + ur;
      dstRe[d + 2 * span] = qr + vi; // q - i·v
      dstIm[d + 2 * span] = qi - vr;
      dstRe[d + 3 * span] = qr - vi; // q + i·v
      dstIm[d + 3 * span] = qi + vr;
    }
  }
};

/** Radix 8 as a radix-2 step over two radix-4 butterflies (even and odd inputs). */
export const stage8: StageFunction = ({ srcRe, srcIm, dstRe, dstIm }, half, span, twRe, twIm) => {
  const stride = half / 8;
  for (let block = 0; block < stride; block += span) {
    for (let j = 0, s = block, d = block * 8; j < span; ++j, ++s, ++d) {
      const t = j * 8;
      const a0r = srcRe[s]!;
      const a0i = srcIm[s]!;
      let xr = srcRe[s + 1 * stride]!;
      let xi = srcIm[s + 1 * stride]!;
      const a1r = xr * twRe[t + 1]! - xi * twIm[t + 1]!;
      const a1i = xr * twIm[t + 1]! + xi * twRe[t + 1]!;
      xr = srcRe[s + 2 * stride]!;
      xi = srcIm[s + 2 * stride]!;
      const a2r = xr * twRe[t + 2]! - xi * twIm[t + 2]!;
      const a2i = xr * twIm[t + 2]! + xi * twRe[t + 2]!;
      xr = srcRe[s + 3 * stride]!;
      xi = srcIm[s + 3 * stride]!;
      const a3r = xr * twRe[t + 3]! - xi * twIm[t + 3]!;
      const a3i = xr * twIm[t + 3]! + xi * twRe[t + 3]!;
      xr = srcRe[s + 4 * stride]!;
      xi = srcIm[s + 4 * stride]!;
      const a4r = xr * twRe[t + 4]! - xi * twIm[t + 4]!;
      const a4i = xr * twIm[t + 4]! + xi * twRe[t + 4]!;
      xr = srcRe[s + 5 * stride]!;
      xi = srcIm[s + 5 * stride]!;
      const a5r = xr * twRe[t + 5]! - xi * twIm[t + 5]!;
      const a5i = xr * twIm[t + 5]! + xi * twRe[t + 5]!;
      xr = srcRe[s + 6 * stride]!;
      xi = srcIm[s + 6 * stride]!;
      const a6r = xr * twRe[t + 6]! - xi * twIm[t + 6]!;
      const a6i = xr * twIm[t + 6]! + xi * twRe[t + 6]!;
      xr = srcRe[s + 7 * stride]!;
      xi = srcIm[s + 7 * stride]!;
      const a7r = xr * twRe[t + 7]! - xi * twIm[t + 7]!;
      const a7i = xr * twIm[t + 7]! + xi * twRe[t + 7]!;
      // 4-point DFTs of the even (0, 2, 4, 6) and odd (1, 3, 5, 7) inputs
      const e0r = a0r + a4r;
      const e0i = a0i + a4i;
      const e1r = a0r - a4r;
      const e1i = a0i - a4i;
      const e2r = a2r + a6r;
      const e2i = a2i + a6i;
      const e3r = a2r - a6r;
      const e3i = a2i - a6i;
      const o0r = a1r + a5r;
      const o0i = a1i + a5i;
      const o1r = a1r - a5r;
      const o1i = a1i - a5i;
      const o2r = a3r + a7r;
      const o2i = a3i + a7i;
      const o3r = a3r - a7r;
      const o3i = a3i - a7i;
      const E0r = e0r + e2r;
      const E0i = e0i + e2i;
      const E2r = e0r - e2r;
      const E2i = e0i - e2i;
      const E1r = e1r + e3i; // e1 - i·e3
      const E1i = e1i - e3r;
      const E3r = e1r - e3i; // e1 + i·e3
      const E3i = e1i + e3r;
      const O0r = o0r + o2r;
      const O0i = o0i + o2i;
      const O2r = o0r - o2r;
      const O2i = o0i - o2i;
      const O1r = o1r + o3i;
      const O1i = o1i - o3r;
      const O3r = o1r - o3i;
      const O3i = o1i + o3r;
      // times W8^k: W8 = (1 − i)/√2, W8² = −i, W8³ = −(1 + i)/√2
      const W1r = SQRT1_2 * (O1r + O1i);
      const W1i = SQRT1_2 * (O1i - O1r);
      const W2r = O2i;
      const W2i = -O2r;
      const W3r = SQRT1_2 * (O3i - O3r);
      const W3i = -SQRT1_2 * (O3r + O3i);
      dstRe[d] = E0r + O0r;
      dstIm[d] = E0i + O0i;
      dstRe[d + span] = E1r + W1r;
      dstIm[d + span] = E1i + W1i;
      dstRe[d + 2 * span] = E2r + W2r;
      dstIm[d + 2 * span] = E2i + W2i;
      dstRe[d + 3 * span] = E3r + W3r;
      dstIm[d + 3 * span] = E3i + W3i;
      dstRe[d + 4 * span] = E0r - O0r;
      dstIm[d + 4 * span] = E0i - O0i;
      dstRe[d + 5 * span] = E1r - W1r;
      dstIm[d + 5 * span] = E1i - W1i;
      dstRe[d + 6 * span] = E2r - W2r;
      dstIm[d + 6 * span] = E2i - W2i;
      dstRe[d + 7 * span] = E3r - W3r;
      dstIm[d + 7 * span] = E3i - W3i;
    }
  }
};

/** Direct-DFT stage for any other radix, e.g. 3 or 7 (not used for n_fft = 400: 200 = 8·5·5). */
export function genericStage(radix: number): StageFunction {
  const rootRe = Float64Array.from({ length: radix }, (_, k) =>
    Math.cos((-2 * Math.PI * k) / radix),
  );
  const rootIm = Float64Array.from({ length: radix }, (_, k) =>
    Math.sin((-2 * Math.PI * k) / radix),
  );
  const aRe = new Float64Array(radix);
  const aIm = new Float64Array(radix);
  return ({ srcRe, srcIm, dstRe, dstIm }, half, span, twRe, twIm) => {
    const stride = half / radix;
    for (let block = 0; block < stride; block += span) {
      for (let j = 0, s = block, d = block * radix; j < span; ++j, ++s, ++d) {
        for (let r = 0; r < radix; ++r) {
          const xr = srcRe[s + r * stride]!;
          const xi = srcIm[s + r * stride]!;
          aRe[r] = xr * twRe[j * radix + r]! - xi * twIm[j * radix + r]!;
          aIm[r] = xr * twIm[j * radix + r]! + xi * twRe[j * radix + r]!;
        }
        for (let k = 0; k < radix; ++k) {
          let sumRe = 0;
          let sumIm = 0;
          for (let r = 0; r < radix; ++r) {
            const root = (k * r) % radix;
            sumRe += aRe[r]! * rootRe[root]! - aIm[r]! * rootIm[root]!;
            sumIm += aRe[r]! * rootIm[root]! + aIm[r]! * rootRe[root]!;
          }
          dstRe[d + k * span] = sumRe;
          dstIm[d + k * span] = sumIm;
        }
      }
    }
  };
}
