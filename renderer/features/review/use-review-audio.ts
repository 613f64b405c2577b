import { useEffect, useState } from 'react';
import { appDatabase } from '../../storage/schema';
import type { ReviewAudio } from '../../storage/review-audio';
import { loadReviewWaveform } from '../../storage/review-audio';
import { playableReviewWav } from '../report/review-audio-cache';

export type ReviewAudioState =
  | { status: 'loading' }
  | { status: 'ready'; audio: ReviewAudio }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/**
 * Loads an attempt's audio for the review, again whenever the attempt changes: `ready` as soon
 * as the precomputed waveform is read (one IndexedDB row), with the playable WAV still on its
 * way (`audio.playable`).
 */
export function useReviewAudio(attemptId: string): ReviewAudioState {
  // Results are tagged with their attempt so a stale one reads as "loading", not as this one.
  const [loaded, setLoaded] = useState<{ attemptId: string; state: ReviewAudioState }>();
  useEffect(() => {
    let current = true;
    const settle = (state: ReviewAudioState) => {
      if (current) setLoaded({ attemptId, state });
    };
    const load = async () => {
      const db = appDatabase();
      const loaded = await loadReviewWaveform(db, attemptId);
      if (!loaded) return settle({ status: 'missing' });
      const { waveform, wav } = loaded;
      const playable = playableReviewWav(db, attemptId, waveform.duration, wav);
      // The waveform shows a failure to itself; nothing else awaits this.
      playable.catch(() => undefined);
      settle({ status: 'ready', audio: { ...waveform, playable } });
    };
    load().catch((error: unknown) =>
      settle({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [attemptId]);
  return loaded?.attemptId === attemptId ? loaded.state : { status: 'loading' };
}
