/**
 * Where the review finds an attempt's transcript and its section corrections. The transcript
 * lives in its own table and may arrive after the review opened (transcription finishes after
 * Stop), so it is watched with a Dexie live query rather than read once.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { FixedBoundary } from '../../../core/coach/types';
import type { Transcript } from '../../../core/transcript';
import type { AttemptRecord } from '../../storage/schema';
import { appDatabase } from '../../storage/schema';
import { loadTranscript } from '../../storage/transcripts';
import { isFixedBoundaryList } from './section-corrections';

export type AttemptTranscriptState =
  { status: 'loading' } | { status: 'none' } | { status: 'ready'; transcript: Transcript };

/** A transcript the review can use: it has words. */
export function usableTranscript(transcript: Transcript | undefined): Transcript | undefined {
  return transcript && Array.isArray(transcript.words) && transcript.words.length > 0
    ? transcript
    : undefined;
}

/** The attempt's stored transcript, following later saves. */
export function useAttemptTranscript(attemptId: string): AttemptTranscriptState {
  const [state, setState] = useState<{ id: string; value: AttemptTranscriptState }>();
  useEffect(() => {
    const subscription = liveQuery(() => loadTranscript(appDatabase(), attemptId)).subscribe({
      next: (stored) => {
        const transcript = usableTranscript(stored);
        setState({
          id: attemptId,
          value: transcript ? { status: 'ready', transcript } : { status: 'none' },
        });
      },
      error: () => setState({ id: attemptId, value: { status: 'none' } }),
    });
    return () => subscription.unsubscribe();
  }, [attemptId]);
  return state?.id === attemptId ? state.value : { status: 'loading' };
}

/** The candidate's section corrections, or undefined when there are none (markers decide). */
export function correctionsOf(attempt: AttemptRecord): FixedBoundary[] | undefined {
  const value: unknown = attempt.sectionCorrections;
  return isFixedBoundaryList(value) ? value : undefined;
}
