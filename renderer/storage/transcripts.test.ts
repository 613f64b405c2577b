import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSCRIPT_SCHEMA_VERSION, type Transcript } from '../../core/transcript';
import { createAttempt, deleteAttempt } from './attempts';
import { PitchpaceDatabase } from './schema';
import { loadTranscript, saveTranscript } from './transcripts';

let db: PitchpaceDatabase;
let counter = 0;
beforeEach(() => {
  db = new PitchpaceDatabase(`pitchpace-transcripts-${++counter}`);
});
afterEach(async () => {
  await db.delete();
});

const transcript: Transcript = {
  schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
  duration: 3,
  words: [
    { text: 'Hello', start: 0.2, end: 0.6 },
    { text: 'there.', start: 0.6, end: null },
  ],
  segments: [{ text: 'Hello there.', start: 0.2, end: null }],
  pauses: [],
  fillers: [],
  model: 'whisper-base.en',
};

describe('transcript storage', () => {
  it('keeps an attempt’s transcript, null end times included, and deletes it with the attempt', async () => {
    const attempt = await createAttempt(db, { mode: 'walkthrough', sampleRate: 48_000 });
    expect(await loadTranscript(db, attempt.id)).toBeUndefined();
    expect(await saveTranscript(db, attempt.id, transcript)).toBe(true);
    expect(await loadTranscript(db, attempt.id)).toEqual(transcript);
    await deleteAttempt(db, attempt.id);
    expect(await loadTranscript(db, attempt.id)).toBeUndefined();
  });

  it('does not save a transcript for an attempt that was discarded meanwhile', async () => {
    const attempt = await createAttempt(db, { mode: 'walkthrough', sampleRate: 48_000 });
    await deleteAttempt(db, attempt.id);
    expect(await saveTranscript(db, attempt.id, transcript)).toBe(false);
    expect(await db.transcripts.count()).toBe(0);
  });

  it('upgrades a version-1 database without losing its attempts', async () => {
    const name = `pitchpace-upgrade-${++counter}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      attempts: 'id, createdAt, status',
      audioChunks: '[attemptId+track+seq], attemptId',
    });
    await v1.table('attempts').add({ id: 'old', createdAt: 1, status: 'complete' });
    v1.close();
    const upgraded = new PitchpaceDatabase(name);
    try {
      expect((await upgraded.attempts.get('old'))?.createdAt).toBe(1);
      expect(await saveTranscript(upgraded, 'old', transcript)).toBe(true);
      expect(upgraded.verno).toBe(3);
      // Version 3 added the waveform tables, empty for attempts stored before it.
      expect(await upgraded.waveforms.count()).toBe(0);
      expect(await upgraded.peakChunks.count()).toBe(0);
    } finally {
      await upgraded.delete();
    }
  });
});
