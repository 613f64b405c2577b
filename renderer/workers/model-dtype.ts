/**
 * Which ONNX file set of a served model folder to load. transformers.js's web default (q8) would
 * ask for `_quantized` files that fp32 folders (the test fixture, exports) do not have.
 */
import type { DataType } from '@huggingface/transformers';
import { MODELS_PATH } from '../features/models/served-models';

export { MODELS_PATH };

const isDataType = (value: unknown): value is DataType =>
  typeof value === 'string' &&
  ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16'].includes(value);

/** The dtype config.json names for transformers.js, else q8 when its encoder is there, else fp32. */
export async function modelDtype(modelId: string): Promise<DataType> {
  const folder = `${MODELS_PATH}${encodeURIComponent(modelId)}/`;
  const config = await fetch(`${folder}config.json`)
    .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
    .catch(() => null);
  const configured = (config as { 'transformers.js_config'?: { dtype?: unknown } } | null)?.[
    'transformers.js_config'
  ]?.dtype;
  if (isDataType(configured)) return configured;
  const quantized = await fetch(`${folder}onnx/encoder_model_quantized.onnx`, { method: 'HEAD' })
    .then((r) => r.ok)
    .catch(() => false);
  return quantized ? 'q8' : 'fp32';
}
