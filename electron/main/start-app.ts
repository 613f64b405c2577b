/** Starts the app once Electron is ready: protocol, permission and navigation policy, window. */
import path from 'node:path';
import { app, ipcMain, protocol, session, shell } from 'electron';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  createAppProtocolHandler,
  originOfUrl,
} from './app-protocol';
import { createDesktopServices } from './desktop-services';
import { createInvokeHandlers, createSendHandlers } from './ipc-handlers';
import { createMainWindow } from './main-window';
import { guardWebContents } from './navigation-guard';
import type { NavigationPolicy } from './navigation-guard';
import { installPermissionPolicy } from './permissions';
import { registerInvokeHandlers, registerSendHandlers } from './typed-ipc';

/** https origins a link may open in the OS browser (where models are published). */
export const EXTERNAL_ORIGINS: readonly string[] = ['https://huggingface.co'];

/** Where the build put the renderer and preload, relative to this (out/main) file. */
export const buildPaths = (mainDir: string) => ({
  rendererRoot: path.join(mainDir, '../renderer'),
  // Sandboxed preloads cannot be ES modules, so the preload is built as CommonJS.
  preload: path.join(mainDir, '../preload/index.cjs'),
});

/** The dev server URL (`electron-vite dev`), honoured only in an unpackaged app. */
export const devServerUrl = (isPackaged: boolean): string | undefined =>
  isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;

export function startApp(): void {
  const paths = buildPaths(import.meta.dirname);
  const devUrl = devServerUrl(app.isPackaged);
  const trustedOrigins = new Set([APP_ORIGIN, ...(devUrl ? [originOfUrl(devUrl)] : [])]);
  const isTrustedOrigin = (origin: string): boolean => trustedOrigins.has(origin);
  const isAppUrl = (url: string): boolean => isTrustedOrigin(originOfUrl(url));

  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot));
  installPermissionPolicy(session.defaultSession, isTrustedOrigin);
  const navigationPolicy: NavigationPolicy = {
    isAppUrl,
    externalOrigins: EXTERNAL_ORIGINS,
    openExternal: (url) => void shell.openExternal(url),
  };
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, navigationPolicy),
  );

  const desktop = createDesktopServices(import.meta.dirname);
  const isTrustedSender = (event: { senderFrame: { url: string } | null }): boolean =>
    isTrustedOrigin(originOfUrl(event.senderFrame?.url));
  registerInvokeHandlers(ipcMain, createInvokeHandlers(desktop.services), isTrustedSender);
  registerSendHandlers(ipcMain, createSendHandlers(desktop.services), isTrustedSender);
  app.on('before-quit', () => desktop.shutdown());

  const window = createMainWindow(paths.preload, devUrl ?? APP_ENTRY_URL);
  // A reload starts a new page: live sessions of the old one would never be finished.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) {
      desktop.services.live.dropOwner(window.webContents.id);
    }
  });
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}
