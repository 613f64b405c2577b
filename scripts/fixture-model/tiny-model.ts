/**
 * The tiny fixture's graphs: an encoder that summarises loudness per encoder position and a
 * merged decoder that replays the script (1 layer, 1 head, d_model 4, ~250 KB in all).
 */
import { DataType, GraphBuilder, modelBytes } from '../../speech/onnx-graph/graph-builder';
import {
  addScriptPosition,
  addScriptedCrossAttention,
  addScriptedLogits,
  addScriptedToken,
} from './scripted-decoder';
import type { Vocabulary } from './vocabulary';

export const N_MELS = 80;
export const TINY_D_MODEL = 4;

/**
 * input_features [B,80,3000] → last_hidden_state [B,1500,4]: per encoder position the mean
 * log-mel of its two frames, then the means of the low, mid and high mel bands.
 */
export function buildTinyEncoder(): Uint8Array {
  const g = new GraphBuilder('whisper_fixture_encoder');
  const x = g.input('input_features', DataType.FLOAT, [
    'batch_size',
    'feature_size',
    'encoder_sequence_length',
  ]);
  g.output('last_hidden_state', DataType.FLOAT, [
    'batch_size',
    'encoder_sequence_length / 2',
    TINY_D_MODEL,
  ]);
  const frames = g.op('Transpose', [x], { perm: [0, 2, 1] }); // [B,3000,80]
  const pairs = g.op('Reshape', [frames, g.constI([0, -1, 2 * N_MELS], [3])]); // [B,1500,160]
  g.op(
    'MatMul',
    [pairs, g.constF(loudnessWeights(), [2 * N_MELS, TINY_D_MODEL])],
    {},
    'last_hidden_state',
  );
  return modelBytes(g.build(), 'pitchpace-fixture-model');
}

/** [160, 4] weights: column 0 = mean of both frames, columns 1–3 = band means. */
export function loudnessWeights(columns = TINY_D_MODEL): Float32Array {
  const w = new Float32Array(2 * N_MELS * columns);
  for (let row = 0; row < 2 * N_MELS; row++) {
    const mel = row % N_MELS;
    w[row * columns] = 1 / (2 * N_MELS);
    if (columns >= 4) {
      const band = mel < 27 ? 1 : mel < 54 ? 2 : 3;
      w[row * columns + band] = 1 / (2 * (band === 3 ? 26 : 27));
    }
  }
  return w;
}

export interface DecoderOptions {
  attnConvention: 'v4' | 'v2';
  silenceThreshold: number | null;
}

/** The merged decoder (with and without cache in one graph, as optimum exports it). */
export function buildTinyDecoder(v: Vocabulary, options: DecoderOptions): Uint8Array {
  const D = TINY_D_MODEL;
  const g = new GraphBuilder('whisper_fixture_decoder_merged');
  const ids = g.input('input_ids', DataType.INT64, ['batch_size', 'decoder_sequence_length']);
  const enc = g.input('encoder_hidden_states', DataType.FLOAT, [
    'batch_size',
    'encoder_sequence_length / 2',
    D,
  ]);
  // head_dim = d_model: transformers.js v3/v4 build the empty cache from these input shapes
  const pastKey = g.input('past_key_values.0.decoder.key', DataType.FLOAT, [
    'batch_size',
    1,
    'past_decoder_sequence_length',
    D,
  ]);
  g.input('past_key_values.0.decoder.value', DataType.FLOAT, [
    'batch_size',
    1,
    'past_decoder_sequence_length',
    D,
  ]);
  g.input('past_key_values.0.encoder.key', DataType.FLOAT, [
    'batch_size',
    1,
    'encoder_sequence_length_out',
    D,
  ]);
  g.input('past_key_values.0.encoder.value', DataType.FLOAT, [
    'batch_size',
    1,
    'encoder_sequence_length_out',
    D,
  ]);
  g.input('use_cache_branch', DataType.BOOL, [1]);

  g.output('logits', DataType.FLOAT, ['batch_size', 'decoder_sequence_length', v.vocabSize]);
  g.output('present.0.decoder.key', DataType.FLOAT, [
    'batch_size',
    1,
    'present_decoder_sequence_length',
    D,
  ]);
  g.output('present.0.decoder.value', DataType.FLOAT, [
    'batch_size',
    1,
    'present_decoder_sequence_length',
    D,
  ]);
  g.output('present.0.encoder.key', DataType.FLOAT, [
    'batch_size',
    1,
    'encoder_sequence_length_out',
    D,
  ]);
  g.output('present.0.encoder.value', DataType.FLOAT, [
    'batch_size',
    1,
    'encoder_sequence_length_out',
    D,
  ]);
  g.output('decoder_attentions.0', DataType.FLOAT, [
    'batch_size',
    1,
    'decoder_sequence_length',
    'present_decoder_sequence_length',
  ]);
  g.output('cross_attentions.0', DataType.FLOAT, [
    'batch_size',
    1,
    'decoder_sequence_length',
    'encoder_sequence_length / 2',
  ]);

  const at = addScriptPosition(g, v, ids, pastKey, D);
  const present = g.op('Concat', [pastKey, at.stateEntries], { axis: 2 }, 'present.0.decoder.key');
  g.op('Identity', [present], {}, 'present.0.decoder.value');
  const encoderView = g.op('Unsqueeze', [enc, g.constI([1], [1])], {}, 'present.0.encoder.key');
  g.op('Identity', [encoderView], {}, 'present.0.encoder.value');

  // self-attention weights: only transformers.js v2 asks for them (output_attentions)
  const idsShape = g.op('Shape', [ids]);
  g.op(
    'Expand',
    [
      g.constF([1], [1, 1, 1, 1]),
      g.op(
        'Concat',
        [
          g.op('Slice', [idsShape, g.constI([0], [1]), g.constI([1], [1])]),
          g.constI([1], [1]),
          g.op('Slice', [idsShape, g.constI([1], [1]), g.constI([2], [1])]),
          g.op('Unsqueeze', [g.op('Add', [at.past, at.steps]), g.constI([0], [1])]),
        ],
        { axis: 0 },
      ),
    ],
    {},
    'decoder_attentions.0',
  );

  const loudFrames = g.op('Gather', [enc, g.constI([0], [])], { axis: 2 }); // [B,T] mean log-mel
  const token = addScriptedToken(g, v, ids, at, {
    frames: loudFrames,
    threshold: options.silenceThreshold,
  });
  g.op('Identity', [addScriptedLogits(g, v, token)], {}, 'logits');
  const encoderFrames = g.op('Gather', [g.op('Shape', [enc]), g.constI([1], [])], { axis: 0 });
  const attention = addScriptedCrossAttention(g, v, at, encoderFrames, options.attnConvention);
  g.op('Identity', [attention], {}, 'cross_attentions.0');
  return modelBytes(g.build(), 'pitchpace-fixture-model');
}
