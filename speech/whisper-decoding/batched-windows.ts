/**
 * Several windows through one Whisper decoder pass (batched greedy decoding) with the words the
 * pipeline gives each window on its own.
 *
 * Why: a decoder step streams all the decoder's weights (~48 MB for whisper-base q8, more than the
 * CPU cache) to produce one token; with a batch, each stream produces one token per window.
 * Measured here (whisper-base-sized q8, 1 thread): a step costs 8.2 ms for one window and 9.3 ms
 * for two. transformers.js 4.3.1 cannot batch Whisper itself (its timestamp mode decodes one
 * window at a time), so this drives its pieces:
 *
 * - each window's features and encoder pass on their own (same numbers as alone), then one
 *   `generate()` over the batch with those encoder outputs, with timestamps, as the pipeline asks;
 * - per window: its tokens up to end-of-text, word timing from its own cross-attention rows
 *   (./token-timestamps.ts, as the pipeline's), then the pipeline's own text and word decoding.
 *
 * What a window's decoding does alone is replayed step for step: the library's timestamp mode
 * (`_generate_with_seek`) decodes again from the last segment boundary when the output ends
 * inside a segment; such a window is reported as `null`, for its caller to run alone.
 * One difference remains: a q8 model quantises each step's activations with one scale for the
 * whole batch, so a batched window's logits differ from its solo ones by rounding (seen here:
 * ≤ 0.06 on logits up to ~100); a near-tie between two tokens can then go the other way.
 */
import {
  cat,
  type AutomaticSpeechRecognitionPipeline,
  type Tensor,
} from '@huggingface/transformers';
import { gatherAlignmentHeads, tokenTimestamps, type AttentionTensor } from './token-timestamps';

/** The pipeline's word chunks for one window (what `asr(samples, { return_timestamps: 'word' })` gives). */
export interface WordChunkLike {
  text: string;
  timestamp: readonly number[] | readonly [number | null, number | null];
}

/** The members of transformers.js's Whisper model and tokenizer this drives (4.3.1). */
interface WhisperInternals {
  config: { max_source_positions: number; median_filter_width?: number };
  generation_config: {
    max_length?: number;
    eos_token_id: number | number[];
    no_timestamps_token_id: number;
    alignment_heads?: [number, number][];
  };
  forward_params: string[];
  _retrieve_init_tokens(config: unknown): number[];
  _prepare_generation_config(config: null, kwargs: Record<string, unknown>): unknown;
  _prepare_encoder_decoder_kwargs_for_generation(args: {
    inputs_tensor: Tensor;
    model_inputs: Record<string, unknown>;
    model_input_name: string;
    generation_config: { guidance_scale: null };
  }): Promise<{ encoder_outputs: Tensor }>;
  generate(args: Record<string, unknown>): Promise<{
    sequences: Tensor;
    cross_attentions: AttentionTensor[][];
  }>;
}

interface TokenizerInternals {
  timestamp_begin: number;
  _decode_asr(
    chunks: { tokens: bigint[]; token_timestamps: number[]; stride: number[] }[],
    options: { time_precision: number; return_timestamps: 'word'; force_full_sequences: boolean },
  ): [string, { chunks?: WordChunkLike[] }];
}

interface FeatureExtractorConfig {
  chunk_length: number;
  sampling_rate: number;
}

/** Frames of the encoder output for a full 30-s input (what the library times words against). */
const WINDOW_FRAMES = 1500;

/**
 * The word chunks of each window, decoded as one batch; `null` for a window whose output the
 * library would decode again (see the file comment).
 */
