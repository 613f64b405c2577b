/**
 * Preload (sandboxed, context-isolated): exposes the typed bridge as `window.pitchpace` and
 * nothing else — no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_GLOBAL } from '../../core/desktop-api';
import { createDesktopApi } from './desktop-api';

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, createDesktopApi(ipcRenderer));
