/**
 * The coaching report of the attempt under review: the engine run on its transcript with the
 * markers (or the candidate's corrections) as fixed boundaries, re-run whenever those change.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisInput, CoachReport, FixedBoundary } from '../../../core/coach/types';
import type { Transcript } from '../../../core/transcript';
import { useAppStore } from '../../store/app-store';
import { appDatabase } from '../../storage/schema';
import { AnalysisClient } from './analysis-client';
import type { AttemptRecord } from '../../storage/schema';
import { correctionsOf } from './attempt-transcript';
import { effectiveBoundaries } from './section-corrections';

export type ReportState =
  | { status: 'analysing'; report: CoachReport | undefined }
  | { status: 'ready'; report: CoachReport }
  | { status: 'failed'; message: string };

export interface AttemptReport {
  state: ReportState;
  /** The fixed boundaries the current report was (or is being) computed with. */
  fixed: FixedBoundary[];
  /** Saves new corrections with the attempt; the report re-runs with them at once. */
  correct: (corrections: FixedBoundary[] | undefined) => void;
}

/** Runs (and re-runs) the engine for one attempt. */
export function useAttemptReport(attempt: AttemptRecord, transcript: Transcript): AttemptReport {
  const clientRef = useRef<AnalysisClient | undefined>(undefined);
  const putAttempt = useAppStore((s) => s.putAttempt);
  const showNotice = useAppStore((s) => s.showNotice);
  const corrections = correctionsOf(attempt);
  const fixed = useMemo(
    () => effectiveBoundaries(attempt.mode, attempt.boundaries, corrections),
    [attempt.mode, attempt.boundaries, corrections],
  );
  const input = useMemo<AnalysisInput>(
    () => ({
      mode: attempt.mode,
      words: transcript.words,
      pauses: transcript.pauses,
      fillers: transcript.fillers,
      duration: Math.max(transcript.duration, attempt.duration),
      fixedBoundaries: fixed,
    }),
    [attempt.mode, attempt.duration, transcript, fixed],
  );
  // The latest answer, tagged with the input it answers: a newer input reads as "analysing".
  const [result, setResult] = useState<{
    input: AnalysisInput;
    report?: CoachReport;
    error?: string;
  }>();

  useEffect(() => {
    const client = new AnalysisClient();
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    const client = clientRef.current ?? new AnalysisClient(false);
    let current = true;
    client.analyze(input).then(
      (report) => current && setResult({ input, report }),
      (error: unknown) =>
        current &&
        setResult({ input, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [input]);

  const correct = useCallback(
    (next: FixedBoundary[] | undefined) => {
      const latest = useAppStore.getState().attempts.find((a) => a.id === attempt.id) ?? attempt;
      const updated: AttemptRecord = { ...latest, sectionCorrections: next };
      if (next === undefined) delete updated.sectionCorrections;
      putAttempt(updated);
      appDatabase()
        .attempts.update(attempt.id, { sectionCorrections: next })
        .catch(() => showNotice('error', 'The corrected sections could not be saved.'));
    },
    [attempt, putAttempt, showNotice],
  );

  let state: ReportState;
  if (result?.input === input && result.report) state = { status: 'ready', report: result.report };
  else if (result?.input === input && result.error !== undefined)
    state = { status: 'failed', message: result.error };
  else state = { status: 'analysing', report: result?.report };
  return { state, fixed, correct };
}
