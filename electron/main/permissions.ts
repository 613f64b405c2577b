/**
 * Permission policy: the microphone is the only thing the app ever asks for. Camera, screen,
 * notifications, geolocation, HID/USB/serial and the rest are denied for every origin, and the
 * microphone only for the app's own origin.
 */
import type { Session } from 'electron';
import { originOfUrl } from './app-protocol';

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type RequestDetails = Parameters<NonNullable<PermissionRequestHandler>>[3];

/** Decides whether an origin (e.g. `app://pitchpace`) is the app itself. */
export type TrustedOriginTest = (origin: string) => boolean;

/** True for a `media` request asking for audio only (never video) from a trusted page. */
export function isMicrophoneOnlyRequest(
  permission: string,
  details: RequestDetails,
  isTrustedOrigin: TrustedOriginTest,
): boolean {
  if (permission !== 'media') return false;
  const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
  const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
  const origin = originOfUrl(securityOrigin ?? details.requestingUrl);
  return (
    mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio') && isTrustedOrigin(origin)
  );
}

/** Builds the handler for `session.setPermissionRequestHandler`. */
export function createPermissionRequestHandler(
  isTrustedOrigin: TrustedOriginTest,
): NonNullable<PermissionRequestHandler> {
  return (_webContents, permission, callback, details) => {
    callback(isMicrophoneOnlyRequest(permission, details, isTrustedOrigin));
  };
}

/**
 * Builds the handler for `session.setPermissionCheckHandler` (synchronous checks such as
 * `navigator.permissions.query` and device-label visibility): audio input only, trusted only.
 */
export function createPermissionCheckHandler(
  isTrustedOrigin: TrustedOriginTest,
): NonNullable<PermissionCheckHandler> {
  return (_webContents, permission, requestingOrigin, details) =>
    permission === 'media' &&
    details.mediaType === 'audio' &&
    isTrustedOrigin(originOfUrl(details.securityOrigin ?? requestingOrigin));
}

/** Installs the microphone-only policy on a session (request, check and device handlers). */
export function installPermissionPolicy(
  session: Session,
  isTrustedOrigin: TrustedOriginTest,
): void {
  session.setPermissionRequestHandler(createPermissionRequestHandler(isTrustedOrigin));
  session.setPermissionCheckHandler(createPermissionCheckHandler(isTrustedOrigin));
  // WebHID/WebUSB/Web Serial device grants: none.
  session.setDevicePermissionHandler(() => false);
}
