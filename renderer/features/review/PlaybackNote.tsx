import type { PlaybackStatus } from './playable-media';

/** Says why Play is not available yet (the waveform shows before the audio is playable). */
export function PlaybackNote({ status }: { status: PlaybackStatus }) {
  if (status === 'playable') return null;
  return (
    <span className="muted" role="status" data-testid="playback-note">
      {status === 'preparing'
        ? 'Preparing playback…'
        : 'The recording could not be loaded for playback.'}
    </span>
  );
}
