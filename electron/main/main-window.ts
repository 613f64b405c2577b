/** The one application window, with the renderer locked down. */
import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';

/**
 * The renderer's web preferences. The renderer is treated as untrusted web content: no Node,
 * isolated preload world, OS sandbox, and only the typed bridge the preload exposes.
 */
export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Creates the main window and loads the app; it is shown once the first frame is ready. */
export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Pitchpace',
    backgroundColor: '#111418',
    webPreferences: mainWindowWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
