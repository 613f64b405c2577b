import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seconds } from '../../core/units';
import { PeakAccumulator } from '../audio/peaks';
import { completeAttempt, createAttempt, deleteAttempt } from './attempts';
import { AudioChunkWriter } from './chunk-writer';
import { recoverInterruptedAttempts } from './recovery';
import { PitchpaceDatabase } from './schema';
import { finishWaveform, loadWaveform, peakBucketSize } from './waveform-peaks';

let db: PitchpaceDatabase;
let counter = 0;
beforeEach(() => {
  db = new PitchpaceDatabase(`waveform-peaks-test-${++counter}`);
});
afterEach(async () => {
  await db.delete();
});

const RATE = 48_000;

/** Odd-length blocks of a deterministic signal, as a capture worklet might deliver them. */
function blocks(count: number, length = 1_111): Float32Array[] {
  let state = 3;
  return Array.from({ length: count }, () =>
    Float32Array.from({ length }, () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return (state / 0x7fffffff) * 2 - 1;
    }),
  );
}

/** Peaks of the blocks taken as one signal (the reference). */
function expectedPeaks(parts: readonly Float32Array[]): Float32Array {
  const whole = new PeakAccumulator(peakBucketSize(RATE));
  whole.add(Float32Array.from(parts.flatMap((p) => Array.from(p))));
  return whole.result();
}

/** Records the blocks, flushing after every `flushEvery` of them. */
async function record(parts: readonly Float32Array[], flushEvery: number, close = true) {
  const attempt = await createAttempt(db, { mode: 'walkthrough', sampleRate: RATE });
  const writer = new AudioChunkWriter(db, attempt.id, 0);
  for (const [i, part] of parts.entries()) {
    writer.append('raw', RATE, part);
    writer.append('speech16k', 16_000, part.subarray(0, 370));
    if (i % flushEvery === flushEvery - 1) await writer.flush();
  }
  // Without close the tab "dies": what was not flushed yet never reaches storage.
  if (close) await writer.close();
  return attempt;
}

describe('waveform peaks stored while recording', () => {
  it('writes peaks with each raw chunk and folds them into the waveform at the end', async () => {
    const parts = blocks(40);
    const attempt = await record(parts, 3);
    expect(await db.peakChunks.where('attemptId').equals(attempt.id).count()).toBe(14);
    await completeAttempt(db, attempt.id, { duration: seconds(0.9), boundaries: [] });
    const waveform = await db.waveforms.get(attempt.id);
    expect(waveform?.frames).toBe(40 * 1_111);
    expect(waveform?.sampleRate).toBe(RATE);
    expect(waveform?.peaks).toEqual(expectedPeaks(parts));
    // The per-chunk rows were only a journal.
    expect(await db.peakChunks.where('attemptId').equals(attempt.id).count()).toBe(0);
  });

  it('keeps the peaks of an interrupted recording for its recovery', async () => {
    const parts = blocks(12, 6_000);
    const attempt = await record(parts, 5, false);
    const [outcome] = await recoverInterruptedAttempts(db);
    expect(outcome?.kind).toBe('recovered');
    // Only what reached storage: the last two blocks were never flushed.
    expect((await db.waveforms.get(attempt.id))?.peaks).toEqual(expectedPeaks(parts.slice(0, 10)));
  });

  it('computes and stores the waveform once for an attempt stored without peaks', async () => {
    const parts = blocks(9);
    const attempt = await record(parts, 2);
    await db.peakChunks.clear(); // as an attempt recorded before peaks were stored
    const waveform = await loadWaveform(db, attempt.id);
    expect(waveform?.peaks).toEqual(expectedPeaks(parts));
    expect((await db.waveforms.get(attempt.id))?.frames).toBe(9 * 1_111);
  });

  it('recomputes from the audio when the chunk peaks do not cover every chunk', async () => {
    const parts = blocks(6);
    const attempt = await record(parts, 2);
    await db.peakChunks.delete([attempt.id, 1]);
    expect((await finishWaveform(db, attempt.id))?.peaks).toEqual(expectedPeaks(parts));
  });

  it('has no waveform without audio and deletes it with the attempt', async () => {
    const empty = await createAttempt(db, { mode: 'close', sampleRate: RATE });
    expect(await loadWaveform(db, empty.id)).toBeUndefined();
    const attempt = await record(blocks(4), 2);
    await completeAttempt(db, attempt.id, { duration: seconds(0.1), boundaries: [] });
    await deleteAttempt(db, attempt.id);
    expect(await db.waveforms.count()).toBe(0);
    expect(await db.peakChunks.count()).toBe(0);
  });
});
