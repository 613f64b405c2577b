/**
 * Word timing without the cost of concatenating every cross-attention.
 *
 * transformers.js times words by dynamic time warping over the cross-attention of a few
 * "alignment heads". Before that, its `_extract_token_timestamps` concatenates the cross-attention
 * of every layer and head over every decoding step with a generic `cat` that walks each element
 * with index arithmetic. For a whisper-base-sized window (6 layers × 8 heads × 1,500 frames × ~50
 * tokens) that took ~150 ms of a ~1.2-s window, measured here — and all but the alignment heads'
 * rows are thrown away right after.
 *
 * This override hands the library's own method a compact copy instead: one "step" holding, per
 * layer, only the alignment heads' rows, cut to the window's frames (copied with `TypedArray.set`),
 * with the head indices renumbered to match. The library's timing math then runs unchanged on
 * ~1/10 of the data, so the timestamps are the same by construction (and the tests compare them).
 */
import { Tensor } from '@huggingface/transformers';

/** The part of a transformers.js tensor this reads. */
interface AttentionTensor {
  readonly dims: readonly number[];
  readonly data: ArrayLike<number> & { subarray?: unknown };
}

/** What `generate()` returns when asked for cross-attentions (the parts the method reads). */
interface GenerateOutputs {
  cross_attentions?: AttentionTensor[][];
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
  config: { decoder_layers?: number };
  _extract_token_timestamps?: ExtractTokenTimestamps;
}

/**
 * Per layer, the alignment heads' cross-attention over all steps, as one [1, heads, tokens,
 * frames] tensor; `null` when the outputs are not in the shape this expects (batch of one,
 * float32), so the caller falls back to the library's own path.
 */
export function compactCrossAttentions(
  steps: readonly (readonly AttentionTensor[])[],
  headsByLayer: readonly (readonly number[])[],
  numFrames: number | null,
): Tensor[] | null {
  const first = steps[0]?.[0];
  if (!first || first.dims.length !== 4 || !(first.data instanceof Float32Array)) return null;
  const totalFrames = first.dims[3] ?? 0;
  const frames = numFrames === null ? totalFrames : Math.min(numFrames, totalFrames);
  let tokens = 0;
  for (const step of steps) tokens += step[0]?.dims[2] ?? 0;

  const compact: Tensor[] = [];
  for (const [layer, heads] of headsByLayer.entries()) {
    const out = new Float32Array(heads.length * tokens * frames);
    let tokenOffset = 0;
    for (const step of steps) {
      const tensor = step[layer];
      if (!tensor || !(tensor.data instanceof Float32Array)) return null;
      const [batch, headCount = 0, stepTokens = 0, stepFrames = 0] = tensor.dims;
      if (batch !== 1 || stepFrames !== totalFrames) return null;
      for (const [slot, head] of heads.entries()) {
        if (head >= headCount) return null;
        for (let row = 0; row < stepTokens; row++) {
          const from = (head * stepTokens + row) * stepFrames;
          const to = (slot * tokens + tokenOffset + row) * frames;
          out.set(tensor.data.subarray(from, from + frames), to);
        }
      }
      tokenOffset += stepTokens;
    }
    compact.push(new Tensor('float32', out, [1, heads.length, tokens, frames]));
  }
  return compact;
}

/**
 * Makes `model`'s word timing read only the alignment heads (see the file comment). Safe on any
 * model: without the method, or with outputs of another shape, the library's own path runs.
 */
export function useCompactCrossAttentions(model: WhisperModelInternals): void {
  const original = model._extract_token_timestamps;
  const layers = model.config.decoder_layers;
  if (typeof original !== 'function' || layers === undefined) return;
  model._extract_token_timestamps = function (outputs, alignmentHeads, numFrames, ...rest) {
    const steps = outputs.cross_attentions;
    // heads out of range: the library's path throws its own clear error
    const inRange = alignmentHeads.every(([layer]) => layer >= 0 && layer < layers);
    if (!steps || alignmentHeads.length === 0 || !inRange)
      return original.call(this, outputs, alignmentHeads, numFrames, ...rest);
    const headsByLayer: number[][] = Array.from({ length: layers }, () => []);
    for (const [layer, head] of alignmentHeads) {
      const heads = headsByLayer[layer];
      if (heads && !heads.includes(head)) heads.push(head);
    }
    const compact = compactCrossAttentions(steps, headsByLayer, numFrames ?? null);
    if (!compact) return original.call(this, outputs, alignmentHeads, numFrames, ...rest);
    const renumbered = alignmentHeads.map(([layer, head]): AlignmentHead => [
      layer,
      headsByLayer[layer]?.indexOf(head) ?? -1,
    ]);
    return original.call(
      this,
      { ...outputs, cross_attentions: [compact] },
      renumbered,
      numFrames,
      ...rest,
    );
  };
}
