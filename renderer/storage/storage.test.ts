import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seconds } from '../../core/units';
import { decodeWav } from '../audio/wav';
import {
  completeAttempt,
  createAttempt,
  deleteAttempt,
  listAttempts,
  readTrack,
  saveBoundaries,
} from './attempts';
import { AudioChunkWriter } from './chunk-writer';
import { recoverInterruptedAttempts } from './recovery';
import { loadReviewWaveform, wavBlobFromStorage } from './review-audio';
import { PitchpaceDatabase } from './schema';

let db: PitchpaceDatabase;
let counter = 0;

beforeEach(() => {
  db = new PitchpaceDatabase(`pitchpace-test-${++counter}`);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const ramp = (from: number, length: number) =>
  Float32Array.from({ length }, (_, i) => ((from + i) % 1000) / 1000 - 0.5);

describe('attempt storage', () => {
  it('round-trips an attempt with chunked audio on two tracks', async () => {
    const attempt = await createAttempt(db, { mode: 'walkthrough', sampleRate: 48_000 }, 1000);
    const writer = new AudioChunkWriter(db, attempt.id, 0);
    for (let block = 0; block < 25; block++) {
      writer.append('raw', 48_000, ramp(block * 4800, 4800));
      writer.append('speech16k', 16_000, ramp(block * 1600, 1600));
      if (block % 5 === 4) await writer.flush();
    }
    await writer.close();
    await saveBoundaries(db, attempt.id, [seconds(0.5), seconds(1.5)]);
    await completeAttempt(db, attempt.id, {
      duration: seconds(2.5),
      boundaries: [seconds(0.5), seconds(1.5)],
      endReason: 'stopped',
    });

    const [stored] = await listAttempts(db);
    expect(stored).toMatchObject({
      id: attempt.id,
      mode: 'walkthrough',
      status: 'complete',
      duration: 2.5,
      boundaries: [0.5, 1.5],
    });
    const raw = await readTrack(db, attempt.id, 'raw');
    expect(raw.sampleRate).toBe(48_000);
    expect(raw.samples).toEqual(ramp(0, 120_000));
    const speech = await readTrack(db, attempt.id, 'speech16k');
    expect(speech.samples).toEqual(ramp(0, 40_000));
    expect(await db.audioChunks.where('attemptId').equals(attempt.id).count()).toBe(10);
  });

  it('lists newest first and deletes an attempt together with its audio', async () => {
    const older = await createAttempt(db, { mode: 'close', sampleRate: 16_000 }, 1);
    const newer = await createAttempt(db, { mode: 'deepdive', sampleRate: 16_000 }, 2);
    const writer = new AudioChunkWriter(db, older.id, 0);
    writer.append('raw', 16_000, ramp(0, 100));
    await writer.close();
    expect((await listAttempts(db)).map((a) => a.id)).toEqual([newer.id, older.id]);
    await deleteAttempt(db, older.id);
    expect((await listAttempts(db)).map((a) => a.id)).toEqual([newer.id]);
    expect(await db.audioChunks.count()).toBe(0);
  });

  it('writes buffered audio on its own at least every second', async () => {
    // Only the writer's interval is faked: IndexedDB itself still needs real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const attempt = await createAttempt(db, { mode: 'walkthrough', sampleRate: 48_000 });
    const writer = new AudioChunkWriter(db, attempt.id);
    writer.append('raw', 48_000, ramp(0, 4800));
    vi.advanceTimersByTime(1000);
    await vi.waitFor(async () => {
      expect((await readTrack(db, attempt.id, 'raw')).samples.length).toBe(4800);
    });
    await writer.close();
  });

  it('gives the review its stored waveform and a playable WAV', async () => {
    const attempt = await createAttempt(db, { mode: 'walkthrough', sampleRate: 8_000 });
    const writer = new AudioChunkWriter(db, attempt.id, 0);
    writer.append('raw', 8_000, new Float32Array(8_000).fill(0.25));
    await writer.flush();
    writer.append('raw', 8_000, new Float32Array(4_000).fill(-0.5));
    await writer.close();
    await completeAttempt(db, attempt.id, { duration: seconds(1.5), boundaries: [] });
    const loaded = await loadReviewWaveform(db, attempt.id);
    // Peaks were stored with the recording: no audio had to be read to draw it.
    expect(loaded?.wav).toBeUndefined();
    const waveform = loaded?.waveform;
    expect(waveform?.duration).toBe(1.5);
    expect(waveform?.peaks.length).toBe(150);
    expect(waveform?.peaks[0]).toBeCloseTo(0.25);
    expect(waveform?.peaks[149]).toBeCloseTo(0.5);
    const built = await wavBlobFromStorage(db, attempt.id);
    expect(built?.sampleRate).toBe(8_000);
    const wav = decodeWav(await built!.wav.arrayBuffer());
    expect(wav.sampleRate).toBe(8_000);
    expect(wav.samples.length).toBe(12_000);
    expect(wav.samples[7_999]).toBeCloseTo(0.25, 3);
    expect(wav.samples[11_999]).toBeCloseTo(-0.5, 3);
  });

  it('reads an older attempt’s audio once for both its waveform and its WAV', async () => {
    const attempt = await createAttempt(db, { mode: 'close', sampleRate: 8_000 });
    const writer = new AudioChunkWriter(db, attempt.id, 0);
    writer.append('raw', 8_000, new Float32Array(8_000).fill(-0.25));
    await writer.close();
    await db.peakChunks.clear(); // stored before peaks were
    const loaded = await loadReviewWaveform(db, attempt.id);
    expect(loaded?.waveform.peaks.length).toBe(100);
    expect(loaded?.waveform.peaks[99]).toBeCloseTo(0.25);
    const wav = decodeWav(await loaded!.wav!.wav.arrayBuffer());
    expect(wav.samples.length).toBe(8_000);
    // Stored: the next review reads the one row.
    expect((await loadReviewWaveform(db, attempt.id))?.wav).toBeUndefined();
  });
});

describe('recovery of interrupted recordings', () => {
  it('finishes an attempt left recording with the audio that reached storage', async () => {
    const attempt = await createAttempt(db, { mode: 'walkthrough', sampleRate: 48_000 });
    const writer = new AudioChunkWriter(db, attempt.id, 0);
    writer.append('raw', 48_000, ramp(0, 48_000 * 3));
    await writer.flush();
    // Markers saved while recording, one past the audio that made it to disk.
    await saveBoundaries(db, attempt.id, [seconds(1), seconds(2), seconds(7)]);
    // The tab dies here: no completeAttempt, no close.

    const outcomes = await recoverInterruptedAttempts(db);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      kind: 'recovered',
      attempt: { id: attempt.id, status: 'complete', endReason: 'recovered', duration: 3 },
    });
    expect((await db.attempts.get(attempt.id))?.boundaries).toEqual([1, 2]);
    expect((await readTrack(db, attempt.id, 'raw')).samples).toEqual(ramp(0, 48_000 * 3));
    expect(await recoverInterruptedAttempts(db)).toEqual([]);
  });

  it('discards interrupted attempts under a second and skips ones still being recorded', async () => {
    const tiny = await createAttempt(db, { mode: 'close', sampleRate: 48_000 });
    const busy = await createAttempt(db, { mode: 'close', sampleRate: 48_000 });
    const writer = new AudioChunkWriter(db, tiny.id, 0);
    writer.append('raw', 48_000, ramp(0, 1000));
    await writer.close();

    const outcomes = await recoverInterruptedAttempts(db, (id) => Promise.resolve(id === busy.id));
    expect(outcomes).toEqual([{ kind: 'discarded', attemptId: tiny.id, reason: 'too-short' }]);
    expect(await db.attempts.get(tiny.id)).toBeUndefined();
    expect((await db.attempts.get(busy.id))?.status).toBe('recording');
  });
});
