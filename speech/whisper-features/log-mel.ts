/**
 * Whisper's log-mel spectrogram, computed exactly as transformers.js 4.3.1's
 * `WhisperFeatureExtractor._extract_fbank_features` does (its generic `spectrogram()` with
 * `power: 2, log_mel: 'log10_max_norm'`), but several times faster: a mixed-radix real FFT of
 * n_fft points instead of a 1024-point Bluestein FFT pair per frame, mel filters applied over
 * their nonzero bins only, all-zero frames (the padding of a short window to 30 s) written as a
 * constant, and tables built once per (filters, window) pair. Plain TypeScript: runs in the Web
 * Worker as well as in Node.
 *
 * The steps, matching transformers.js: frames of n_fft samples every hop_length samples over the
 * waveform reflect-padded by n_fft/2 on both sides (center=True, pad_mode='reflect'), times the
 * window; power spectrum of the n_fft/2+1 bins (stored as float32); mel = filters · power,
 * floored at 1e-10 (float32); log10; then max(x, max(x) − 8) and (x + 4) / 4. Only the first
 * min(floor(len / hop), maxFrames) frames are kept (so a 30-s window gives 3000, dropping the
 * 3001st), laid out mel-major: [numMelBins, numFrames] row-major.
 */
import { float32Log10 } from './float32-log10';
import { RealPowerSpectrum } from './real-fft';

/** Mel filters as transformers.js keeps them: numMelBins rows of n_fft/2 + 1 weights. */
export type MelFilters = ArrayLike<ArrayLike<number>>;

export interface WhisperLogMelOptions {
  /** Samples between frame starts (Whisper: 160). */
  hopLength: number;
  /** Upper bound on frames kept (Whisper: nb_max_frames = 3000). */
  maxFrames: number;
}

/** Result: log-mel features, [numMelBins, numFrames] row-major as transformers.js returns them. */
export interface WhisperLogMel {
  data: Float32Array;
  numMelBins: number;
  numFrames: number;
}

/** transformers.js `spectrogram()` defaults for Whisper: mel_floor, and the log range kept. */
const MEL_FLOOR = 1e-10;
const LOG_RANGE = 8;
/** log10 of the floored mel of a frame whose power spectrum is all zero, rounded like the rest. */
const SILENT_FRAME_LOG = Math.fround(Math.log10(Math.fround(MEL_FLOOR)));

/** Everything that depends on (filters, window) only: built once, reused by every call. */
class LogMelPlan {
  readonly frameLength: number;
  readonly numMelBins: number;
  private readonly window: Float64Array;
  private readonly fft: RealPowerSpectrum;
  private readonly power: Float32Array;
  /** Filter m is nonzero on bins [filterStart[m], filterEnd[m]) only (a few bins each). */
  private readonly filterStart: Int32Array;
  private readonly filterEnd: Int32Array;
  /**
   * Those weights of all filters, concatenated (filter m's from filterOffset[m]), in float32
   * like the Tensor transformers.js multiplies with.
   */
  private readonly filterWeights: Float32Array;
  private readonly filterOffset: Int32Array;

  constructor(melFilters: MelFilters, window: ArrayLike<number>) {
    this.frameLength = window.length;
    this.window = Float64Array.from(window);
    this.fft = new RealPowerSpectrum(this.frameLength);
    this.power = new Float32Array(this.fft.bins);
    this.numMelBins = melFilters.length;
    this.filterStart = new Int32Array(this.numMelBins);
    this.filterEnd = new Int32Array(this.numMelBins);
    this.filterOffset = new Int32Array(this.numMelBins);
    const weights: number[] = [];
    for (let m = 0; m < this.numMelBins; ++m) {
      const row = melFilters[m]!;
      if (row.length !== this.fft.bins) {
        throw new Error(`mel filter ${m} has ${row.length} weights, expected ${this.fft.bins}`);
      }
      let start = 0;
      while (start < row.length && row[start] === 0) ++start;
      let end = row.length;
      while (end > start && row[end - 1] === 0) --end;
      this.filterStart[m] = start;
      this.filterEnd[m] = end;
      this.filterOffset[m] = weights.length;
      for (let k = start; k < end; ++k) weights.push(row[k]!);
    }
    this.filterWeights = Float32Array.from(weights);
  }

