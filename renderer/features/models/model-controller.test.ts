import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  DesktopModelSummary,
  ModelDownloadProgress,
  PitchpaceDesktopApi,
} from '../../../core/desktop-api';
import type { TranscriptionEngine } from '../transcription/transcription-engine';
import { chooseModel, ModelController, webModelEntries } from './model-controller';
import { useModelStore } from './model-store';

const memoryStorage = (initial: Record<string, string> = {}) => {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

const engine = (
  load: TranscriptionEngine['load'] = () => Promise.resolve({ device: 'wasm' }),
): TranscriptionEngine => ({
  load,
  startSession: () => Promise.reject(new Error('not used')),
  transcribe: () => Promise.reject(new Error('not used')),
});

const summary = (
  id: string,
  state: DesktopModelSummary['state'],
  isDefault = false,
): DesktopModelSummary => ({
  id,
  label: id,
  isDefault,
  approxDownloadBytes: 80_000_000,
  expectedSpeed: 'fast',
  state,
  problem: null,
  verification: 'unpinned',
});

const initial = useModelStore.getState();
beforeEach(() => useModelStore.setState(initial, true));
afterEach(() => vi.unstubAllGlobals());

describe('model choice', () => {
  it('lists the catalog with what the server has, and other served folders after it', () => {
    const entries = webModelEntries(['whisper-tiny.en', 'my-export']);
    expect(entries.map((e) => [e.id, e.state])).toEqual([
      ['whisper-tiny.en', 'installed'],
      ['whisper-base.en', 'missing'],
      ['whisper-small.en', 'missing'],
      ['my-export', 'installed'],
    ]);
    expect(entries.at(-1)?.approxDownloadBytes).toBeNull();
  });

  it('keeps the stored choice if installed, else the default, else a catalog model, never a stray folder', () => {
    const entries = webModelEntries(['whisper-tiny.en', 'whisper-base.en', 'my-export']);
    expect(chooseModel(entries, 'my-export')).toBe('my-export');
    expect(chooseModel(entries, 'whisper-small.en')).toBe('whisper-base.en');
    expect(chooseModel(webModelEntries(['my-export', 'whisper-tiny.en']), null)).toBe(
      'whisper-tiny.en',
    );
    // nothing installed: the stored (or default) choice is shown, so the user knows what to get
    expect(chooseModel(webModelEntries(['my-export']), null)).toBe('whisper-base.en');
  });
});

describe('ModelController in the browser build', () => {
  it('loads the served default model with progress, and reports none when nothing is served', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(Response.json({ models: [{ id: 'whisper-base.en' }] })),
    );
    const fractions: (number | null)[] = [];
    const load = vi.fn<TranscriptionEngine['load']>((_id, onProgress) => {
      onProgress?.(0.5);
      fractions.push(
        (useModelStore.getState().load as { fraction?: number | null }).fraction ?? null,
      );
      return Promise.resolve({ device: 'webgpu' });
    });
    const controller = new ModelController(engine(load), undefined, memoryStorage());
    await controller.refresh();
    expect(load).toHaveBeenCalledWith('whisper-base.en', expect.any(Function));
    expect(fractions).toEqual([0.5]);
    expect(useModelStore.getState().load).toEqual({
      kind: 'ready',
      modelId: 'whisper-base.en',
      device: 'webgpu',
    });
    expect(controller.activeModelId()).toBe('whisper-base.en');

    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ models: [] })));
    await controller.refresh();
    expect(useModelStore.getState().load).toEqual({ kind: 'none' });
    expect(controller.activeModelId()).toBeNull();
  });

  it('shows a load failure, and ignores a slow load the user switched away from', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        Response.json({ models: [{ id: 'whisper-tiny.en' }, { id: 'whisper-base.en' }] }),
      ),
    );
    let finishTiny: () => void = () => undefined;
    const load = vi.fn<TranscriptionEngine['load']>((id) =>
      id === 'whisper-tiny.en'
        ? new Promise((resolve) => (finishTiny = () => resolve({ device: 'wasm' })))
        : Promise.reject(new Error('tokenizer.json is missing')),
    );
    const storage = memoryStorage({ 'pitchpace.speechModel': 'whisper-tiny.en' });
    const controller = new ModelController(engine(load), undefined, storage);
    const refreshing = controller.refresh();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await controller.select('whisper-base.en');
    finishTiny();
    await refreshing;
    expect(useModelStore.getState().load).toEqual({
      kind: 'error',
      modelId: 'whisper-base.en',
      message: 'tokenizer.json is missing',
    });
    expect(storage.getItem('pitchpace.speechModel')).toBe('whisper-base.en');
    expect(controller.activeModelId()).toBeNull();
  });
});

describe('ModelController in the desktop app', () => {
  it('downloads with progress into the store, then selects and loads the model', async () => {
    let installed = false;
    const seen: (ModelDownloadProgress | null)[] = [];
    const api = {
      listModels: () =>
        Promise.resolve([
          summary('whisper-tiny.en', 'missing'),
          summary('whisper-base.en', installed ? 'installed' : 'partial', true),
        ]),
      downloadModel: (modelId: string, onProgress?: (p: ModelDownloadProgress) => void) => {
        onProgress?.({
          modelId,
          file: 'onnx/encoder_model_quantized.onnx',
          fileIndex: 5,
          fileCount: 7,
          receivedBytes: 40_000_000,
          totalBytes: 80_000_000,
          bytesPerSecond: 4_000_000,
          secondsLeft: 10,
        });
        seen.push(useModelStore.getState().download?.progress ?? null);
        installed = true;
        return Promise.resolve({
          modelId,
          status: 'installed' as const,
          verification: 'unpinned' as const,
        });
      },
    } as unknown as PitchpaceDesktopApi;
    const load = vi.fn<TranscriptionEngine['load']>(() => Promise.resolve({ device: 'cpu' }));
    const controller = new ModelController(engine(load), api, memoryStorage());
    await controller.refresh();
    expect(useModelStore.getState()).toMatchObject({
      source: 'desktop',
      selectedId: 'whisper-base.en',
      load: { kind: 'none' },
    });

    await controller.download('whisper-base.en');
    expect(seen[0]?.receivedBytes).toBe(40_000_000);
    expect(useModelStore.getState().download).toBeNull();
    expect(useModelStore.getState().load).toEqual({
      kind: 'ready',
      modelId: 'whisper-base.en',
      device: 'cpu',
    });
  });

  it('keeps a failed download’s message for the user', async () => {
    const api = {
      listModels: () => Promise.resolve([summary('whisper-base.en', 'missing', true)]),
      downloadModel: () =>
        Promise.reject(new Error('config.json: HTTP 404 — check the download address')),
    } as unknown as PitchpaceDesktopApi;
    const controller = new ModelController(engine(), api, memoryStorage());
    await controller.download('whisper-base.en');
    expect(useModelStore.getState().problem).toBe(
      'config.json: HTTP 404 — check the download address',
    );
    expect(useModelStore.getState().download).toBeNull();
  });
});
