/**
 * Puts the fast log-mel (./log-mel.ts) into a loaded transformers.js Whisper pipeline.
 *
 * Why: transformers.js 4.3.1 computes Whisper's features with its generic `spectrogram()`, which
 * for n_fft = 400 (not a power of two) runs a 1024-point Bluestein FFT forward and inverse per
 * frame: about 180 ms of a ~1.2-s whisper-base window on a 2-core machine. `whisperLogMel` gives
 * the same numbers (float32 rounding apart) in a fraction of that. Everything else (padding or
 * cutting to 30 s in `_call`, the pipeline) stays transformers.js's own.
 */
import { Tensor } from '@huggingface/transformers';
import { whisperLogMel } from './log-mel';
import type { MelFilters } from './log-mel';

type FbankExtractor = (waveform: Float32Array | Float64Array) => Promise<Tensor>;

/** The parts of transformers.js's `WhisperFeatureExtractor` instance this override relies on. */
interface WhisperFeatureExtractorShape {
  config: {
    feature_extractor_type: 'WhisperFeatureExtractor';
    n_fft: number;
    hop_length: number;
    nb_max_frames: number;
    mel_filters: MelFilters;
  };
  window: ArrayLike<number>;
  _extract_fbank_features: FbankExtractor;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** transformers.js extractors are `Callable`s: functions with the class prototype. */
const isObjectOrFunction = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) || typeof value === 'function';

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

const isNumberList = (value: unknown, length: number): value is ArrayLike<number> =>
  (Array.isArray(value) || ArrayBuffer.isView(value)) &&
  (value as ArrayLike<unknown>).length === length &&
  typeof (value as ArrayLike<unknown>)[0] === 'number';

/** True when `extractor` has everything transformers.js's Whisper extractor has, as it has it. */
function looksLikeWhisperExtractor(extractor: unknown): extractor is WhisperFeatureExtractorShape {
  if (!isObjectOrFunction(extractor) || typeof extractor._extract_fbank_features !== 'function')
    return false;
  const config = extractor.config;
  if (!isRecord(config) || config.feature_extractor_type !== 'WhisperFeatureExtractor')
    return false;
  const { n_fft: nFft, hop_length: hopLength, nb_max_frames: maxFrames, mel_filters } = config;
  if (!isPositiveInteger(nFft) || nFft % 2 !== 0 || nFft < 4) return false;
  if (!isPositiveInteger(hopLength) || !isPositiveInteger(maxFrames)) return false;
  if (!isNumberList(extractor.window, nFft)) return false;
  if (!Array.isArray(mel_filters) || mel_filters.length === 0) return false;
  return mel_filters.every((row) => isNumberList(row, nFft / 2 + 1));
}

/** Marks extractors already switched, so a second call does not wrap the fast path again. */
const switched = new WeakSet<object>();

/**
 * Replaces this `WhisperFeatureExtractor` instance's `_extract_fbank_features` (e.g. a pipeline's
 * `processor.feature_extractor`) with `whisperLogMel`, returning the same `float32` Tensor
 * `[numMelBins, numFrames]`. Instance-level: other extractors and the class are untouched.
 * Leaves the extractor alone and returns false when it does not look like transformers.js's
 * Whisper extractor (other type, missing or odd-shaped config fields); returns true once the
 * fast path is in place. Inputs shorter than one FFT frame go to the original method.
 */
export function useFastLogMel(featureExtractor: unknown): boolean {
  if (!looksLikeWhisperExtractor(featureExtractor)) return false;
  if (switched.has(featureExtractor)) return true;
  const extractor = featureExtractor;
  const original = extractor._extract_fbank_features.bind(extractor);
  extractor._extract_fbank_features = (waveform) => {
    const { config, window } = extractor;
    if (waveform.length < config.n_fft) return original(waveform);
    const features = whisperLogMel(waveform, config.mel_filters, window, {
      hopLength: config.hop_length,
      maxFrames: config.nb_max_frames,
    });
    return Promise.resolve(
      new Tensor('float32', features.data, [features.numMelBins, features.numFrames]),
    );
  };
  switched.add(extractor);
  return true;
}
