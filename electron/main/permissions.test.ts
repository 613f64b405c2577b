import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createPermissionCheckHandler,
  createPermissionRequestHandler,
  installPermissionPolicy,
} from './permissions';

type RequestHandler = ReturnType<typeof createPermissionRequestHandler>;
type CheckHandler = ReturnType<typeof createPermissionCheckHandler>;
type WebContentsArg = Parameters<RequestHandler>[0];

const APP_URL = 'app://pitchpace/index.html';
const isTrusted = (origin: string): boolean => origin === 'app://pitchpace';
const contents = {} as WebContentsArg;

const decide = (
  handler: RequestHandler,
  permission: Parameters<RequestHandler>[1],
  details: Parameters<RequestHandler>[3],
): boolean => {
  const callback = vi.fn<(granted: boolean) => void>();
  handler(contents, permission, callback, details);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0] ?? true;
};

describe('permission request handler', () => {
  const handler = createPermissionRequestHandler(isTrusted);
  const request = { isMainFrame: true, requestingUrl: APP_URL };

  it('grants the microphone to the app', () => {
    expect(decide(handler, 'media', { ...request, mediaTypes: ['audio'] })).toBe(true);
  });

  it('denies the camera, and camera plus microphone together', () => {
    expect(decide(handler, 'media', { ...request, mediaTypes: ['video'] })).toBe(false);
    expect(decide(handler, 'media', { ...request, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(decide(handler, 'media', { ...request, mediaTypes: [] })).toBe(false);
  });

  it.each([
    'notifications',
    'geolocation',
    'display-capture',
    'clipboard-read',
    'midiSysex',
    'openExternal',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'unknown',
  ] as const)('denies %s', (permission) => {
    expect(decide(handler, permission, { ...request, mediaTypes: ['audio'] })).toBe(false);
  });

  it('denies the microphone to any other origin', () => {
    const foreign = { isMainFrame: false, requestingUrl: 'https://example.com/' };
    expect(decide(handler, 'media', { ...foreign, mediaTypes: ['audio'] })).toBe(false);
    expect(
      decide(handler, 'media', {
        ...request,
        mediaTypes: ['audio'],
        securityOrigin: 'https://example.com',
      }),
    ).toBe(false);
  });
});

describe('permission check handler', () => {
  const handler: CheckHandler = createPermissionCheckHandler(isTrusted);
  const check = (
    permission: Parameters<CheckHandler>[1],
    mediaType?: 'audio' | 'video' | 'unknown',
    origin = 'app://pitchpace',
  ): boolean => handler(null, permission, origin, { isMainFrame: true, mediaType });

  it('passes only audio media checks from the app', () => {
    expect(check('media', 'audio')).toBe(true);
    expect(check('media', 'video')).toBe(false);
    expect(check('media', 'unknown')).toBe(false);
    expect(check('media', 'audio', 'https://example.com')).toBe(false);
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'usb', 'storage-access'] as const)(
    'fails %s checks',
    (permission) => expect(check(permission, 'audio')).toBe(false),
  );
});

describe('installPermissionPolicy', () => {
  it('installs request, check and device handlers on the session', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installPermissionPolicy(session as unknown as Session, isTrusted);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(expect.any(Function));
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(expect.any(Function));
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(deviceHandler()).toBe(false);
  });
});
