/**
 * Puts ./token-timestamps.ts in place of a loaded Whisper model's `_extract_token_timestamps`
 * (on that instance only). Anything it does not handle — more than one sequence, attention of
 * another shape, heads out of range — goes to the library's own method, which also raises the
 * library's errors.
 */
import { Tensor } from '@huggingface/transformers';
import { gatherAlignmentHeads, tokenTimestamps, type AttentionTensor } from './token-timestamps';

/** What `generate()` returns when asked for cross-attentions (the parts read here). */
interface GenerateOutputs {
  cross_attentions?: AttentionTensor[][];
  sequences?: { dims: readonly number[] };
  [key: string]: unknown;
}

type AlignmentHead = readonly [layer: number, head: number];

type ExtractTokenTimestamps = (
  outputs: GenerateOutputs,
  alignmentHeads: readonly AlignmentHead[],
  numFrames?: number | null,
  timePrecision?: number,
  numInputIds?: number,
) => unknown;

/** A Whisper model as transformers.js builds it (the members this touches). */
export interface WhisperModelInternals {
  config: { decoder_layers?: number; median_filter_width?: number };
  _extract_token_timestamps?: ExtractTokenTimestamps;
}

/** Makes `model`'s word timing use the typed-array implementation (see the file comment). */
export function useFastTokenTimestamps(model: WhisperModelInternals): void {
  const original = model._extract_token_timestamps;
  const layers = model.config.decoder_layers;
  if (typeof original !== 'function' || layers === undefined) return;
  model._extract_token_timestamps = function (
    outputs,
    alignmentHeads,
    numFrames = null,
    timePrecision = 0.02,
    numInputIds = 0,
  ) {
    const fallback = () =>
      original.call(this, outputs, alignmentHeads, numFrames, timePrecision, numInputIds);
    const steps = outputs.cross_attentions;
    const sequence = outputs.sequences?.dims;
    const inRange = alignmentHeads.every(([layer]) => layer >= 0 && layer < layers);
    if (!steps || !sequence || sequence[0] !== 1 || alignmentHeads.length === 0 || !inRange)
      return fallback();
    const weights = gatherAlignmentHeads(steps, alignmentHeads, numFrames);
    if (!weights || weights.tokens <= numInputIds) return fallback();
    const timestamps = tokenTimestamps(weights, {
      medianWidth: model.config.median_filter_width ?? 7,
      timePrecision,
      numInputIds,
      sequenceLength: sequence[1] ?? 0,
    });
    return new Tensor('float32', timestamps, [...sequence]);
  };
}
