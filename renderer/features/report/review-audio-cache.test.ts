import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWav } from '../../audio/wav';
import { createAttempt } from '../../storage/attempts';
import { AudioChunkWriter } from '../../storage/chunk-writer';
import { PitchpaceDatabase } from '../../storage/schema';
import {
  cacheEntryId,
  loadCachedReviewWav,
  playableReviewWav,
  saveCachedReviewWav,
} from './review-audio-cache';

const db = new PitchpaceDatabase('review-audio-cache-test');
afterEach(async () => {
  await db.delete();
  await db.open();
});

describe('review audio cache', () => {
  it('knows its own files and leaves writes in progress alone', () => {
    expect(cacheEntryId('3f2a-attempt.wav')).toBe('3f2a-attempt');
    expect(cacheEntryId('3f2a-attempt.peaks')).toBe('3f2a-attempt');
    expect(cacheEntryId('3f2a-attempt.json')).toBe('3f2a-attempt');
    expect(cacheEntryId('3f2a-attempt.wav.crswap')).toBeUndefined();
    expect(cacheEntryId('.json')).toBeUndefined();
  });

  it('falls back to a WAV from storage where there is no origin private file system', async () => {
    const attempt = await createAttempt(db, { mode: 'close', sampleRate: 8_000 });
    const writer = new AudioChunkWriter(db, attempt.id, 0);
    writer.append('raw', 8_000, new Float32Array(8_000).fill(0.5));
    await writer.close();
    expect(await saveCachedReviewWav(attempt.id, new Blob([]), 8_000)).toBeUndefined();
    expect(await loadCachedReviewWav(attempt.id, 1)).toBeUndefined();
    const first = playableReviewWav(db, attempt.id, 1);
    // A second caller while the first build runs shares it.
    expect(playableReviewWav(db, attempt.id, 1)).toBe(first);
    const wav = decodeWav(await (await first).arrayBuffer());
    expect(wav.samples.length).toBe(8_000);
    expect(wav.samples[0]).toBeCloseTo(0.5, 3);
  });

  it('fails plainly for an attempt without audio', async () => {
    await expect(playableReviewWav(db, 'nothing-here', 1)).rejects.toThrow(/no stored audio/);
  });
});
