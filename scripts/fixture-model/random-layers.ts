/**
 * Transformer building blocks with seeded random weights, for real-sized compute without real
 * weights. Optionally int8 ("q8"): weight MatMuls as ONNX Runtime's dynamic quantization emits
 * them (DynamicQuantizeLinear + MatMulInteger(uint8 × int8) + Cast + scale).
 */
import { DataType, type GraphBuilder } from '../../speech/onnx-graph/graph-builder';

export interface Attention {
  /** [B,S,D] */
  context: string;
  /** [B,H,S,T] softmax weights */
  weights: string;
}

export class RandomLayers {
  private state: number;

  constructor(
    private readonly g: GraphBuilder,
    seed: number,
    private readonly q8: boolean,
  ) {
    this.state = seed >>> 0;
  }

  /** Uniform in [-1, 1) from a 32-bit LCG: fast, and the same model bytes every run. */
  private random(): number {
    this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
    return (this.state / 4294967296) * 2 - 1;
  }

  private randomArray(n: number, scale: number): Float32Array {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = this.random() * scale;
    return a;
  }

  /** A float weight of the given dims, scaled 1/√fanIn. */
  weight(dims: readonly number[], fanIn: number): string {
    const n = dims.reduce((a, b) => a * b, 1);
    return this.g.constF(this.randomArray(n, 1 / Math.sqrt(fanIn)), dims);
  }

  private bias(n: number): string {
    return this.g.constF(this.randomArray(n, 0.02), [n]);
  }

  scale(headDim: number): string {
    return this.g.constF([1 / Math.sqrt(headDim)], []);
  }

  private matmul(x: string, dIn: number, dOut: number): string {
    const g = this.g;
    if (!this.q8) return g.op('MatMul', [x, this.weight([dIn, dOut], dIn)]);
    const [xq = '', xScale = '', xZero = ''] = g.opN('DynamicQuantizeLinear', [x], {}, 3);
    const w = Int8Array.from({ length: dIn * dOut }, () => Math.round(this.random() * 127));
    const wName = g.constRaw(DataType.INT8, new Uint8Array(w.buffer), [dIn, dOut]);
    const wZero = g.constRaw(DataType.INT8, new Uint8Array(1), []);
    const acc = g.op('MatMulInteger', [xq, wName, xZero, wZero]);
    const scale = g.op('Mul', [xScale, g.constF([1 / Math.sqrt(dIn) / 127], [])]);
    return g.op('Mul', [g.op('Cast', [acc], { to: DataType.FLOAT }), scale]);
  }

  /** Rows of an int8 table (scaled 1/√cols), dequantized: a quantized embedding lookup. */
  quantizedGather(dims: readonly [number, number], indices: string): string {
    const g = this.g;
    const table = Int8Array.from({ length: dims[0] * dims[1] }, () =>
      Math.round(this.random() * 127),
    );
    const name = g.constRaw(DataType.INT8, new Uint8Array(table.buffer), dims);
    const rows = g.op('Gather', [name, indices], { axis: 0 });
    const scale = g.constF([1 / Math.sqrt(dims[1]) / 127], []);
    return g.op('DequantizeLinear', [
      rows,
      scale,
      g.constRaw(DataType.INT8, new Uint8Array(1), []),
    ]);
  }

  linear(x: string, dIn: number, dOut: number, bias = true): string {
    const y = this.matmul(x, dIn, dOut);
    return bias ? this.g.op('Add', [y, this.bias(dOut)]) : y;
  }

  /** Conv1d, kernel 3, padding 1 (Whisper's stem). */
  conv(x: string, cIn: number, cOut: number, stride: number): string {
    return this.g.op('Conv', [x, this.weight([cOut, cIn, 3], cIn * 3), this.bias(cOut)], {
      kernel_shape: [3],
      pads: [1, 1],
      strides: [stride],
    });
  }

