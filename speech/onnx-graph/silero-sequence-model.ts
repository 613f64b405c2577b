/**
 * Silero VAD v5 over many frames per `run()`: the weights of `silero_vad_v5.onnx`, rewired so one
 * call scores a whole run of consecutive 32-ms frames.
 *
 * Why: the shipped model scores one frame per call (its LSTM carries the state from frame to
 * frame), and a call costs ~140 µs on ONNX Runtime Node here (~0.7 ms in Chromium's WASM), mostly
 * per-call and per-operator overhead and convolutions run as one tiny GEMM per frame: 0.73 s of a
 * 3-minute file in Node, a tenth of the whole transcription. Frames are independent up to the LSTM
 * (STFT, four convolutions), and ONNX's LSTM operator runs a whole sequence, so the rewired graph
 * takes `[n, 576]` frames and runs: the 16-kHz branch's STFT and convolutions as MatMuls over all
 * n frames' time steps at once, one LSTM over the n frames as a sequence (state in, state out),
 * then the per-frame head. Measured per frame (runs of 32 frames): ONNX Runtime Node 140 → 24 µs,
 * ORT Web WASM in Node ~700 → 78–120 µs. Probabilities equal the shipped model's to float
 * rounding (MatMuls sum in another order): ≤ 3.8e-6 over the 3-minute benchmark rehearsal, no
 * frame crossing a threshold.
 *
 * The graph names of the weights are the v5 export's (`stft.forward_basis_buffer`,
 * `encoder.N.reparam_conv.*`, `decoder.rnn.*`, `decoder.decoder.2.*`); another model file fails
 * with an error naming what is missing.
 */
import onnxProto from 'onnx-proto';
import { DataType, GraphBuilder, modelBytes } from './graph-builder';

const { onnx } = onnxProto;

/** Samples per frame: the previous frame's last 64 samples, then 512 new ones. */
export const SEQUENCE_FRAME_INPUT = 576;
const HIDDEN = 128;
const WEIGHT_NAMES = [
  'stft.forward_basis_buffer',
  'encoder.0.reparam_conv.weight',
  'encoder.0.reparam_conv.bias',
  'encoder.1.reparam_conv.weight',
  'encoder.1.reparam_conv.bias',
  'encoder.2.reparam_conv.weight',
  'encoder.2.reparam_conv.bias',
  'encoder.3.reparam_conv.weight',
  'encoder.3.reparam_conv.bias',
  'decoder.rnn.weight_ih',
  'decoder.rnn.weight_hh',
  'decoder.rnn.bias_ih',
  'decoder.rnn.bias_hh',
  'decoder.decoder.2.weight',
  'decoder.decoder.2.bias',
] as const;
type WeightName = (typeof WEIGHT_NAMES)[number];
/** The v5 encoder's convolution strides (kernel 3, padding 1 each). */
const ENCODER_STRIDES = [1, 2, 2, 1];
/** STFT hop (samples); the window is two hops. */
const HOP = 128;

/** A weight's float32 values (copied: the protobuf's bytes may sit at any offset). */
function floats(
  weights: Map<WeightName, onnxProto.onnx.ITensorProto>,
  name: WeightName,
): Float32Array {
  const raw = weights.get(name)?.rawData;
  if (!raw) throw new Error(`silero_vad_v5.onnx: ${name} has no raw data`);
  return new Float32Array(raw.slice().buffer);
}

/** `[rows, cols]` → `[cols, rows]`. */
function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c] ?? 0;
  return out;
}

/** Conv1d weight `[out, in, 3]` → the `[3·in, out]` matrix that multiplies taps concatenated as k·in + c. */
function convAsMatrix(weight: Float32Array, outChannels: number, inChannels: number): Float32Array {
  const matrix = new Float32Array(weight.length);
  for (let o = 0; o < outChannels; o++)
    for (let c = 0; c < inChannels; c++)
      for (let k = 0; k < 3; k++)
        matrix[(k * inChannels + c) * outChannels + o] = weight[(o * inChannels + c) * 3 + k] ?? 0;
  return matrix;
}

/** The 16-kHz branch's weight tensors, by their export names. */
function sixteenKhzWeights(
  model: onnxProto.onnx.IModelProto,
): Map<WeightName, onnxProto.onnx.ITensorProto> {
  // the top-level If picks the 16-kHz branch (then) or the 8-kHz one (else) from `sr`
  const branch = model.graph?.node
    ?.find((n) => n.opType === 'If')
    ?.attribute?.find((a) => a.name === 'then_branch')?.g;
  const weights = new Map<WeightName, onnxProto.onnx.ITensorProto>();
  for (const node of branch?.node ?? []) {
    const name = node.output?.[0]?.split('__Inline_0__')[1];
    const tensor = node.attribute?.[0]?.t;
    if (node.opType === 'Constant' && tensor && WEIGHT_NAMES.includes(name as WeightName))
      weights.set(name as WeightName, tensor);
  }
  const missing = WEIGHT_NAMES.filter((n) => !weights.has(n));
  if (missing.length > 0)
    throw new Error(
      `Not a Silero VAD v5 model (silero_vad_v5.onnx): no ${missing.join(', ')} in its 16 kHz branch`,
    );
  return weights;
}

/**
 * Builds the sequence model from the bytes of `silero_vad_v5.onnx`.
 * Inputs `frames` float32 `[n, 576]` (each frame prefixed with the previous one's last 64
 * samples, as the shipped model wants) and `state` `[2, 1, 128]` (zeros at the start); outputs
 * `probability` `[n]` (speech probability per frame) and `stateN` `[2, 1, 128]`.
 */
