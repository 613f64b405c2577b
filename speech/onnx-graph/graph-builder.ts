/**
 * A small graph builder over `onnx-proto` (protobufjs static code for the ONNX v1.10 schema):
 * value infos, initializers, nodes and the serialized ModelProto (opset 17, IR 8). Used by the
 * Silero sequence model (./silero-sequence-model.ts) and the test fixtures' generated Whisper
 * models (scripts/fixture-model). No Node imports: runs in a Web Worker too.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX tensor element types used here (FLOAT=1, INT8=3, INT64=7, BOOL=9). */
export const DataType = onnx.TensorProto.DataType;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** A fixed dimension (number) or a symbolic one (`dim_param`, string). */
export type Dim = number | string;

/** Node attribute values the graphs here need. */
export type AttributeValue =
  number | string | number[] | { float: number } | { graph: onnxProto.onnx.IGraphProto };

function valueInfo(
  name: string,
  elemType: DataType,
  dims: readonly Dim[],
): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): onnxProto.onnx.IAttributeProto {
  const kind = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    // an integer-valued JS number is an INT attribute; use { float } for float attributes like 1.0
    return Number.isInteger(value)
      ? { name, type: kind.INT, i: value }
      : { name, type: kind.FLOAT, f: value };
  }
  if (typeof value === 'string')
    return { name, type: kind.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: kind.INTS, ints: value };
  if ('float' in value) return { name, type: kind.FLOAT, f: value.float };
  return { name, type: kind.GRAPH, g: value.graph };
}

/** A graph under construction. Node outputs get unique generated names unless given. */
export class GraphBuilder {
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private counter = 0;

  /**
   * @param name graph name
   * @param prefix prefix of generated names; subgraphs (If branches) need their own so names
   *   stay unique across the whole model
   */
  constructor(
    readonly name: string,
    private readonly prefix = '',
  ) {}

  /** A fresh, unique tensor name. */
  tmp(kind = 't'): string {
    return `${this.prefix}${kind}_${this.counter++}`;
  }

  input(name: string, elemType: DataType, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: DataType, dims: readonly Dim[]): string {
    this.outputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  /** A raw-data initializer of any element type. */
  constRaw(
    dataType: DataType,
    bytes: Uint8Array,
    dims: readonly number[],
    name = this.tmp('c'),
  ): string {
    this.initializers.push({ name, dataType, dims: [...dims], rawData: bytes });
    return name;
  }

  /** float32 initializer. */
  constF(values: ArrayLike<number>, dims: readonly number[], name = this.tmp('cf')): string {
    const array = Float32Array.from(values);
    return this.constRaw(DataType.FLOAT, new Uint8Array(array.buffer), dims, name);
  }

  /** int64 initializer. */
  constI(values: readonly number[], dims: readonly number[], name = this.tmp('ci')): string {
    const array = BigInt64Array.from(values, (v) => BigInt(v));
    return this.constRaw(DataType.INT64, new Uint8Array(array.buffer), dims, name);
  }

  /** Adds a node with one output and returns the output's name. */
  op(
    opType: string,
    inputs: readonly string[],
    attrs: Record<string, AttributeValue> = {},
    outName?: string,
  ): string {
    const [out] = this.opN(opType, inputs, attrs, outName === undefined ? 1 : [outName]);
    return out as string;
  }

  /** Adds a node with several outputs (a count or explicit names) and returns their names. */
  opN(
    opType: string,
    inputs: readonly string[],
    attrs: Record<string, AttributeValue>,
    outs: number | readonly string[],
  ): string[] {
    const output =
      typeof outs === 'number' ? Array.from({ length: outs }, () => this.tmp(opType)) : [...outs];
    const attributeList = Object.entries(attrs).map(([k, v]) => attribute(k, v));
    this.nodes.push({
      opType,
      input: [...inputs],
      output,
      attribute: attributeList,
      name: this.tmp('n'),
    });
    return output;
  }

  build(): onnxProto.onnx.IGraphProto {
    return {
      name: this.name,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
    };
  }
}

/** Serializes a graph into ONNX model bytes. */
export function modelBytes(graph: onnxProto.onnx.IGraphProto, producer = 'pitchpace'): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: 8,
    producerName: producer,
    opsetImport: [{ domain: '', version: 17 }],
    graph,
  }).finish();
}
