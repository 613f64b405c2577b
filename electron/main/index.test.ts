/**
 * The main entry with the `electron` module mocked (the binary cannot run here): checks the
 * order of start-up and the settings the real app would get.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, SEND_CHANNELS } from '../ipc-contract';

const electron = vi.hoisted(() => {
  const calls: string[] = [];
  let ready = false;
  let markReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    markReady = () => {
      ready = true;
      resolve();
    };
  });
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const ipcListeners = new Map<string, (...args: unknown[]) => unknown>();
  const windows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  class BrowserWindow {
    options: Record<string, unknown>;
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    isMinimized = vi.fn(() => false);
    restore = vi.fn();
    focus = vi.fn();
    show = vi.fn();
    webContents = { id: 1, on: vi.fn() };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      calls.push('new BrowserWindow');
      windows.push(this);
    }
  }
  return {
    calls,
    windows,
    appListeners,
    ipcHandlers,
    ipcListeners,
    markReady,
    module: {
      app: {
        isReady: vi.fn(() => ready),
        isPackaged: false,
        whenReady: vi.fn(() => readyPromise),
        requestSingleInstanceLock: vi.fn(() => true),
        on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
          appListeners.set(name, listener);
        }),
        quit: vi.fn(),
        exit: vi.fn(),
        getPath: vi.fn(() => '/tmp/pitchpace-user-data'),
        getAppPath: vi.fn(() => '/tmp/pitchpace-app'),
        getName: vi.fn(() => 'Pitchpace'),
        getVersion: vi.fn(() => '0.1.0'),
      },
      ipcMain: {
        handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
          ipcHandlers.set(channel, handler);
        }),
        on: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
          ipcListeners.set(channel, handler);
        }),
      },
      dialog: { showOpenDialog: vi.fn() },
      utilityProcess: { fork: vi.fn() },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push(`register schemes (ready=${ready})`)),
        handle: vi.fn(() => calls.push('protocol.handle')),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(() => calls.push('permission request handler')),
          setPermissionCheckHandler: vi.fn(() => calls.push('permission check handler')),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      shell: { openExternal: vi.fn(() => Promise.resolve()) },
      BrowserWindow,
    },
  };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

describe('electron main entry', () => {
  beforeAll(async () => {
    await import('./index');
  });

  it('registers app:// as privileged before the app is ready, and nothing else yet', () => {
    expect(electron.calls).toEqual(['register schemes (ready=false)']);
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      }),
    ]);
  });

  it('on ready: serves app://, installs the permission policy, then opens the window', async () => {
    electron.markReady();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    expect(electron.calls).toEqual([
      'register schemes (ready=false)',
      'protocol.handle',
      'permission request handler',
      'permission check handler',
      'new BrowserWindow',
    ]);
    expect(electron.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('opens the app at app://pitchpace with a locked-down renderer', () => {
    const window = electron.windows[0];
    expect(window?.loadURL).toHaveBeenCalledWith('app://pitchpace/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
  });

  it('guards every webContents the app creates', () => {
    const listener = electron.appListeners.get('web-contents-created');
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    listener?.({}, contents);
    const events = contents.on.mock.calls.map(([name]) => name as string);
    expect(events).toEqual(
      expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect']),
    );
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: {
      url: string;
    }) => unknown;
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('handles every contract channel, and only for the app page', async () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect([...electron.ipcListeners.keys()]).toEqual([...SEND_CHANNELS]);
    const getInfo = electron.ipcHandlers.get('app:get-info');
    const fromApp = { senderFrame: { url: 'app://pitchpace/index.html' } };
    const fromElsewhere = { senderFrame: { url: 'https://example.com/' } };
    await expect(Promise.resolve(getInfo?.(fromApp))).resolves.toMatchObject({
      name: 'Pitchpace',
      version: '0.1.0',
      modelsFolder: expect.stringMatching(/pitchpace-user-data[/\\]models$/) as unknown,
    });
    expect(() => getInfo?.(fromElsewhere)).toThrow(/did not come from the Pitchpace window/);
    expect(() => electron.ipcHandlers.get('models:download')?.(fromApp, '../../etc')).toThrow(
      'Unknown model "../../etc".',
    );
    expect(electron.appListeners.has('before-quit')).toBe(true);
    const window = electron.windows[0] as unknown as {
      webContents: { on: ReturnType<typeof vi.fn> };
    };
    expect(window.webContents.on).toHaveBeenCalledWith(
      'did-start-navigation',
      expect.any(Function),
    );
  });
});
