/**
 * The review's audio player as other review panels see it (e.g. a transcript that seeks to a
 * word, or highlights the word being played).
 */
import { createContext, useContext } from 'react';
import type { Seconds } from '../../../core/units';

export interface ReviewPlayer {
  seekTo: (time: Seconds) => void;
  play: (from?: Seconds) => void;
  pause: () => void;
  currentTime: () => Seconds;
  /** Calls `listener` as playback moves; returns an unsubscribe function. */
  onTimeUpdate: (listener: (time: Seconds) => void) => () => void;
}

export const ReviewPlayerContext = createContext<ReviewPlayer | undefined>(undefined);

/** The player of the enclosing review, once its waveform is ready. */
export const useReviewPlayer = (): ReviewPlayer | undefined => useContext(ReviewPlayerContext);
