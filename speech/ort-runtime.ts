/**
 * The slice of the ONNX Runtime API that speech/ uses. Both `onnxruntime-node` and
 * `onnxruntime-web` satisfy it, so hosts pass in whichever module they have and speech/ stays
 * runtime-agnostic (and bundles no runtime of its own).
 */
export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}

export interface OrtSession {
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

export interface OrtSessionOptions {
  executionProviders?: string[];
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
}

/** `import * as ort from 'onnxruntime-node'` or `'onnxruntime-web'`. */
export interface OrtRuntime {
  InferenceSession: { create(model: Uint8Array, options?: OrtSessionOptions): Promise<OrtSession> };
  Tensor: new (
    type: 'float32' | 'int64',
    data: Float32Array | BigInt64Array,
    dims: readonly number[],
  ) => OrtTensor;
}
