/**
 * The report's audio: the precomputed waveform at once, the playable WAV (from the disk cache,
 * or written to it now) a little later; cached files of deleted attempts are pruned once the
 * WAV is there.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import type { ReviewAudioState } from '../review/use-review-audio';
import { useReviewAudio } from '../review/use-review-audio';
import { pruneReviewAudioCache } from './review-audio-cache';

/** Loads an attempt's audio for the report, again whenever the attempt changes. */
export function useReportAudio(attemptId: string): ReviewAudioState {
  const state = useReviewAudio(attemptId);
  const playable = state.status === 'ready' ? state.audio.playable : undefined;
  useEffect(() => {
    playable
      ?.then(async () => {
        const ids = new Set(useAppStore.getState().attempts.map((a) => a.id));
        if (ids.size > 0) await pruneReviewAudioCache(ids);
      })
      .catch(() => undefined);
  }, [playable]);
  return state;
}
