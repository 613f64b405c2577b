/**
 * A whisper-base-sized model for benchmarks: random weights with whisper-base's dimensions
 * (d_model 512, 8 heads, 6+6 layers, FFN 2048, 51,864-token vocabulary) and the real compute,
 * with the fixture's scripted logits added on top so decoding stops where a real transcript
 * would (a random decoder alone never emits end-of-text).
 *
 * Kept realistic where it costs time: cross-attention K/V are computed once per window (an If on
 * use_cache_branch, as optimum's merged export does), every step runs all decoder layers and the
 * full vocabulary projection (tied to the token embedding, as in Whisper).
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeConfigs } from './configs';
import { DataType, GraphBuilder, modelBytes } from '../../speech/onnx-graph/graph-builder';
import { RandomLayers } from './random-layers';
import {
  addScriptPosition,
  addScriptedCrossAttention,
  addScriptedLogits,
  addScriptedToken,
} from './scripted-decoder';
import type { FixtureSpec } from './spec';
import { loudnessWeights, N_MELS } from './tiny-model';
import {
  buildVocabulary,
  ENCODER_POSITIONS,
  MAX_TARGET_POSITIONS,
  type Vocabulary,
} from './vocabulary';

const D = 512;
const HEADS = 8;
const HEAD_DIM = D / HEADS;
const LAYERS = 6;
/** whisper-base's alignment heads (its generation_config lists 8). */
const ALIGNMENT_HEADS = 8;

/** input_features [B,80,3000] → last_hidden_state [B,1500,512]; channel 0 carries mean log-mel for the silence gate. */
function buildBaseEncoder(q8: boolean): Uint8Array {
  const g = new GraphBuilder('whisper_base_sized_encoder');
  const k = new RandomLayers(g, 12345, q8);
  const features = g.input('input_features', DataType.FLOAT, ['batch_size', N_MELS, 3000]);
  g.output('last_hidden_state', DataType.FLOAT, ['batch_size', ENCODER_POSITIONS, D]);
  let x = k.gelu(k.conv(features, N_MELS, D, 1));
  x = k.gelu(k.conv(x, D, D, 2));
  x = g.op('Transpose', [x], { perm: [0, 2, 1] });
  x = g.op('Add', [x, k.weight([ENCODER_POSITIONS, D], 50)]);
  for (let layer = 0; layer < LAYERS; layer++) {
    const h = k.layerNorm(x, D);
    x = g.op('Add', [x, k.selfAttention(h, D, HEADS)]);
    x = g.op('Add', [x, k.feedForward(k.layerNorm(x, D), D, 4 * D)]);
  }
  const real = k.layerNorm(x, D);
  const frames = g.op('Transpose', [features], { perm: [0, 2, 1] });
  const pairs = g.op('Reshape', [frames, g.constI([0, -1, 2 * N_MELS], [3])]);
  const loudness = g.op('MatMul', [pairs, g.constF(loudnessWeights(1), [2 * N_MELS, 1])]); // [B,1500,1]
  const rest = g.op('Slice', [real, g.constI([1], [1]), g.constI([D], [1]), g.constI([2], [1])]);
  g.op('Concat', [loudness, rest], { axis: 2 }, 'last_hidden_state');
  return modelBytes(g.build(), 'pitchpace-base-sized-encoder');
}

