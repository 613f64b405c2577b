import { useEffect, useState } from 'react';
import { appDatabase } from '../../storage/schema';
import type { ReviewAudio } from '../../storage/review-audio';
import { loadReviewAudio } from '../../storage/review-audio';

export type ReviewAudioState =
  | { status: 'loading' }
  | { status: 'ready'; audio: ReviewAudio }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/** Loads an attempt's audio for the review (WAV + peaks), again whenever the attempt changes. */
export function useReviewAudio(attemptId: string): ReviewAudioState {
  // Results are tagged with their attempt so a stale one reads as "loading", not as this one.
  const [loaded, setLoaded] = useState<{ attemptId: string; state: ReviewAudioState }>();
  useEffect(() => {
    let current = true;
    const settle = (state: ReviewAudioState) => {
      if (current) setLoaded({ attemptId, state });
    };
    loadReviewAudio(appDatabase(), attemptId).then(
      (audio) => settle(audio ? { status: 'ready', audio } : { status: 'missing' }),
      (error: unknown) =>
        settle({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [attemptId]);
  return loaded?.attemptId === attemptId ? loaded.state : { status: 'loading' };
}
