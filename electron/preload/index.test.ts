/** The preload with the `electron` module mocked: what exactly reaches `window.pitchpace`. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ModelDownloadProgress, PitchpaceDesktopApi } from '../../core/desktop-api';
import { DESKTOP_API_OPERATIONS } from '../../core/desktop-api';
import { INVOKE_CHANNELS, OPERATION_CHANNELS } from '../ipc-contract';

type ProgressListener = (event: unknown, progress: ModelDownloadProgress) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<ProgressListener>>();
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined)),
    on: vi.fn((channel: string, listener: ProgressListener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, listener: ProgressListener) => {
      listeners.get(channel)?.delete(listener);
    }),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
  };
  const emit = (channel: string, progress: ModelDownloadProgress): void => {
    for (const listener of listeners.get(channel) ?? []) listener({}, progress);
  };
  return { exposed, listeners, ipcRenderer, contextBridge, emit };
});

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  default: { contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer },
}));

const progress = (modelId: string, receivedBytes: number): ModelDownloadProgress => ({
  modelId,
  file: 'config.json',
  fileIndex: 0,
  fileCount: 7,
  receivedBytes,
  totalBytes: 100,
  bytesPerSecond: 10,
  secondsLeft: 1,
});

describe('preload bridge', () => {
  let api: PitchpaceDesktopApi;
  beforeAll(async () => {
    await import('./index');
    api = electron.exposed.get('pitchpace') as PitchpaceDesktopApi;
  });

  it('exposes exactly the contract functions as window.pitchpace, and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.exposed.keys()]).toEqual(['pitchpace']);
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_API_OPERATIONS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
  });

  it('maps every operation to its own channel', async () => {
    const request = { modelId: 'whisper-base.en', samples: new Float32Array(4), offsetSeconds: 2 };
    const calls: [keyof PitchpaceDesktopApi, unknown[]][] = [
      ['getAppInfo', []],
      ['listModels', []],
      ['downloadModel', ['whisper-base.en']],
      ['cancelDownload', ['whisper-base.en']],
      ['importModelFolder', []],
      ['transcribe', [request]],
    ];
    for (const [operation, args] of calls) {
      electron.ipcRenderer.invoke.mockClear();
      await (api[operation] as (...a: unknown[]) => Promise<unknown>)(...args);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(
        OPERATION_CHANNELS[operation],
        ...args,
      );
    }
    expect(new Set(INVOKE_CHANNELS).size).toBe(DESKTOP_API_OPERATIONS.length);
  });

  it("passes only this download's progress to its callback, then stops listening", async () => {
    let finish: (value: unknown) => void = () => undefined;
    electron.ipcRenderer.invoke.mockImplementationOnce(
      () => new Promise((resolve) => (finish = resolve)),
    );
    const seen: number[] = [];
    const download = api.downloadModel('whisper-tiny.en', (p) => seen.push(p.receivedBytes));
    electron.emit('models:download-progress', progress('whisper-tiny.en', 10));
    electron.emit('models:download-progress', progress('whisper-small.en', 99));
    electron.emit('models:download-progress', progress('whisper-tiny.en', 20));
    finish({ modelId: 'whisper-tiny.en', status: 'installed', verification: 'unpinned' });
    await download;
    electron.emit('models:download-progress', progress('whisper-tiny.en', 30));
    expect(seen).toEqual([10, 20]);
    expect(electron.listeners.get('models:download-progress')?.size).toBe(0);
  });

  it("shows main's error message without Electron's remote-method wrapper", async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(
      new Error(
        "Error invoking remote method 'models:download': Error: config.json: server said 404",
      ),
    );
    await expect(api.downloadModel('whisper-base.en')).rejects.toThrow(
      /^config\.json: server said 404$/,
    );
  });
});
