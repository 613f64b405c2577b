/**
 * Power spectrum of a real frame of even length N (Whisper: N = n_fft = 400), by one complex
 * FFT of N/2 points (even samples as real parts, odd samples as imaginary parts) and the usual
 * split step. The N/2-point FFT is a mixed-radix Stockham FFT (./fft-stages.ts: radices 8, 4, 2
 * and 5 unrolled, other factors by a direct DFT; 200 = 8·5·5 takes three passes), all twiddles
 * precomputed, no allocation per call.
 *
 * Hand-written rather than a dependency: the npm FFTs that are plain JavaScript (fft.js,
 * fourier-transform, ml-fft) take powers of two only, and the mixed-radix ones (kissfft-js,
 * kissfft-wasm, @echogarden/pffft-wasm — which also needs N to be a multiple of 32) are WASM or
 * Emscripten builds that would need their own loading in the Web Worker. transformers.js itself
 * pads 400 to a 1024-point Bluestein FFT forward and inverse, which is what this replaces.
 */

import type { StageBuffers, StageFunction } from './fft-stages';
import { genericStage, stage2, stage4, stage5, stage8 } from './fft-stages';

const STAGE_BY_RADIX: Partial<Record<number, StageFunction>> = {
  2: stage2,
  4: stage4,
  5: stage5,
  8: stage8,
};

interface FftStage {
  radix: number;
  pass: StageFunction;
  /** Size of the sub-transforms already combined before this stage. */
  span: number;
  /** Twiddle factors e^{-2πi·j·r/(span·radix)} at [j·radix + r]. */
  twiddleRe: Float64Array;
  twiddleIm: Float64Array;
}

/** Radices for `n`: eights, fours, twos first (fewest passes), then fives, then other primes. */
function factorize(n: number): number[] {
  const radices: number[] = [];
  let rest = n;
  for (const radix of [8, 4, 2, 5]) {
    while (rest % radix === 0) {
      radices.push(radix);
      rest /= radix;
    }
  }
  for (let p = 3; rest > 1; p += 2) {
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
  /** Ping-pong buffers of the stages, swapped after each pass. */
  private readonly buffers: StageBuffers;

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
    this.buffers = {
      srcRe: this.inputRe,
      srcIm: this.inputIm,
      dstRe: this.workRe,
      dstIm: this.workIm,
    };
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
      const pass = STAGE_BY_RADIX[radix] ?? genericStage(radix);
      this.stages.push({ radix, pass, span, twiddleRe, twiddleIm });
      span *= radix;
    }
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
    const buffers = this.buffers;
    buffers.srcRe = this.inputRe;
    buffers.srcIm = this.inputIm;
    buffers.dstRe = this.workRe;
    buffers.dstIm = this.workIm;
    for (const stage of this.stages) {
      stage.pass(buffers, this.half, stage.span, stage.twiddleRe, stage.twiddleIm);
      const { srcRe, srcIm } = buffers;
      buffers.srcRe = buffers.dstRe;
      buffers.srcIm = buffers.dstIm;
      buffers.dstRe = srcRe;
      buffers.dstIm = srcIm;
    }
    const { srcRe, srcIm } = buffers;
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
}
