/**
 * The review's audio, from the disk cache when it has the attempt (fast, even for an hour) and
 * otherwise from storage, after which the cache is filled in the background.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { loadReviewAudio } from '../../storage/review-audio';
import { appDatabase } from '../../storage/schema';
import type { ReviewAudioState } from '../review/use-review-audio';
import {
  loadCachedReviewAudio,
  pruneReviewAudioCache,
  saveCachedReviewAudio,
} from './review-audio-cache';

/** Loads an attempt's audio for the report, again whenever the attempt changes. */
export function useReportAudio(attemptId: string, duration: number): ReviewAudioState {
  const [loaded, setLoaded] = useState<{ attemptId: string; state: ReviewAudioState }>();
  useEffect(() => {
    let current = true;
    const settle = (state: ReviewAudioState) => {
      if (current) setLoaded({ attemptId, state });
    };
    const load = async () => {
      const cached = await loadCachedReviewAudio(attemptId, duration);
      if (cached) return settle({ status: 'ready', audio: cached });
      const audio = await loadReviewAudio(appDatabase(), attemptId);
      settle(audio ? { status: 'ready', audio } : { status: 'missing' });
      if (!audio) return;
      await saveCachedReviewAudio(attemptId, audio);
      const ids = new Set(useAppStore.getState().attempts.map((a) => a.id));
      if (ids.size > 0) await pruneReviewAudioCache(ids);
    };
    load().catch((error: unknown) =>
      settle({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [attemptId, duration]);
  return loaded?.attemptId === attemptId ? loaded.state : { status: 'loading' };
}
