/** Reading an attempt's raw track back in bounded batches. */
import type { AudioChunkRecord, PitchpaceDatabase } from './schema';

/** Raw chunks read at a time: tens of seconds of audio, never the whole hour. */
const CHUNKS_PER_BATCH = 32;

/**
 * Visits the raw track in order, a batch of chunks at a time, waiting for each visit before
 * reading on, so memory stays bounded however long the recording is.
 */
export async function forEachRawBatch(
  db: PitchpaceDatabase,
  attemptId: string,
  visit: (chunks: readonly AudioChunkRecord[]) => Promise<void> | void,
): Promise<void> {
  for (let from = 0; ;) {
    const batch = await db.audioChunks
      .where('[attemptId+track+seq]')
      .between([attemptId, 'raw', from], [attemptId, 'raw', Number.MAX_SAFE_INTEGER])
      .limit(CHUNKS_PER_BATCH)
      .toArray();
    const last = batch[batch.length - 1];
    if (!last) return;
    await visit(batch);
    from = last.seq + 1;
  }
}
