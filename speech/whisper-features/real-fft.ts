/**
 * Power spectrum of a real frame of even length N (Whisper: N = n_fft = 400), by one complex
 * FFT of N/2 points (even samples as real parts, odd samples as imaginary parts) and the usual
 * split step. The N/2-point FFT is a mixed-radix Stockham FFT (radices 4, 2, 3, 5 with unrolled
 * butterflies, any other prime by a direct DFT), all twiddles precomputed, no allocation per call.
 *
 * Hand-written rather than a dependency: the npm FFTs that are plain JavaScript (fft.js,
 * fourier-transform, ml-fft) take powers of two only, and the mixed-radix ones (kissfft-js,
 * kissfft-wasm, @echogarden/pffft-wasm — which also needs N to be a multiple of 32) are WASM or
 * Emscripten builds that would need their own loading in the Web Worker. transformers.js itself
 * pads 400 to a 1024-point Bluestein FFT forward and inverse, which is what this replaces.
 */

interface FftStage {
  radix: number;
  /** Size of the sub-transforms already combined before this stage. */
  span: number;
  /** Twiddle factors e^{-2πi·j·r/(span·radix)} at [j·radix + r]. */
  twiddleRe: Float64Array;
  twiddleIm: Float64Array;
}

const COS_2PI_5 = Math.cos((2 * Math.PI) / 5);
const COS_4PI_5 = Math.cos((4 * Math.PI) / 5);
const SIN_2PI_5 = Math.sin((2 * Math.PI) / 5);
const SIN_4PI_5 = Math.sin((4 * Math.PI) / 5);
const SIN_2PI_3 = Math.sin((2 * Math.PI) / 3);

/** Radices for `n`, fours first (fewest passes), then twos, threes, fives, other primes. */
function factorize(n: number): number[] {
  const radices: number[] = [];
  let rest = n;
  for (const radix of [4, 2, 3, 5]) {
    while (rest % radix === 0) {
      radices.push(radix);
      rest /= radix;
    }
  }
  for (let p = 7; rest > 1; p += 2) {
    while (rest % p === 0) {
      radices.push(p);
      rest /= p;
    }
  }
  return radices;
}