export async function decodeWindowBatch(
  asr: AutomaticSpeechRecognitionPipeline,
  windows: readonly Float32Array[],
): Promise<(WordChunkLike[] | null)[]> {
  const model = asr.model as unknown as WhisperInternals;
  const tokenizer = asr.tokenizer as unknown as TokenizerInternals;
  const features: Tensor[] = [];
  const encoded: Tensor[] = [];
  for (const samples of windows) {
    const { input_features } = (await asr.processor(samples)) as { input_features: Tensor };
    features.push(input_features);
    const prepared = await model._prepare_encoder_decoder_kwargs_for_generation({
      inputs_tensor: input_features,
      model_inputs: { input_features },
      model_input_name: 'input_features',
      generation_config: { guidance_scale: null },
    });
    encoded.push(prepared.encoder_outputs);
  }
  // generate() keeps only its forward parameters from what it is given
  if (!model.forward_params.includes('encoder_outputs'))
    model.forward_params = [...model.forward_params, 'encoder_outputs'];
  const initTokens = model._retrieve_init_tokens(
    model._prepare_generation_config(null, { return_timestamps: true }),
  );
  const maxLength = model.generation_config.max_length ?? 448;
  const output = await model.generate({
    inputs: cat(features, 0),
    encoder_outputs: cat(encoded, 0),
    return_timestamps: true,
    // set: the library then decodes the batch once instead of its one-window seek loop
    max_new_tokens: maxLength - initTokens.length,
    output_attentions: true,
    return_dict_in_generate: true,
  });
  const sequences = output.sequences.tolist() as bigint[][];
  const eos = [model.generation_config.eos_token_id].flat()[0] ?? 0;
  const { chunk_length, sampling_rate } = (
    asr.processor.feature_extractor as unknown as { config: FeatureExtractorConfig }
  ).config;
  const timePrecision = chunk_length / model.config.max_source_positions;
  return windows.map((samples, b) => {
    const sequence = sequences[b] ?? [];
    const generated = sequence.slice(initTokens.length);
    const eosAt = generated.indexOf(BigInt(eos));
    const steps = eosAt >= 0 ? eosAt + 1 : generated.length;
    const weights = gatherAlignmentHeads(
      output.cross_attentions.slice(0, steps),
      model.generation_config.alignment_heads ?? [],
      WINDOW_FRAMES,
      b,
    );
    if (!weights) return null;
    const times = tokenTimestamps(weights, {
      medianWidth: model.config.median_filter_width ?? 7,
      timePrecision: 0.02,
      numInputIds: initTokens.length,
      sequenceLength: initTokens.length + steps,
    });
    const kept = keptTokens(generated.slice(0, steps).map(Number), {
      eos,
      timestampBegin: model.generation_config.no_timestamps_token_id + 1,
    });
    if (kept === null) return null;
    const tokens = [...initTokens, ...kept, eos].map(BigInt);
    const tokenTimes = [
      ...new Array<number>(initTokens.length).fill(0),
      ...Array.from(times.subarray(initTokens.length, initTokens.length + kept.length)),
      0,
    ];
    const prefix = Math.max(
      tokens.findIndex((t) => Number(t) >= tokenizer.timestamp_begin),
      0,
    );
    const [, optional] = tokenizer._decode_asr(
      [
        {
          tokens: tokens.slice(prefix),
          token_timestamps: tokenTimes.slice(prefix).map(roundToHundredths),
          stride: [samples.length / sampling_rate, 0, 0],
        },
      ],
      { time_precision: timePrecision, return_timestamps: 'word', force_full_sequences: false },
    );
    return optional.chunks ?? [];
  });
}

/**
 * The generated tokens (end-of-text dropped) the library keeps after decoding a window from its
 * start, or `null` when it would decode again: the output ends inside a segment (its last token
 * is not a lone closing timestamp) after at least one complete segment. Timestamp tokens are
 * capped at the window's last one, as the library caps them.
 */
export function keptTokens(
  generated: readonly number[],
  ids: { eos: number; timestampBegin: number },
): number[] | null {
  const tokens = generated.at(-1) === ids.eos ? generated.slice(0, -1) : [...generated];
  if (tokens.length === 0) return [];
  const isTimestamp = tokens.map((t) => t >= ids.timestampBegin);
  const singleTimestampEnding =
    tokens.length >= 2 &&
    isTimestamp[tokens.length - 1] === true &&
    !isTimestamp[tokens.length - 2];
  const hasBoundary = isTimestamp.some((ts, i) => ts && isTimestamp[i + 1] === true);
  if (hasBoundary && !singleTimestampEnding) return null;
  const last = ids.timestampBegin + WINDOW_FRAMES;
  return tokens.map((t) => (t >= ids.timestampBegin ? Math.min(t, last) : t));
}

/** transformers.js's `round(x, 2)`. */
function roundToHundredths(x: number): number {
  return Math.round(x * 100) / 100;
}