  /** GELU in the erf form torch exports (ONNX Runtime fuses it). */
  gelu(x: string): string {
    const g = this.g;
    const inner = g.op('Add', [
      g.op('Erf', [g.op('Mul', [x, g.constF([Math.SQRT1_2], [])])]),
      g.constF([1], []),
    ]);
    return g.op('Mul', [g.op('Mul', [x, g.constF([0.5], [])]), inner]);
  }

  layerNorm(x: string, d: number): string {
    return this.g.op(
      'LayerNormalization',
      [x, this.g.constF(new Float32Array(d).fill(1), [d]), this.g.constF(new Float32Array(d), [d])],
      {
        axis: -1,
        epsilon: { float: 1e-5 },
      },
    );
  }

  /** [B,T,D] → [B,H,T,D/H] (head size given: T may be 0, and -1 cannot be inferred then). */
  splitHeads(x: string, heads: number, headDim = 64): string {
    const reshaped = this.g.op('Reshape', [x, this.g.constI([0, 0, heads, headDim], [4])]);
    return this.g.op('Transpose', [reshaped], { perm: [0, 2, 1, 3] });
  }

  /** Scaled query (already × 1/√d) against keys and values [B,H,T,hd]. */
  attend(query: string, key: string, value: string, d: number): Attention {
    const g = this.g;
    const weights = g.op(
      'Softmax',
      [g.op('MatMul', [query, g.op('Transpose', [key], { perm: [0, 1, 3, 2] })])],
      { axis: -1 },
    );
    const merged = g.op('Transpose', [g.op('MatMul', [weights, value])], { perm: [0, 2, 1, 3] });
    return { context: g.op('Reshape', [merged, g.constI([0, 0, d], [3])]), weights };
  }

  /**
   * Attention over keys/values held in two parts (a cache and a fresh part, either may be empty)
   * without concatenating them: scores side by side, one softmax, weighted sums per part.
   */
  attendTwoParts(
    query: string,
    first: { key: string; value: string },
    second: { key: string; value: string },
    d: number,
  ): Attention {
    const g = this.g;
    const scores = (key: string): string =>
      g.op('MatMul', [query, g.op('Transpose', [key], { perm: [0, 1, 3, 2] })]);
    const firstScores = scores(first.key);
    const weights = g.op(
      'Softmax',
      [g.op('Concat', [firstScores, scores(second.key)], { axis: -1 })],
      { axis: -1 },
    );
    const firstLength = g.op('Gather', [g.op('Shape', [firstScores]), g.constI([3], [])], {
      axis: 0,
    });
    const split = g.op('Unsqueeze', [firstLength, g.constI([0], [1])]);
    const axis = g.constI([3], [1]);
    const firstWeights = g.op('Slice', [weights, g.constI([0], [1]), split, axis]);
    const secondWeights = g.op('Slice', [
      weights,
      split,
      g.constI([Number.MAX_SAFE_INTEGER], [1]),
      axis,
    ]);
    const context = g.op('Add', [
      g.op('MatMul', [firstWeights, first.value]),
      g.op('MatMul', [secondWeights, second.value]),
    ]);
    const merged = g.op('Transpose', [context], { perm: [0, 2, 1, 3] });
    return { context: g.op('Reshape', [merged, g.constI([0, 0, d], [3])]), weights };
  }

  /** Encoder self-attention block (without the residual). */
  selfAttention(h: string, d: number, heads: number): string {
    const q = this.splitHeads(
      this.g.op('Mul', [this.linear(h, d, d), this.scale(d / heads)]),
      heads,
    );
    const k = this.splitHeads(this.linear(h, d, d, false), heads);
    const v = this.splitHeads(this.linear(h, d, d), heads);
    return this.linear(this.attend(q, k, v, d).context, d, d);
  }

  feedForward(x: string, d: number, hidden: number): string {
    return this.linear(this.gelu(this.linear(x, d, hidden)), hidden, d);
  }
}
