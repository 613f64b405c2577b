/**
 * Navigation policy: the window only ever shows the app. In-page navigation away from the app's
 * origin, redirects, new windows and <webview> are refused; a link to an explicitly allow-listed
 * https origin opens in the OS browser instead.
 */
import type { WebContents, WindowOpenHandlerResponse } from 'electron';

export interface NavigationPolicy {
  /** True for URLs of the app itself (app:// or, in development, the dev server). */
  isAppUrl(url: string): boolean;
  /** Exact https origins that may be opened in the OS browser (e.g. the project's docs). */
  externalOrigins: readonly string[];
  /** Opens a URL in the OS browser (`shell.openExternal`). */
  openExternal(url: string): void;
}

/** True when `url` is https and its origin is on the allow-list. */
export function isAllowedExternalUrl(url: string, externalOrigins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && externalOrigins.includes(parsed.origin);
  } catch {
    return false;
  }
}

const openIfAllowed = (url: string, policy: NavigationPolicy): void => {
  if (isAllowedExternalUrl(url, policy.externalOrigins)) policy.openExternal(url);
};

/** The `setWindowOpenHandler` policy: never a new Electron window. */
export function handleWindowOpen(url: string, policy: NavigationPolicy): WindowOpenHandlerResponse {
  openIfAllowed(url, policy);
  return { action: 'deny' };
}

/** Applies the navigation policy to one webContents (every window and frame the app creates). */
export function guardWebContents(contents: WebContents, policy: NavigationPolicy): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    openIfAllowed(event.url, policy);
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, policy));
}
