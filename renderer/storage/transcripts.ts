/** Reading and writing attempts' final transcripts. */
import type { Transcript } from '../../core/transcript';
import type { PitchpaceDatabase } from './schema';

/**
 * Saves an attempt's transcript, unless the attempt is gone (discarded or deleted while it was
 * being transcribed). Returns whether it was saved.
 */
export async function saveTranscript(
  db: PitchpaceDatabase,
  attemptId: string,
  transcript: Transcript,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.attempts, db.transcripts, async () => {
    if (!(await db.attempts.get(attemptId))) return false;
    await db.transcripts.put({ attemptId, transcript, createdAt: now });
    return true;
  });
}

/** The attempt's transcript, if it has one. */
export async function loadTranscript(
  db: PitchpaceDatabase,
  attemptId: string,
): Promise<Transcript | undefined> {
  return (await db.transcripts.get(attemptId))?.transcript;
}
