/** Builds the services behind the desktop API from Electron's paths, dialogs and processes. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, app, dialog } from 'electron';
import type { OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import { MODEL_MANIFEST } from '../../speech/models/catalog';
import type { DesktopServices } from './ipc-handlers';
import { LiveTranscriptions } from './live-transcription';
import { ModelService } from './model-service';
import { SpeechProcessHost } from './speech-host';
import { sendEvent } from './typed-ipc';

export interface DesktopServiceSet {
  services: DesktopServices;
  /** Cancels downloads and stops the speech process (on quit). */
  shutdown(): void;
}

/**
 * Models live in `<userData>/models`; an installer may ship more in `resources/models` (from
 * `npm run models`), and an unpackaged app reads the project's `models/` the same way.
 * `PITCHPACE_MODEL_BASE_URL` points downloads at a mirror.
 */
export function createDesktopServices(mainDir: string): DesktopServiceSet {
  const modelsRoot = path.join(app.getPath('userData'), 'models');
  const bundledRoot = app.isPackaged
    ? path.join(process.resourcesPath, 'models')
    : path.join(app.getAppPath(), 'models');
  const models = new ModelService({
    modelsRoot,
    bundledRoot,
    baseUrl: process.env.PITCHPACE_MODEL_BASE_URL || MODEL_MANIFEST.defaultBaseUrl,
  });
  const speech = new SpeechProcessHost(path.join(mainDir, 'speech-process.js'), modelsRoot);
  const live = new LiveTranscriptions<WebContents>(
    (folder, callbacks) => speech.startSession(folder, callbacks),
    {
      onWindow: (owner, session, window) => sendEvent(owner, 'speech:window', { session, window }),
      onError: (owner, session, message) =>
        sendEvent(owner, 'speech:session-error', { session, message }),
    },
  );
  const folderDialog: OpenDialogOptions = {
    title: 'Choose a Whisper model folder (the one that contains config.json and onnx/)',
    properties: ['openDirectory'],
  };

  const services: DesktopServices = {
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      versions: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
      modelsFolder: modelsRoot,
    }),
    models,
    live,
    transcribe: (folder, samples, offsetSeconds) =>
      speech.transcribe(folder, samples, offsetSeconds),
    chooseFolder: async (event) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      const result = window
        ? await dialog.showOpenDialog(window, folderDialog)
        : await dialog.showOpenDialog(folderDialog);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSavePath: async (event, request) => {
      const options: SaveDialogOptions = {
        title: request.title,
        defaultPath: path.join(app.getPath('documents'), request.defaultName),
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = BrowserWindow.fromWebContents(event.sender);
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (filePath, data) => writeFile(filePath, data),
  };
  return {
    services,
    shutdown: () => {
      models.cancelAll();
      speech.stop();
    },
  };
}
