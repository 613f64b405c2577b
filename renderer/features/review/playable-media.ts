/**
 * The media element behind a review waveform. wavesurfer.js draws from the precomputed peaks
 * with no source at all; the WAV is attached to the element once it has been assembled, so the
 * waveform never waits for an hour of audio to be read back.
 */

/** Where the playable audio is. */
export type PlaybackStatus = 'preparing' | 'playable' | 'failed';

/**
 * Gives `media` the blob `playable` settles with and reports the status; returns a cleanup that
 * stops playback, detaches the source and frees its URL (wavesurfer.js leaves a media element it
 * was handed alone when it is destroyed).
 */
export function attachPlayableAudio(
  media: HTMLMediaElement,
  playable: Promise<Blob>,
  onStatus: (status: PlaybackStatus) => void,
): () => void {
  let url: string | undefined;
  let detached = false;
  playable.then(
    (blob) => {
      if (detached) return;
      // Playable once the element knows the file: seeks before that would be lost.
      const report = (status: PlaybackStatus) => () => {
        if (!detached) onStatus(status);
      };
      media.addEventListener('loadedmetadata', report('playable'), { once: true });
      media.addEventListener('error', report('failed'), { once: true });
      url = URL.createObjectURL(blob);
      media.src = url;
    },
    () => {
      if (!detached) onStatus('failed');
    },
  );
  return () => {
    detached = true;
    media.pause();
    media.removeAttribute('src');
    media.load();
    if (url) URL.revokeObjectURL(url);
  };
}