function buildBaseDecoder(v: Vocabulary, q8: boolean, silenceThreshold: number | null): Uint8Array {
  const g = new GraphBuilder('whisper_base_sized_decoder_merged');
  const k = new RandomLayers(g, 4242, q8);
  const cacheDims = (s: string): Array<string | number> => ['batch_size', HEADS, s, HEAD_DIM];
  const ids = g.input('input_ids', DataType.INT64, ['batch_size', 'decoder_sequence_length']);
  const enc = g.input('encoder_hidden_states', DataType.FLOAT, [
    'batch_size',
    'encoder_sequence_length / 2',
    D,
  ]);
  for (let l = 0; l < LAYERS; l++) {
    for (const part of ['decoder.key', 'decoder.value'])
      g.input(
        `past_key_values.${l}.${part}`,
        DataType.FLOAT,
        cacheDims('past_decoder_sequence_length'),
      );
    for (const part of ['encoder.key', 'encoder.value'])
      g.input(
        `past_key_values.${l}.${part}`,
        DataType.FLOAT,
        cacheDims('encoder_sequence_length_out'),
      );
  }
  g.input('use_cache_branch', DataType.BOOL, [1]); // fed by transformers.js; the graph needs no branch (below)
  g.output('logits', DataType.FLOAT, ['batch_size', 'decoder_sequence_length', v.vocabSize]);
  for (let l = 0; l < LAYERS; l++) {
    for (const part of ['decoder.key', 'decoder.value'])
      g.output(
        `present.${l}.${part}`,
        DataType.FLOAT,
        cacheDims('present_decoder_sequence_length'),
      );
    for (const part of ['encoder.key', 'encoder.value'])
      g.output(`present.${l}.${part}`, DataType.FLOAT, cacheDims('encoder_sequence_length_out'));
  }
  for (let l = 0; l < LAYERS; l++) {
    g.output(`cross_attentions.${l}`, DataType.FLOAT, [
      'batch_size',
      HEADS,
      'decoder_sequence_length',
      'encoder_sequence_length / 2',
    ]);
  }

  // Cross-attention K/V come from the encoder output on a window's first step only (when the
  // cached ones are still empty); later steps attend over the cache. Without an If, and without
  // copying the 1500-long cache on every step (real merged exports do not copy it either): the
  // "fresh" K/V are projected from 0 encoder frames once the cache is filled, and attention runs
  // over cache and fresh parts side by side (one softmax over both).
  const pastEncoderLength = g.op(
    'Gather',
    [g.op('Shape', ['past_key_values.0.encoder.key']), g.constI([2], [])],
    {
      axis: 0,
    },
  );
  const firstStep = g.op('Cast', [g.op('Equal', [pastEncoderLength, g.constI([0], [])])], {
    to: DataType.INT64,
  });
  const encoderLength = g.op('Gather', [g.op('Shape', [enc]), g.constI([1], [])], { axis: 0 });
  const freshFrames = g.op('Unsqueeze', [
    g.op('Mul', [firstStep, encoderLength]),
    g.constI([0], [1]),
  ]);
  const encoderForFresh = g.op('Slice', [enc, g.constI([0], [1]), freshFrames, g.constI([1], [1])]);

  // the script's state lives in layer 0's self-attention keys, head 0, channels 0-1
  const pastKey0 = 'past_key_values.0.decoder.key';
  const head0 = g.op('Slice', [
    pastKey0,
    g.constI([0], [1]),
    g.constI([1], [1]),
    g.constI([1], [1]),
  ]);
  const at = addScriptPosition(g, v, ids, head0, HEAD_DIM);
  const stateMask = new Uint8Array(HEADS * HEAD_DIM);
  stateMask[0] = 1;
  stateMask[1] = 1;
  const stateSlots = g.constRaw(DataType.BOOL, stateMask, [1, HEADS, 1, HEAD_DIM]);

  // q8: the token table int8 too (dynamic quantization quantizes Gather), dequantized per row read
  const embedding = q8 ? '' : k.weight([v.vocabSize, D], D);
  const embed = (tokenIds: string): string =>
    q8
      ? k.quantizedGather([v.vocabSize, D], tokenIds)
      : g.op('Gather', [embedding, tokenIds], { axis: 0 });
  const positions = g.op('Min', [
    g.op('Range', [at.past, g.op('Add', [at.past, at.steps]), g.constI([1], [])]),
    g.constI([MAX_TARGET_POSITIONS - 1], []),
  ]);
  let x = g.op('Add', [
    embed(ids),
    g.op('Gather', [k.weight([MAX_TARGET_POSITIONS, D], 50), positions], { axis: 0 }),
  ]);
  const headMask = g.constRaw(
    DataType.BOOL,
    Uint8Array.from({ length: HEADS }, (_, i) => (i === 0 ? 1 : 0)),
    [1, HEADS, 1, 1],
  );
  const encoderFrames = g.op('Gather', [g.op('Shape', [enc]), g.constI([1], [])], { axis: 0 });
  const scriptedAttention = addScriptedCrossAttention(g, v, at, encoderFrames, 'v4');
  for (let l = 0; l < LAYERS; l++) {
    const h = k.layerNorm(x, D);
    const query = k.splitHeads(g.op('Mul', [k.linear(h, D, D), k.scale(HEAD_DIM)]), HEADS);
    let newKey = k.splitHeads(k.linear(h, D, D, false), HEADS);
    if (l === 0) newKey = g.op('Where', [stateSlots, at.stateEntries, newKey]);
    const key = g.op(
      'Concat',
      [`past_key_values.${l}.decoder.key`, newKey],
      { axis: 2 },
      `present.${l}.decoder.key`,
    );
    const newValue = k.splitHeads(k.linear(h, D, D), HEADS);
    const value = g.op(
      'Concat',
      [`past_key_values.${l}.decoder.value`, newValue],
      { axis: 2 },
      `present.${l}.decoder.value`,
    );
    x = g.op('Add', [x, k.linear(k.attend(query, key, value, D).context, D, D)]);

    const freshKey = k.splitHeads(k.linear(encoderForFresh, D, D, false), HEADS);
    const freshValue = k.splitHeads(k.linear(encoderForFresh, D, D), HEADS);
    g.op('Identity', [freshKey], {}, `present.${l}.encoder.key`);
    g.op('Identity', [freshValue], {}, `present.${l}.encoder.value`);
    const crossQuery = k.splitHeads(
      g.op('Mul', [k.linear(k.layerNorm(x, D), D, D), k.scale(HEAD_DIM)]),
      HEADS,
    );
    const cross = k.attendTwoParts(
      crossQuery,
      { key: `past_key_values.${l}.encoder.key`, value: `past_key_values.${l}.encoder.value` },
      { key: freshKey, value: freshValue },
      D,
    );
    const weights =
      l === 0 ? g.op('Where', [headMask, scriptedAttention, cross.weights]) : cross.weights;
    g.op('Identity', [weights], {}, `cross_attentions.${l}`);
    x = g.op('Add', [x, k.linear(cross.context, D, D)]);
    x = g.op('Add', [x, k.feedForward(k.layerNorm(x, D), D, 4 * D)]);
  }
  // Output projection onto the vocabulary. fp32: tied to the token embedding ([B*S,512] × [V,512]ᵀ)
  // as in Whisper; q8: its own int8 [512,V] weight, as dynamic quantization of an export leaves it.
  const normed = k.layerNorm(x, D);
  const realLogits = q8
    ? k.linear(normed, D, v.vocabSize, false)
    : g.op('Reshape', [
        g.op('Gemm', [g.op('Reshape', [normed, g.constI([-1, D], [2])]), embedding], { transB: 1 }),
        g.op('Concat', [g.op('Shape', [ids]), g.constI([v.vocabSize], [1])], { axis: 0 }),
      ]);
  const loudFrames = g.op('Gather', [enc, g.constI([0], [])], { axis: 2 });
  const token = addScriptedToken(g, v, ids, at, {
    frames: loudFrames,
    threshold: silenceThreshold,
  });
  g.op('Add', [realLogits, addScriptedLogits(g, v, token)], {}, 'logits');
  return modelBytes(g.build(), 'pitchpace-base-sized-decoder');
}

