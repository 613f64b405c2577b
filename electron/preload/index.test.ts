/** The preload with the `electron` module mocked: what exactly reaches `window.pitchpace`. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ModelDownloadProgress, PitchpaceDesktopApi } from '../../core/desktop-api';
import { DESKTOP_API_OPERATIONS } from '../../core/desktop-api';
import { INVOKE_CHANNELS, OPERATION_CHANNELS, SEND_CHANNELS } from '../ipc-contract';

type ProgressListener = (event: unknown, payload: never) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<ProgressListener>>();
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined)),
    send: vi.fn(),
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
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener({}, payload as never);
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
      ['startTranscription', ['whisper-base.en']],
      ['finishTranscription', [7]],
      ['cancelTranscription', [7]],
      ['exportReportPdf', ['Walkthrough report']],
    ];
    for (const [operation, args] of calls) {
      electron.ipcRenderer.invoke.mockClear();
      await (api[operation] as (...a: unknown[]) => Promise<unknown>)(...args);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(
        OPERATION_CHANNELS[operation],
        ...args,
      );
    }
    const samples = new Float32Array(1600);
    api.pushTranscriptionAudio(7, samples);
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith('speech:push', 7, samples);
    const tested = new Set([...calls.map(([operation]) => operation), 'pushTranscriptionAudio']);
    expect(tested).toEqual(new Set(DESKTOP_API_OPERATIONS));
    expect(new Set([...INVOKE_CHANNELS, ...SEND_CHANNELS]).size).toBe(
      DESKTOP_API_OPERATIONS.length,
    );
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

  it("routes a live session's windows and errors to its callbacks until it finishes", async () => {
    const listening = (channel: string) => electron.listeners.get(channel)?.size ?? 0;
    const before = [listening('speech:window'), listening('speech:session-error')];
    electron.ipcRenderer.invoke.mockResolvedValueOnce(3);
    const windows: number[] = [];
    const errors: string[] = [];
    const session = await api.startTranscription('whisper-base.en', {
      onWindow: (window) => windows.push(window.index),
      onError: (message) => errors.push(message),
    });
    expect(session).toBe(3);
    const window = (index: number) => ({ index, start: 0, end: 1, words: [] });
    electron.emit('speech:window', { session: 3, window: window(0) });
    electron.emit('speech:window', { session: 4, window: window(9) });
    electron.emit('speech:session-error', { session: 3, message: 'VAD failed' });
    electron.ipcRenderer.invoke.mockResolvedValueOnce({});
    await api.finishTranscription(3);
    electron.emit('speech:window', { session: 3, window: window(1) });
    expect(windows).toEqual([0]);
    expect(errors).toEqual(['VAD failed']);
    expect([listening('speech:window'), listening('speech:session-error')]).toEqual(before);
  });
});