/** Reusable power-spectrum computer for real frames of one even length. */
export class RealPowerSpectrum {
  /** Frame length N. */
  readonly size: number;
  /** Number of output bins, N/2 + 1. */
  readonly bins: number;
  /** Input of the half-size complex FFT: fill re[n] = x[2n], im[n] = x[2n+1], then call run. */
  readonly inputRe: Float64Array;
  readonly inputIm: Float64Array;
  private readonly half: number;
  private readonly stages: FftStage[];
  private readonly workRe: Float64Array;
  private readonly workIm: Float64Array;
  private readonly splitRe: Float64Array;
  private readonly splitIm: Float64Array;
  private readonly genericRe: Float64Array;
  private readonly genericIm: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || size % 2 !== 0) {
      throw new Error(`RealPowerSpectrum needs an even frame length ≥ 4, got ${size}`);
    }
    this.size = size;
    this.half = size / 2;
    this.bins = this.half + 1;
    this.inputRe = new Float64Array(this.half);
    this.inputIm = new Float64Array(this.half);
    this.workRe = new Float64Array(this.half);
    this.workIm = new Float64Array(this.half);
    this.stages = [];
    let span = 1;
    for (const radix of factorize(this.half)) {
      const twiddleRe = new Float64Array(span * radix);
      const twiddleIm = new Float64Array(span * radix);
      for (let j = 0; j < span; ++j) {
        for (let r = 0; r < radix; ++r) {
          const angle = (-2 * Math.PI * j * r) / (span * radix);
          twiddleRe[j * radix + r] = Math.cos(angle);
          twiddleIm[j * radix + r] = Math.sin(angle);
        }
      }
      this.stages.push({ radix, span, twiddleRe, twiddleIm });
      span *= radix;
    }
    const maxRadix = Math.max(1, ...this.stages.map((s) => s.radix));
    this.genericRe = new Float64Array(maxRadix);
    this.genericIm = new Float64Array(maxRadix);
    // e^{-2πik/N} for the split of the half-size FFT into the real FFT's bins
    this.splitRe = new Float64Array(this.bins);
    this.splitIm = new Float64Array(this.bins);
    for (let k = 0; k < this.bins; ++k) {
      this.splitRe[k] = Math.cos((-2 * Math.PI * k) / size);
      this.splitIm[k] = Math.sin((-2 * Math.PI * k) / size);
    }
  }

  /** |X[k]|² for k = 0..N/2 of the frame loaded into inputRe/inputIm, written to `power`. */
  run(power: Float32Array | Float64Array): void {
    let srcRe = this.inputRe;
    let srcIm = this.inputIm;
    let dstRe = this.workRe;
    let dstIm = this.workIm;
    for (const stage of this.stages) {
      this.runStage(stage, srcRe, srcIm, dstRe, dstIm);
      [srcRe, dstRe] = [dstRe, srcRe];
      [srcIm, dstIm] = [dstIm, srcIm];
    }
    // srcRe/srcIm now hold Z = FFT_{N/2}(x_even + i·x_odd); the input arrays may be scratch
    const half = this.half;
    const splitRe = this.splitRe;
    const splitIm = this.splitIm;
    const z0Re = srcRe[0]!;
    const z0Im = srcIm[0]!;
    power[0] = (z0Re + z0Im) * (z0Re + z0Im);
    power[half] = (z0Re - z0Im) * (z0Re - z0Im);
    for (let k = 1; k < half; ++k) {
      const aRe = srcRe[k]!;
      const aIm = srcIm[k]!;
      const bRe = srcRe[half - k]!; // conj(Z[M-k]) = bRe - i·bIm
      const bIm = srcIm[half - k]!;
      // even part E = (Z[k] + conj Z[M-k]) / 2, odd part O = -i (Z[k] - conj Z[M-k]) / 2
      const eRe = 0.5 * (aRe + bRe);
      const eIm = 0.5 * (aIm - bIm);
      const oRe = 0.5 * (aIm + bIm);
      const oIm = -0.5 * (aRe - bRe);
      const wRe = splitRe[k]!;
      const wIm = splitIm[k]!;
      const xRe = eRe + wRe * oRe - wIm * oIm;
      const xIm = eIm + wRe * oIm + wIm * oRe;
      power[k] = xRe * xRe + xIm * xIm;
    }
  }

  private runStage(
    stage: FftStage,
    srcRe: Float64Array,
    srcIm: Float64Array,
    dstRe: Float64Array,
    dstIm: Float64Array,
  ): void {
    const { radix, span, twiddleRe, twiddleIm } = stage;
    const stride = this.half / radix;
    for (let block = 0; block < stride; block += span) {
      const dstBase = block * radix;
      for (let j = 0; j < span; ++j) {
        const s = block + j;
        const d = dstBase + j;
        const t = j * radix;
        if (radix === 4) {
          const a0r = srcRe[s]!;
          const a0i = srcIm[s]!;
          const x1r = srcRe[s + stride]!;
          const x1i = srcIm[s + stride]!;
          const x2r = srcRe[s + 2 * stride]!;
          const x2i = srcIm[s + 2 * stride]!;
          const x3r = srcRe[s + 3 * stride]!;
          const x3i = srcIm[s + 3 * stride]!;
          const w1r = twiddleRe[t + 1]!;
          const w1i = twiddleIm[t + 1]!;
          const w2r = twiddleRe[t + 2]!;
          const w2i = twiddleIm[t + 2]!;
          const w3r = twiddleRe[t + 3]!;
          const w3i = twiddleIm[t + 3]!;
          const a1r = x1r * w1r - x1i * w1i;
          const a1i = x1r * w1i + x1i * w1r;
          const a2r = x2r * w2r - x2i * w2i;
          const a2i = x2r * w2i + x2i * w2r;
          const a3r = x3r * w3r - x3i * w3i;
          const a3i = x3r * w3i + x3i * w3r;
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
        } else if (radix === 2) {
          const a0r = srcRe[s]!;
          const a0i = srcIm[s]!;
          const x1r = srcRe[s + stride]!;
          const x1i = srcIm[s + stride]!;
          const w1r = twiddleRe[t + 1]!;
          const w1i = twiddleIm[t + 1]!;
          const a1r = x1r * w1r - x1i * w1i;
          const a1i = x1r * w1i + x1i * w1r;
          dstRe[d] = a0r + a1r;
          dstIm[d] = a0i + a1i;
          dstRe[d + span] = a0r - a1r;
          dstIm[d + span] = a0i - a1i;
        } else if (radix === 5) {
          this.radix5(srcRe, srcIm, dstRe, dstIm, s, stride, d, span, twiddleRe, twiddleIm, t);
        } else if (radix === 3) {
          const a0r = srcRe[s]!;
          const a0i = srcIm[s]!;
          const x1r = srcRe[s + stride]!;
          const x1i = srcIm[s + stride]!;
          const x2r = srcRe[s + 2 * stride]!;
          const x2i = srcIm[s + 2 * stride]!;
          const a1r = x1r * twiddleRe[t + 1]! - x1i * twiddleIm[t + 1]!;
          const a1i = x1r * twiddleIm[t + 1]! + x1i * twiddleRe[t + 1]!;
          const a2r = x2r * twiddleRe[t + 2]! - x2i * twiddleIm[t + 2]!;
          const a2i = x2r * twiddleIm[t + 2]! + x2i * twiddleRe[t + 2]!;
          const mr = a0r - 0.5 * (a1r + a2r);
          const mi = a0i - 0.5 * (a1i + a2i);
          const sr = SIN_2PI_3 * (a1r - a2r);
          const si = SIN_2PI_3 * (a1i - a2i);
          dstRe[d] = a0r + a1r + a2r;
          dstIm[d] = a0i + a1i + a2i;
          dstRe[d + span] = mr + si;
          dstIm[d + span] = mi - sr;
          dstRe[d + 2 * span] = mr - si;
          dstIm[d + 2 * span] = mi + sr;
        } else {
          this.genericButterfly(stage, srcRe, srcIm, dstRe, dstIm, s, stride, d, t);
        }
      }
    }
  }

  private radix5(
    srcRe: Float64Array,
    srcIm: Float64Array,
    dstRe: Float64Array,
    dstIm: Float64Array,
    s: number,
    stride: number,
    d: number,
    span: number,
    twiddleRe: Float64Array,
    twiddleIm: Float64Array,
    t: number,
  ): void {
    const a0r = srcRe[s]!;
    const a0i = srcIm[s]!;
    let xr = srcRe[s + stride]!;
    let xi = srcIm[s + stride]!;
    const a1r = xr * twiddleRe[t + 1]! - xi * twiddleIm[t + 1]!;
    const a1i = xr * twiddleIm[t + 1]! + xi * twiddleRe[t + 1]!;
    xr = srcRe[s + 2 * stride]!;
    xi = srcIm[s + 2 * stride]!;
    const a2r = xr * twiddleRe[t + 2]! - xi * twiddleIm[t + 2]!;
    const a2i = xr * twiddleIm[t + 2]! + xi * twiddleRe[t + 2]!;
    xr = srcRe[s + 3 * stride]!;
    xi = srcIm[s + 3 * stride]!;
    const a3r = xr * twiddleRe[t + 3]! - xi * twiddleIm[t + 3]!;
    const a3i = xr * twiddleIm[t + 3]! + xi * twiddleRe[t + 3]!;
    xr = srcRe[s + 4 * stride]!;
    xi = srcIm[s + 4 * stride]!;
    const a4r = xr * twiddleRe[t + 4]! - xi * twiddleIm[t + 4]!;
    const a4i = xr * twiddleIm[t + 4]! + xi * twiddleRe[t + 4]!;
    const b1r = a1r + a4r;
    const b1i = a1i + a4i;
    const b2r = a2r + a3r;
    const b2i = a2i + a3i;
    const d1r = a1r - a4r;
    const d1i = a1i - a4i;
    const d2r = a2r - a3r;
    const d2i = a2i - a3i;
    const pr = a0r + COS_2PI_5 * b1r + COS_4PI_5 * b2r;
    const pi = a0i + COS_2PI_5 * b1i + COS_4PI_5 * b2i;
    const qr = a0r + COS_4PI_5 * b1r + COS_2PI_5 * b2r;
    const qi = a0i + COS_4PI_5 * b1i + COS_2PI_5 * b2i;
    const ur = SIN_2PI_5 * d1r + SIN_4PI_5 * d2r;
    const ui = SIN_2PI_5 * d1i + SIN_4PI_5 * d2i;
    const vr = SIN_4PI_5 * d1r - SIN_2PI_5 * d2r;
    const vi = SIN_4PI_5 * d1i - SIN_2PI_5 * d2i;
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

  /** Direct DFT butterfly for primes without an unrolled version (not used for N = 400). */
  private genericButterfly(
    stage: FftStage,
    srcRe: Float64Array,
    srcIm: Float64Array,
    dstRe: Float64Array,
    dstIm: Float64Array,
    s: number,
    stride: number,
    d: number,
    t: number,
  ): void {
    const { radix, span, twiddleRe, twiddleIm } = stage;
    const aRe = this.genericRe;
    const aIm = this.genericIm;
    for (let r = 0; r < radix; ++r) {
      const xr = srcRe[s + r * stride]!;
      const xi = srcIm[s + r * stride]!;
      aRe[r] = xr * twiddleRe[t + r]! - xi * twiddleIm[t + r]!;
      aIm[r] = xr * twiddleIm[t + r]! + xi * twiddleRe[t + r]!;
    }
    for (let k = 0; k < radix; ++k) {
      let sumRe = 0;
      let sumIm = 0;
      for (let r = 0; r < radix; ++r) {
        const angle = (-2 * Math.PI * ((k * r) % radix)) / radix;
        const c = Math.cos(angle);
        const sn = Math.sin(angle);
        sumRe += aRe[r]! * c - aIm[r]! * sn;
        sumIm += aRe[r]! * sn + aIm[r]! * c;
      }
      dstRe[d + k * span] = sumRe;
      dstIm[d + k * span] = sumIm;
    }
  }
}
