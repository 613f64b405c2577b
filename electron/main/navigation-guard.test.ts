import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, handleWindowOpen, isAllowedExternalUrl } from './navigation-guard';
import type { NavigationPolicy } from './navigation-guard';

type Listener = (event: { url: string; preventDefault(): void }) => void;

const makePolicy = () => {
  const openExternal = vi.fn<(url: string) => void>();
  const policy: NavigationPolicy = {
    isAppUrl: (url) => url.startsWith('app://pitchpace/'),
    externalOrigins: ['https://huggingface.co'],
    openExternal,
  };
  return { policy, openExternal };
};

const fakeContents = () => {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      windowOpenHandler = handler;
    }),
  };
  const navigate = (name: string, url: string): boolean => {
    const preventDefault = vi.fn();
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as WebContents,
    navigate,
    openWindow: (url: string) => windowOpenHandler?.({ url }),
  };
};

describe('navigation guard', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'blocks %s away from the app and allows it within',
    (event) => {
      const { policy, openExternal } = makePolicy();
      const { contents, navigate } = fakeContents();
      guardWebContents(contents, policy);
      expect(navigate(event, 'https://example.com/phish')).toBe(true);
      expect(navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(navigate(event, 'app://pitchpace/index.html#/history')).toBe(false);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('opens an allow-listed https link in the OS browser instead of navigating', () => {
    const { policy, openExternal } = makePolicy();
    const { contents, navigate } = fakeContents();
    guardWebContents(contents, policy);
    expect(navigate('will-navigate', 'https://huggingface.co/Xenova/whisper-base.en')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://huggingface.co/Xenova/whisper-base.en');
  });

  it('denies every new window, opening only allow-listed https links externally', () => {
    const { policy, openExternal } = makePolicy();
    const { contents, openWindow } = fakeContents();
    guardWebContents(contents, policy);
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow('app://pitchpace/index.html')).toEqual({ action: 'deny' });
    expect(openWindow('http://huggingface.co/')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(openWindow('https://huggingface.co/docs')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses <webview> attachment', () => {
    const { contents, navigate } = fakeContents();
    guardWebContents(contents, makePolicy().policy);
    expect(navigate('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('matches external origins exactly', () => {
    const origins = ['https://huggingface.co'];
    expect(isAllowedExternalUrl('https://huggingface.co.evil.com/', origins)).toBe(false);
    expect(isAllowedExternalUrl('https://user@evil.com/huggingface.co', origins)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', origins)).toBe(false);
    expect(handleWindowOpen('mailto:a@b.c', makePolicy().policy)).toEqual({ action: 'deny' });
  });
});
