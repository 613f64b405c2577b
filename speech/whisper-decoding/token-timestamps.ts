/**
 * transformers.js's Whisper token timing (`_extract_token_timestamps`), step for step, on flat
 * typed arrays. The library builds the same numbers through generic tensor helpers — per-element
 * index arithmetic in `cat`, `reduce_helper` and `slice`, arrays of arrays for the time warping —
 * which cost ~200 ms of a ~1.2-s whisper-base-sized window here. Every value is stored with the
 * same float32 rounding, in the same order, so the timestamps are identical (the tests compare
 * them with the library's on random attention).
 */
import { median, medianOfSeven } from './median';

/** The part of a transformers.js tensor this reads. */
export interface AttentionTensor {
  readonly dims: readonly number[];
  readonly data: unknown;
}

/** The alignment heads' cross-attention, one [tokens × frames] block a head, in head order. */
interface HeadWeights {
  data: Float32Array;
  heads: number;
  tokens: number;
  frames: number;
}

/**
 * Copies the alignment heads' rows out of every decoding step's cross-attention (per step, per
 * layer, [batch, heads, step tokens, frames]) for sequence `batchIndex`, cut to `numFrames`.
 * `null` when the shapes are not the float32 ones this handles.
 */
export function gatherAlignmentHeads(
  steps: readonly (readonly AttentionTensor[])[],
  alignmentHeads: readonly (readonly [number, number])[],
  numFrames: number | null,
  batchIndex = 0,
): HeadWeights | null {
  const first = steps[0]?.[0];
  const totalFrames = first?.dims[3];
  if (first?.dims.length !== 4 || totalFrames === undefined) return null;
  const frames = numFrames === null ? totalFrames : Math.min(numFrames, totalFrames);
  let tokens = 0;
  for (const step of steps) tokens += step[0]?.dims[2] ?? 0;
  const heads = alignmentHeads.length;
  const data = new Float32Array(heads * tokens * frames);
  let tokenOffset = 0;
  for (const step of steps) {
    let stepTokens = 0;
    for (const [slot, [layer, head]] of alignmentHeads.entries()) {
      const tensor = step[layer];
      if (!tensor || !(tensor.data instanceof Float32Array)) return null;
      const [batch = 0, headCount = 0, rows = 0, rowFrames] = tensor.dims;
      if (batchIndex >= batch || rowFrames !== totalFrames || head < 0 || head >= headCount)
        return null;
      stepTokens = rows;
      for (let row = 0; row < rows; row++) {
        const from = ((batchIndex * headCount + head) * rows + row) * totalFrames;
        data.set(
          tensor.data.subarray(from, from + frames),
          (slot * tokens + tokenOffset + row) * frames,
        );
      }
    }
    tokenOffset += stepTokens;
  }
  return { data, heads, tokens, frames };
}

/**
 * Per head and frame, standardises over tokens (population std, as the library's
 * `std_mean(weights, -2, 0)`), then median-filters each token's row over frames.
 */
function standardiseAndSmooth(w: HeadWeights, medianWidth: number): void {
  const { data, heads, tokens, frames } = w;
  const mean = new Float32Array(heads * frames);
  const spread = new Float32Array(heads * frames);
  for (let h = 0; h < heads; h++) {
    const stats = h * frames;
    for (let t = 0; t < tokens; t++) {
      const row = (h * tokens + t) * frames;
      for (let f = 0; f < frames; f++)
        mean[stats + f] = (mean[stats + f] ?? 0) + (data[row + f] ?? 0);
    }
  }
  if (tokens !== 1) for (let i = 0; i < mean.length; i++) mean[i] = (mean[i] ?? 0) / tokens;
  for (let h = 0; h < heads; h++) {
    const stats = h * frames;
    for (let t = 0; t < tokens; t++) {
      const row = (h * tokens + t) * frames;
      for (let f = 0; f < frames; f++) {
        const deviation = (data[row + f] ?? 0) - (mean[stats + f] ?? 0);
        spread[stats + f] = (spread[stats + f] ?? 0) + deviation ** 2;
      }
    }
  }
  for (let i = 0; i < spread.length; i++) spread[i] = Math.sqrt((spread[i] ?? 0) / tokens);

  const filtered = new Float32Array(frames);
  const window = new Float32Array(medianWidth);
  const half = Math.floor(medianWidth / 2);
  for (let h = 0; h < heads; h++) {
    const stats = h * frames;
    for (let t = 0; t < tokens; t++) {
      const row = (h * tokens + t) * frames;
      for (let f = 0; f < frames; f++)
        data[row + f] = ((data[row + f] ?? 0) - (mean[stats + f] ?? 0)) / (spread[stats + f] ?? 1);
      for (let f = 0; f < frames; f++) {
        const at = row + f;
        let value =
          medianWidth === 7 && f >= 3 && f < frames - 3
            ? medianOfSeven(
                data[at - 3] ?? 0,
                data[at - 2] ?? 0,
                data[at - 1] ?? 0,
                data[at] ?? 0,
                data[at + 1] ?? 0,
                data[at + 2] ?? 0,
                data[at + 3] ?? 0,
              )
            : NaN;
        if (value !== value) {
          for (let k = -half, slot = 0; k <= half; k++, slot++) {
            let index = f + k;
            if (index < 0) index = -index;
            else if (index >= frames) index = 2 * (frames - 1) - index; // reflect, as the library
            window[slot] = data[row + index] ?? 0;
          }
          value = median(window, half);
        }
        filtered[f] = value;
      }
      data.set(filtered, row);
    }
  }
}

