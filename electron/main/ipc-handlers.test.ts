/** Argument checks of the main-process handlers: the renderer is untrusted input. */
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createInvokeHandlers, createSendHandlers } from './ipc-handlers';
import type { DesktopServices } from './ipc-handlers';
import type { ModelService } from './model-service';

const services = () => {
  const models = {
    download: vi.fn(() =>
      Promise.resolve({
        modelId: 'whisper-base.en',
        status: 'installed',
        verification: 'unpinned',
      }),
    ),
    installedFolderOf: vi.fn(() => Promise.resolve('/models/whisper-base.en')),
    importFolder: vi.fn(),
  };
  const live = {
    start: vi.fn(() => Promise.resolve(1)),
    push: vi.fn(),
    finish: vi.fn(),
    cancel: vi.fn(),
  };
  const value = {
    appInfo: vi.fn(),
    models: models as unknown as ModelService,
    live: live as unknown as DesktopServices['live'],
    transcribe: vi.fn(),
    chooseFolder: vi.fn(() => Promise.resolve(null)),
    chooseSavePath: vi.fn(() => Promise.resolve(null)),
    writeFile: vi.fn(() => Promise.resolve()),
  } satisfies DesktopServices;
  return { value, models, live };
};
const sender = { id: 5, send: vi.fn(), isDestroyed: () => false };
const event = { sender } as unknown as IpcMainInvokeEvent;

describe('invoke handlers', () => {
  it('reject unknown model ids, stray arguments and malformed audio', () => {
    const handlers = createInvokeHandlers(services().value);
    expect(() => handlers['models:download'].parse(['whisper-large'])).toThrow(
      'Unknown model "whisper-large".',
    );
    expect(() => handlers['models:download'].parse([])).toThrow('Unknown model');
    expect(() => handlers['models:list'].parse([1])).toThrow('takes no arguments');
    const transcribe = handlers['speech:transcribe'];
    expect(() =>
      transcribe.parse([{ modelId: 'whisper-base.en', samples: [0.1], offsetSeconds: 0 }]),
    ).toThrow(/Float32Array/);
    expect(() =>
      transcribe.parse([
        { modelId: 'whisper-base.en', samples: new Float32Array(4), offsetSeconds: -1 },
      ]),
    ).toThrow(/offsetSeconds/);
    expect(() => handlers['speech:finish'].parse([0])).toThrow('Unknown live transcription 0.');
    expect(() => handlers['speech:finish'].parse(['1'])).toThrow('Unknown live transcription');
  });

  it('forwards download progress to the window that asked', async () => {
    const { value, models } = services();
    models.download.mockImplementation(((_id: string, onProgress: (p: unknown) => void) => {
      onProgress({ modelId: 'whisper-base.en', receivedBytes: 5 });
      return Promise.resolve({
        modelId: 'whisper-base.en',
        status: 'installed',
        verification: 'unpinned',
      });
    }) as never);
    const handlers = createInvokeHandlers(value);
    await handlers['models:download'].handle(event, 'whisper-base.en');
    expect(sender.send).toHaveBeenCalledWith('models:download-progress', {
      modelId: 'whisper-base.en',
      receivedBytes: 5,
    });
  });

  it('starts live sessions on the installed model folder, owned by the sender', async () => {
    const { value, live } = services();
    await createInvokeHandlers(value)['speech:start'].handle(event, 'whisper-base.en');
    expect(live.start).toHaveBeenCalledWith(sender, '/models/whisper-base.en');
  });

  it('says cancelled when the folder picker is dismissed', async () => {
    const { value } = services();
    await expect(
      createInvokeHandlers(value)['models:import-folder'].handle(event),
    ).resolves.toEqual({ status: 'cancelled' });
  });
});

describe('send handlers', () => {
  it('push audio for the sender, validating session and samples', () => {
    const { value, live } = services();
    const push = createSendHandlers(value)['speech:push'];
    const samples = new Float32Array(1600);
    push.handle({ sender } as unknown as IpcMainEvent, ...push.parse([3, samples]));
    expect(live.push).toHaveBeenCalledWith(5, 3, samples);
    expect(() => push.parse([3, new Float32Array(16_000 * 11)])).toThrow(/at most 10 s/);
    expect(() => push.parse([3, new Uint8Array(4)])).toThrow(/Float32Array/);
    expect(() => push.parse([-1, samples])).toThrow('Unknown live transcription -1.');
  });
});
