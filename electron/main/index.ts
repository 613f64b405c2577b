/**
 * Electron main entry. Registers app:// before `ready` (Electron ignores privileges registered
 * later), then starts the app. Kept to wiring: each policy lives in its own module.
 */
import { app, protocol } from 'electron';
import { registerAppScheme } from './app-protocol';
import { startApp } from './start-app';

registerAppScheme(protocol, () => app.isReady());

// One instance only: a second one would fight over the same IndexedDB and model folder.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(startApp)
    .catch((error: unknown) => {
      console.error('Pitchpace failed to start:', error);
      app.exit(1);
    });
}