/** Dynamic time warping over a [rows × cols] cost matrix: the path's row and column indices. */
export function timeWarp(cost: Float32Array, rows: number, cols: number): [number[], number[]] {
  const width = cols + 1;
  const total = new Float64Array((rows + 1) * width).fill(Infinity);
  const trace = new Int8Array((rows + 1) * width).fill(-1);
  total[0] = 0;
  for (let j = 1; j <= cols; j++) {
    for (let i = 1; i <= rows; i++) {
      const c0 = total[(i - 1) * width + j - 1] ?? Infinity;
      const c1 = total[(i - 1) * width + j] ?? Infinity;
      const c2 = total[i * width + j - 1] ?? Infinity;
      const t = c0 < c1 && c0 < c2 ? 0 : c1 < c0 && c1 < c2 ? 1 : 2;
      total[i * width + j] =
        (cost[(i - 1) * cols + j - 1] ?? 0) + (t === 0 ? c0 : t === 1 ? c1 : c2);
      trace[i * width + j] = t;
    }
  }
  for (let j = 0; j <= cols; j++) trace[j] = 2;
  for (let i = 0; i <= rows; i++) trace[i * width] = 1;
  const textIndices: number[] = [];
  const timeIndices: number[] = [];
  for (let i = rows, j = cols; i > 0 || j > 0;) {
    textIndices.push(i - 1);
    timeIndices.push(j - 1);
    const step = trace[i * width + j];
    if (step === 0) [i, j] = [i - 1, j - 1];
    else if (step === 1) i--;
    else if (step === 2) j--;
    else throw new Error(`time warping: unexpected trace at ${i}, ${j}`);
  }
  return [textIndices.reverse(), timeIndices.reverse()];
}

/**
 * Token start times (seconds from the window's start) for a sequence of `sequenceLength` tokens,
 * the first `numInputIds` of them the prompt, as the library's `_extract_token_timestamps`
 * computes them for a batch of one.
 */
export function tokenTimestamps(
  weights: HeadWeights,
  options: {
    medianWidth: number;
    timePrecision: number;
    numInputIds: number;
    sequenceLength: number;
  },
): Float32Array {
  standardiseAndSmooth(weights, options.medianWidth);
  const { data, heads, tokens, frames } = weights;
  const skip = options.numInputIds;
  const rows = tokens - skip;
  // average the heads over the tokens after the prompt, then negate: the warp minimises cost
  const cost = new Float32Array(rows * frames);
  for (let h = 0; h < heads; h++) {
    const from = (h * tokens + skip) * frames;
    for (let i = 0; i < cost.length; i++) cost[i] = (cost[i] ?? 0) + (data[from + i] ?? 0);
  }
  if (heads !== 1) for (let i = 0; i < cost.length; i++) cost[i] = (cost[i] ?? 0) / heads;
  for (let i = 0; i < cost.length; i++) cost[i] = -(cost[i] ?? 0);

  const [textIndices, timeIndices] = timeWarp(cost, rows, frames);
  const jumpTimes: number[] = [];
  for (let i = 0; i < textIndices.length; i++) {
    if (i === 0 || textIndices[i] !== textIndices[i - 1])
      jumpTimes.push((timeIndices[i] ?? 0) * options.timePrecision);
  }
  const timestamps = new Float32Array(options.sequenceLength);
  const padded = [...new Array<number>(skip).fill(0), ...jumpTimes];
  if (jumpTimes.length > 0) padded.push(jumpTimes.at(-1) ?? 0);
  timestamps.set(padded); // throws as the library does if the path is longer than the sequence
  return timestamps;
}