export function sileroSequenceModel(v5Bytes: Uint8Array): Uint8Array {
  const weights = sixteenKhzWeights(onnx.ModelProto.decode(v5Bytes));
  const g = new GraphBuilder('silero_vad_v5_sequence');
  const w = (name: WeightName): string => {
    const t = weights.get(name);
    if (!t?.rawData) throw new Error(`silero_vad_v5.onnx: ${name} has no raw data`);
    return g.constRaw(DataType.FLOAT, t.rawData, (t.dims ?? []).map(Number), name);
  };
  const ints = (values: readonly number[]): string => g.constI(values, [values.length]);
  const slice = (x: string, start: number, end: number, axis: number): string =>
    g.op('Slice', [x, ints([start]), ints([end]), ints([axis])]);

  const frames = g.input('frames', DataType.FLOAT, ['n', SEQUENCE_FRAME_INPUT]);
  const state = g.input('state', DataType.FLOAT, [2, 1, HIDDEN]);
  g.output('probability', DataType.FLOAT, ['n']);
  g.output('stateN', DataType.FLOAT, [2, 1, HIDDEN]);

  // STFT: reflect-pad 64 samples on the right, then the Fourier basis over 4 windows of 256
  // samples 128 apart, as one MatMul (a Conv here runs one small GEMM per frame): the padded
  // 640 samples are 5 hops of 128 and window t is hops t and t+1
  const padded = g.op('Pad', [frames, ints([0, 0, 0, 64])], { mode: 'reflect' });
  const hops = g.op('Reshape', [padded, ints([-1, 5, HOP])]);
  const windows = g.op('Concat', [slice(hops, 0, 4, 1), slice(hops, 1, 5, 1)], { axis: 2 });
  const basis = floats(weights, 'stft.forward_basis_buffer'); // [258, 1, 256]
  const spectrum = g.op('MatMul', [
    windows,
    g.constF(transpose(basis, 258, 2 * HOP), [2 * HOP, 258]),
  ]);
  const real = slice(spectrum, 0, 129, 2);
  const imaginary = slice(spectrum, 129, 258, 2);
  let x = g.op('Sqrt', [
    g.op('Add', [
      g.op('Pow', [real, g.constF([2], [])]),
      g.op('Pow', [imaginary, g.constF([2], [])]),
    ]),
  ]); // [n, 4 steps, 129]
  let steps = 4;
  for (const [i, stride] of ENCODER_STRIDES.entries()) {
    const weight = floats(weights, `encoder.${i}.reparam_conv.weight` as WeightName);
    const bias = floats(weights, `encoder.${i}.reparam_conv.bias` as WeightName);
    const outChannels = bias.length;
    const inChannels = weight.length / (outChannels * 3);
    // kernel 3, padding 1: output step t reads padded steps stride·t + k, k = 0, 1, 2
    const out = Math.floor((steps - 1) / stride) + 1;
    const zeroPadded = g.op('Pad', [x, ints([0, 1, 0, 0, 1, 0])]);
    const taps = [0, 1, 2].map((k) =>
      g.op('Slice', [
        zeroPadded,
        ints([k]),
        ints([k + stride * (out - 1) + 1]),
        ints([1]),
        ints([stride]),
      ]),
    );
    const product = g.op('MatMul', [
      g.op('Concat', taps, { axis: 2 }),
      g.constF(convAsMatrix(weight, outChannels, inChannels), [3 * inChannels, outChannels]),
    ]);
    x = g.op('Relu', [g.op('Add', [product, g.constF(bias, [outChannels])])]);
    steps = out;
  }

  // [n, 1 step, 128] → a sequence of n steps, batch 1; PyTorch's gate order (i,f,g,o) → ONNX's (i,o,f,c)
  const sequence = g.op('Reshape', [x, ints([-1, 1, HIDDEN])]);
  const onnxGates = (t: string): string =>
    g.op(
      'Concat',
      [
        slice(t, 0, HIDDEN, 0),
        slice(t, 3 * HIDDEN, 4 * HIDDEN, 0),
        slice(t, HIDDEN, 3 * HIDDEN, 0),
      ],
      { axis: 0 },
    );
  const oneDirection = (t: string): string => g.op('Unsqueeze', [t, ints([0])]);
  const [outputs, lastHidden, lastCell] = g.opN(
    'LSTM',
    [
      sequence,
      oneDirection(onnxGates(w('decoder.rnn.weight_ih'))),
      oneDirection(onnxGates(w('decoder.rnn.weight_hh'))),
      oneDirection(
        g.op('Concat', [onnxGates(w('decoder.rnn.bias_ih')), onnxGates(w('decoder.rnn.bias_hh'))], {
          axis: 0,
        }),
      ),
      '',
      slice(state, 0, 1, 0),
      slice(state, 1, 2, 0),
    ],
    { hidden_size: HIDDEN },
    3,
  );
  if (!outputs || !lastHidden || !lastCell) throw new Error('LSTM has three outputs');
  g.op('Concat', [lastHidden, lastCell], { axis: 0 }, 'stateN');

  // the head on every step's hidden state: ReLU, 1×1 conv to one logit, sigmoid
  const hidden = g.op('Reshape', [outputs, ints([-1, HIDDEN, 1])]);
  const logit = g.op(
    'Conv',
    [g.op('Relu', [hidden]), w('decoder.decoder.2.weight'), w('decoder.decoder.2.bias')],
    { kernel_shape: [1], pads: [0, 0], strides: [1], dilations: [1], group: 1 },
  );
  g.op('Reshape', [g.op('Sigmoid', [logit]), ints([-1])], {}, 'probability');
  return modelBytes(g.build(), 'pitchpace-silero-v5-sequence');
}
