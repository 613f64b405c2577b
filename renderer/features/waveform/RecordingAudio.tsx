import type { ReactNode } from 'react';
import type { ReviewAudio } from '../../storage/review-audio';
import type { ReviewAudioState } from '../review/use-review-audio';

export interface RecordingAudioProps {
  state: ReviewAudioState;
  /** What to show once the audio is there (the waveform). */
  children: (audio: ReviewAudio) => ReactNode;
}

/**
 * The attempt's recording once its audio is loaded; until then, or if it is absent or broken,
 * a line saying so.
 */
export function RecordingAudio({ state, children }: RecordingAudioProps) {
  if (state.status === 'ready') return children(state.audio);
  return (
    <p className="muted review__placeholder">
      {state.status === 'loading'
        ? 'Loading the recording…'
        : state.status === 'missing'
          ? 'This attempt has no stored audio.'
          : `The recording could not be loaded: ${state.message}`}
    </p>
  );
}
