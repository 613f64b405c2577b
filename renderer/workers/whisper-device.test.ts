import { describe, expect, it } from 'vitest';
import { hasWebGpuAdapter, loadOnBestDevice } from './whisper-device';

const withAdapter = { requestAdapter: () => Promise.resolve({}) };
const noAdapter = { requestAdapter: () => Promise.resolve(null) };
const broken = { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) };

describe('Whisper device choice', () => {
  it('sees an adapter only when requestAdapter gives one', async () => {
    expect(await hasWebGpuAdapter(withAdapter)).toBe(true);
    expect(await hasWebGpuAdapter(noAdapter)).toBe(false);
    expect(await hasWebGpuAdapter(broken)).toBe(false);
    expect(await hasWebGpuAdapter(undefined)).toBe(false);
  });

  it('loads on WebGPU with an adapter, on WASM without', async () => {
    const tried: string[] = [];
    const load = (device: string) => (tried.push(device), Promise.resolve(device));
    expect(await loadOnBestDevice(load, withAdapter)).toBe('webgpu');
    expect(await loadOnBestDevice(load, undefined)).toBe('wasm');
    expect(tried).toEqual(['webgpu', 'wasm']);
  });

  it('falls back to WASM when the WebGPU load fails, and says why', async () => {
    const fallbacks: unknown[] = [];
    const load = (device: string) =>
      device === 'webgpu' ? Promise.reject(new Error('no shader-f16')) : Promise.resolve(device);
    expect(await loadOnBestDevice(load, withAdapter, (e) => fallbacks.push(e))).toBe('wasm');
    expect(String(fallbacks[0])).toMatch(/no shader-f16/);
  });
});
