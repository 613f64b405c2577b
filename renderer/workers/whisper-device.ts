/**
 * Which ONNX Runtime Web backend runs Whisper: WebGPU where the browser gives an adapter, else
 * WASM. A WebGPU load that fails (an adapter without the features ORT needs, a driver problem)
 * falls back to WASM rather than leaving the user without transcription. The e2e suite runs the
 * WebGPU path on Chromium's SwiftShader adapter (tests/e2e/transcribe.spec.ts); no real GPU here.
 */
import type { DeviceType } from '@huggingface/transformers';

/** The part of `navigator.gpu` this reads. */
export interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** Whether `gpu` gives an adapter (never throws). */
export async function hasWebGpuAdapter(gpu: GpuLike | undefined): Promise<boolean> {
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}

/** Loads with WebGPU when there is an adapter, else (or if that load fails) with WASM. */
export async function loadOnBestDevice<T>(
  load: (device: DeviceType) => Promise<T>,
  gpu: GpuLike | undefined,
  onFallback: (error: unknown) => void = () => undefined,
): Promise<T> {
  if (await hasWebGpuAdapter(gpu)) {
    try {
      return await load('webgpu');
    } catch (error) {
      onFallback(error);
    }
  }
  return load('wasm');
}
