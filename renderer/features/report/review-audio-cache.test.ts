import { describe, expect, it } from 'vitest';
import { cacheEntryId, loadCachedReviewAudio, saveCachedReviewAudio } from './review-audio-cache';
import { seconds } from '../../../core/units';

describe('review audio cache', () => {
  it('knows its own files and leaves writes in progress alone', () => {
    expect(cacheEntryId('3f2a-attempt.wav')).toBe('3f2a-attempt');
    expect(cacheEntryId('3f2a-attempt.peaks')).toBe('3f2a-attempt');
    expect(cacheEntryId('3f2a-attempt.json')).toBe('3f2a-attempt');
    expect(cacheEntryId('3f2a-attempt.wav.crswap')).toBeUndefined();
    expect(cacheEntryId('.json')).toBeUndefined();
  });

  it('falls back quietly where there is no origin private file system', async () => {
    const audio = {
      wav: new Blob([]),
      peaks: new Float32Array(4),
      duration: seconds(1),
      sampleRate: 8000,
    };
    expect(await saveCachedReviewAudio('a', audio)).toBe(false);
    expect(await loadCachedReviewAudio('a', 1)).toBeUndefined();
  });
});