/**
 * Writes a whisper-base-sized scripted model folder (English-only unless the spec says
 * multilingual). fp32: ~300 MB on disk; q8 (weight MatMuls quantized as ONNX Runtime's dynamic
 * quantization emits them): ~190 MB, named for transformers.js dtype "q8".
 */
export function makeBaseSizedFixture(
  outDir: string,
  spec: FixtureSpec,
  options: { q8: boolean },
): Vocabulary {
  fs.mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const v = buildVocabulary(spec, { whisperSize: true });
  writeConfigs(
    outDir,
    v,
    spec.multilingual === true,
    {
      dModel: D,
      encoderLayers: LAYERS,
      encoderHeads: HEADS,
      decoderLayers: LAYERS,
      decoderHeads: HEADS,
      // whisper-base's 8 alignment heads cost the word timing 8 heads' work; here all 8 are the
      // one head that carries the scripted attention (layer 0, head 0), so words stay where the
      // script puts them
      alignmentHeads: Array.from({ length: ALIGNMENT_HEADS }, (): [number, number] => [0, 0]),
      dtype: options.q8 ? 'q8' : 'fp32',
    },
    'whisper-base-sized-fixture',
  );
  const suffix = options.q8 ? '_quantized' : '';
  const threshold = spec.silenceThreshold === undefined ? -1.4 : spec.silenceThreshold;
  fs.writeFileSync(
    path.join(outDir, 'onnx', `encoder_model${suffix}.onnx`),
    buildBaseEncoder(options.q8),
  );
  fs.writeFileSync(
    path.join(outDir, 'onnx', `decoder_model_merged${suffix}.onnx`),
    buildBaseDecoder(v, options.q8, threshold),
  );
  return v;
}
