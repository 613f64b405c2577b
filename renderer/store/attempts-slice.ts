/** Saved attempts as the history and the review see them. */
import type { Seconds } from '../../core/units';
import type { AttemptRecord } from '../storage/schema';
import type { SliceCreator } from './types';

export interface AttemptsSlice {
  /** Finished attempts, newest first. */
  attempts: AttemptRecord[];
  attemptsLoaded: boolean;
  /** The attempt open in the review, if any. */
  openAttemptId: string | undefined;
  setAttempts: (attempts: AttemptRecord[]) => void;
  /** Adds or replaces an attempt, keeping newest-first order. */
  putAttempt: (attempt: AttemptRecord) => void;
  removeAttempt: (attemptId: string) => void;
  openAttempt: (attemptId: string | undefined) => void;
  setBoundaries: (attemptId: string, boundaries: Seconds[]) => void;
}

const newestFirst = (a: AttemptRecord, b: AttemptRecord) => b.createdAt - a.createdAt;

export const createAttemptsSlice: SliceCreator<AttemptsSlice> = (set) => ({
  attempts: [],
  attemptsLoaded: false,
  openAttemptId: undefined,
  setAttempts: (attempts) =>
    set({ attempts: attempts.slice().sort(newestFirst), attemptsLoaded: true }),
  putAttempt: (attempt) =>
    set((state) => ({
      attempts: [...state.attempts.filter((a) => a.id !== attempt.id), attempt].sort(newestFirst),
    })),
  removeAttempt: (attemptId) =>
    set((state) => ({
      attempts: state.attempts.filter((a) => a.id !== attemptId),
      openAttemptId: state.openAttemptId === attemptId ? undefined : state.openAttemptId,
    })),
  openAttempt: (openAttemptId) => set({ openAttemptId }),
  setBoundaries: (attemptId, boundaries) =>
    set((state) => ({
      attempts: state.attempts.map((a) => (a.id === attemptId ? { ...a, boundaries } : a)),
    })),
});
