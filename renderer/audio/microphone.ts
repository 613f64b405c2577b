/**
 * The microphone: listing inputs and opening exactly one stream per recording. Echo
 * cancellation, noise suppression and auto gain are off: coaching needs the true signal, and the
 * browser's processing visibly alters it.
 */

/** An audio input the user can pick. */
export interface MicrophoneOption {
  deviceId: string;
  label: string;
}

/** Why the microphone could not be used, in words the UI can show as they are. */
export type MicrophoneProblem = 'permission-denied' | 'no-device' | 'device-busy' | 'unsupported';

export class MicrophoneError extends Error {
  constructor(
    readonly problem: MicrophoneProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MicrophoneError';
  }
}

const MESSAGES: Record<MicrophoneProblem, string> = {
  'permission-denied':
    'Pitchpace may not use the microphone. Allow microphone access for this app, then try again.',
  'no-device': 'No microphone was found. Connect one (or pick another input) and try again.',
  'device-busy':
    'The microphone could not be started; another application may be using it. Close it and try again.',
  unsupported: 'This browser cannot record audio here.',
};

/** Maps a getUserMedia rejection to a problem the user can act on. */
export function microphoneErrorFrom(error: unknown): MicrophoneError {
  if (error instanceof MicrophoneError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const problem: MicrophoneProblem =
    name === 'NotAllowedError' || name === 'SecurityError'
      ? 'permission-denied'
      : name === 'NotFoundError' || name === 'OverconstrainedError'
        ? 'no-device'
        : name === 'NotReadableError' || name === 'AbortError'
          ? 'device-busy'
          : 'unsupported';
  return new MicrophoneError(problem, MESSAGES[problem]);
}

/** Audio inputs; labels are empty until the user has granted access once. */
export async function listMicrophones(): Promise<MicrophoneOption[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}

/** Opens the chosen input (or the default one) with all voice processing off. */
export async function openMicrophoneStream(deviceId?: string): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw microphoneErrorFrom(undefined);
  const audio: MediaTrackConstraints = {
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
    channelCount: 1,
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio });
    if (stream.getAudioTracks().length === 0) throw new DOMException('', 'NotFoundError');
    return stream;
  } catch (error) {
    throw microphoneErrorFrom(error);
  }
}
