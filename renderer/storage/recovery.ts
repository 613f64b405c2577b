/**
 * Recovering recordings that never reached Stop (tab closed, app or machine crashed). Their audio
 * is already in the database, chunk by chunk; recovery finishes the attempt with the length of
 * what was stored.
 */
import { MODES } from '../../core/modes';
import { normaliseBoundaries } from '../../core/timing';
import { seconds } from '../../core/units';
import { completeAttempt, deleteAttempt, trackLength } from './attempts';
import type { AttemptRecord, PitchpaceDatabase } from './schema';

/** Recordings shorter than this are not worth keeping (nothing to review). */
export const MIN_RECORDING_SECONDS = 1;

/** What recovery did with one interrupted attempt. */
export type RecoveryOutcome =
  | { kind: 'recovered'; attempt: AttemptRecord }
  | { kind: 'discarded'; attemptId: string; reason: 'too-short' };

/**
 * Finishes every attempt still marked `recording`, except those another window is recording
 * right now (`isActiveElsewhere`, e.g. a held Web Lock).
 */
export async function recoverInterruptedAttempts(
  db: PitchpaceDatabase,
  isActiveElsewhere: (attemptId: string) => Promise<boolean> = () => Promise.resolve(false),
): Promise<RecoveryOutcome[]> {
  const open = await db.attempts.where('status').equals('recording').toArray();
  const outcomes: RecoveryOutcome[] = [];
  for (const attempt of open) {
    if (await isActiveElsewhere(attempt.id)) continue;
    const { frames, sampleRate } = await trackLength(db, attempt.id, 'raw');
    const duration = seconds(sampleRate ? frames / sampleRate : 0);
    if (duration < MIN_RECORDING_SECONDS) {
      await deleteAttempt(db, attempt.id);
      outcomes.push({ kind: 'discarded', attemptId: attempt.id, reason: 'too-short' });
      continue;
    }
    const boundaries = normaliseBoundaries(MODES[attempt.mode], attempt.boundaries, duration);
    const done = await completeAttempt(db, attempt.id, {
      duration,
      boundaries,
      endReason: 'recovered',
    });
    if (done) outcomes.push({ kind: 'recovered', attempt: done });
  }
  return outcomes;
}