  compute(waveform: ArrayLike<number>, options: WhisperLogMelOptions): WhisperLogMel {
    const { hopLength, maxFrames } = options;
    if (!(hopLength > 0) || !(maxFrames >= 0)) {
      throw new Error(
        `whisperLogMel needs hopLength > 0 and maxFrames ≥ 0, got ${hopLength}, ${maxFrames}`,
      );
    }
    const numFrames = Math.min(Math.floor(waveform.length / hopLength), maxFrames);
    const numMelBins = this.numMelBins;
    const data = new Float32Array(numMelBins * numFrames);
    if (numFrames === 0) return { data, numMelBins, numFrames };
    let logMax = -Infinity;
    for (let frame = 0; frame < numFrames; ++frame) {
      if (this.loadFrame(waveform, frame * hopLength)) {
        this.fft.run(this.power);
        logMax = Math.max(logMax, this.writeLogMel(data, frame, numFrames));
      } else {
        for (let m = 0; m < numMelBins; ++m) data[m * numFrames + frame] = SILENT_FRAME_LOG;
        logMax = Math.max(logMax, SILENT_FRAME_LOG);
      }
    }
    const threshold = logMax - LOG_RANGE;
    for (let i = 0; i < data.length; ++i) data[i] = (Math.max(data[i]!, threshold) + 4) / 4;
    return { data, numMelBins, numFrames };
  }

  /**
   * Loads windowed frame samples [start, start + n_fft) of the reflect-padded waveform into the
   * FFT input (even samples → real, odd → imaginary). Returns false, loading nothing, when every
   * sample is zero: its power spectrum is exactly zero, so the caller skips the FFT.
   */
  private loadFrame(waveform: ArrayLike<number>, paddedStart: number): boolean {
    const length = this.frameLength;
    const pad = length >> 1;
    const first = paddedStart - pad;
    const inside = first >= 0 && first + length <= waveform.length;
    let allZero = true;
    if (inside) {
      for (let n = 0; n < length; ++n) {
        if (waveform[first + n] !== 0) {
          allZero = false;
          break;
        }
      }
    } else {
      for (let n = 0; n < length && allZero; ++n) {
        if (waveform[reflectIndex(first + n, waveform.length)] !== 0) allZero = false;
      }
    }
    if (allZero) return false;
    const re = this.fft.inputRe;
    const im = this.fft.inputIm;
    const window = this.window;
    if (inside) {
      for (let n = 0, h = 0; n < length; n += 2, ++h) {
        re[h] = waveform[first + n]! * window[n]!;
        im[h] = waveform[first + n + 1]! * window[n + 1]!;
      }
    } else {
      const total = waveform.length;
      for (let n = 0, h = 0; n < length; n += 2, ++h) {
        re[h] = waveform[reflectIndex(first + n, total)]! * window[n]!;
        im[h] = waveform[reflectIndex(first + n + 1, total)]! * window[n + 1]!;
      }
    }
    return true;
  }

  /** Mel bins of the power spectrum in `this.power`, floored and log10'd into column `frame`. */
  private writeLogMel(data: Float32Array, frame: number, numFrames: number): number {
    const power = this.power;
    const weights = this.filterWeights;
    let frameMax = -Infinity;
    for (let m = 0; m < this.numMelBins; ++m) {
      const start = this.filterStart[m]!;
      const end = this.filterEnd[m]!;
      let w = this.filterOffset[m]!;
      let sum = 0;
      for (let k = start; k < end; ++k, ++w) sum += weights[w]! * power[k]!;
      const log = Math.fround(float32Log10(Math.fround(Math.max(MEL_FLOOR, Math.fround(sum)))));
      data[m * numFrames + frame] = log;
      if (log > frameMax) frameMax = log;
    }
    return frameMax;
  }
}

/**
 * Index into the unpadded waveform of padded-frame sample `i` (i < 0 or i ≥ length), mirroring
 * transformers.js `padReflect` + `calculateReflectOffset` exactly (also for inputs shorter than
 * the padding, where it reflects more than once).
 */
function reflectIndex(i: number, length: number): number {
  if (i >= 0 && i < length) return i;
  const w = length - 1;
  const reflect = (j: number): number => Math.abs(((j + w) % (2 * w)) - w);
  return i < 0 ? reflect(-i) : reflect(w - (i - w));
}

const plans = new WeakMap<object, { window: ArrayLike<number>; plan: LogMelPlan }>();

/**
 * Whisper log-mel features of `waveform` (16 kHz mono, normally exactly 30 s = 480000 samples),
 * equal to transformers.js's `WhisperFeatureExtractor` output up to float32 rounding.
 * `melFilters` ([numMelBins][n_fft/2 + 1]) and `window` (n_fft samples) are the extractor's
 * `config.mel_filters` and `window`; the tables derived from them are cached per `melFilters`
 * object, so pass the same objects on every call.
 */
export function whisperLogMel(
  waveform: Float32Array | Float64Array,
  melFilters: MelFilters,
  window: ArrayLike<number>,
  options: WhisperLogMelOptions,
): WhisperLogMel {
  let cached = plans.get(melFilters);
  if (cached?.window !== window) {
    cached = { window, plan: new LogMelPlan(melFilters, window) };
    plans.set(melFilters, cached);
  }
  return cached.plan.compute(waveform, options);
}
