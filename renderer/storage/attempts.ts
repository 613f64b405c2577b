/** Reading and writing attempts and their audio. */
import { concatSamples } from '../../speech/audio-format';
import type { ModeId } from '../../core/modes';
import type { Seconds } from '../../core/units';
import { seconds } from '../../core/units';
import type { AttemptRecord, AudioTrack, PitchpaceDatabase } from './schema';
import { deleteChunkPeaks, finishWaveform } from './waveform-peaks';

/** Starts a new attempt in the `recording` state. */
export async function createAttempt(
  db: PitchpaceDatabase,
  fields: { mode: ModeId; sampleRate: number; microphoneLabel?: string },
  now = Date.now(),
): Promise<AttemptRecord> {
  const attempt: AttemptRecord = {
    id: crypto.randomUUID(),
    mode: fields.mode,
    createdAt: now,
    duration: seconds(0),
    sampleRate: fields.sampleRate,
    boundaries: [],
    status: 'recording',
    ...(fields.microphoneLabel ? { microphoneLabel: fields.microphoneLabel } : {}),
  };
  await db.attempts.add(attempt);
  return attempt;
}

/** Saves new section boundaries (while recording, or after a re-timing in the review). */
export async function saveBoundaries(
  db: PitchpaceDatabase,
  attemptId: string,
  boundaries: readonly Seconds[],
): Promise<void> {
  await db.attempts.update(attemptId, { boundaries: [...boundaries] });
}

/** Marks an attempt finished with its final length and stores its review waveform. */
export async function completeAttempt(
  db: PitchpaceDatabase,
  attemptId: string,
  fields: Pick<AttemptRecord, 'duration' | 'boundaries' | 'endReason'>,
): Promise<AttemptRecord | undefined> {
  await db.attempts.update(attemptId, { ...fields, status: 'complete' });
  // The attempt is saved either way: a waveform that could not be stored now is built by the
  // review from the audio.
  await finishWaveform(db, attemptId).catch(() => undefined);
  return db.attempts.get(attemptId);
}

/** All attempts, newest first. */
export async function listAttempts(db: PitchpaceDatabase): Promise<AttemptRecord[]> {
  return db.attempts.orderBy('createdAt').reverse().toArray();
}

/** Deletes an attempt, all of its audio, its waveform and its transcript. */
export async function deleteAttempt(db: PitchpaceDatabase, attemptId: string): Promise<void> {
  const tables = [db.attempts, db.audioChunks, db.transcripts, db.peakChunks, db.waveforms];
  await db.transaction('rw', tables, async () => {
    await db.audioChunks.where('attemptId').equals(attemptId).delete();
    await deleteChunkPeaks(db, attemptId);
    await db.waveforms.delete(attemptId);
    await db.transcripts.delete(attemptId);
    await db.attempts.delete(attemptId);
  });
}

/**
 * Visits one track's chunks in order without loading them all at once, so an hour of audio
 * never has to sit in memory as one array.
 */
export async function forEachAudioChunk(
  db: PitchpaceDatabase,
  attemptId: string,
  track: AudioTrack,
  visit: (samples: Float32Array, sampleRate: number) => void,
): Promise<void> {
  await db.audioChunks
    .where('[attemptId+track+seq]')
    .between([attemptId, track, 0], [attemptId, track, Number.MAX_SAFE_INTEGER])
    .each((chunk) => visit(chunk.samples, chunk.sampleRate));
}

/** Number of samples and the rate of one track (0 and undefined when it has none). */
export async function trackLength(
  db: PitchpaceDatabase,
  attemptId: string,
  track: AudioTrack,
): Promise<{ frames: number; sampleRate: number | undefined }> {
  let frames = 0;
  let sampleRate: number | undefined;
  await forEachAudioChunk(db, attemptId, track, (samples, rate) => {
    frames += samples.length;
    sampleRate = rate;
  });
  return { frames, sampleRate };
}

/** One track as a single array (for short audio: tests, transcription of a 3-minute answer). */
export async function readTrack(
  db: PitchpaceDatabase,
  attemptId: string,
  track: AudioTrack,
): Promise<{ samples: Float32Array; sampleRate: number | undefined }> {
  const parts: Float32Array[] = [];
  let sampleRate: number | undefined;
  await forEachAudioChunk(db, attemptId, track, (samples, rate) => {
    parts.push(samples);
    sampleRate = rate;
  });
  return { samples: concatSamples(parts), sampleRate };
}
