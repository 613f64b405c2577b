/**
 * The review's playable audio. A disk cache in the Origin Private File System holds each
 * attempt's WAV as a file (a File is a Blob read from disk on demand, so an hour of audio never
 * has to sit in memory); it is written batch by batch from the stored chunks, right after a
 * recording ends or on the first review of an older attempt. The waveform does not wait for it:
 * its peaks are precomputed in IndexedDB. Any failure (no OPFS, quota, a half-written entry)
 * falls back to a WAV blob assembled from the stored chunks, which stay the source of truth.
 */
import { floatToInt16, wavHeader } from '../../audio/wav';
import { forEachRawBatch, wavBlobFromStorage } from '../../storage/review-audio';
import type { PitchpaceDatabase } from '../../storage/schema';

const DIRECTORY = 'review-audio';
/** Version 1 entries also held peaks (now in IndexedDB); they are rebuilt, not read. */
const VERSION = 2;
const WAV_HEADER_BYTES = 44;

interface CacheMeta {
  version: number;
  frames: number;
  sampleRate: number;
}

async function cacheDirectory(): Promise<FileSystemDirectoryHandle | undefined> {
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(DIRECTORY, { create: true });
  } catch {
    return undefined;
  }
}

async function readFile(dir: FileSystemDirectoryHandle, name: string): Promise<File> {
  return (await dir.getFileHandle(name)).getFile();
}

/** The cached WAV of an attempt, if a complete entry of this length (seconds) is there. */
export async function loadCachedReviewWav(
  attemptId: string,
  duration: number,
): Promise<File | undefined> {
  const dir = await cacheDirectory();
  if (!dir) return undefined;
  try {
    const meta = JSON.parse(await (await readFile(dir, `${attemptId}.json`)).text()) as CacheMeta;
    // Written last, so its presence means the entry is whole; the length guards against reuse.
    const length = meta.frames / meta.sampleRate;
    if (meta.version !== VERSION || !(Math.abs(length - duration) <= 0.05)) return undefined;
    return await readFile(dir, `${attemptId}.wav`);
  } catch {
    return undefined;
  }
}

/**
 * Streams an attempt's raw track into the cache as a WAV file, a batch of chunks per write (the
 * header, whose length fields need the total, is written last). Resolves with the file, or
 * undefined when the cache is unavailable.
 */
export async function writeCachedReviewWav(
  db: PitchpaceDatabase,
  attemptId: string,
): Promise<File | undefined> {
  const dir = await cacheDirectory();
  if (!dir) return undefined;
  try {
    await dir.removeEntry(`${attemptId}.json`).catch(() => undefined);
    await dir.removeEntry(`${attemptId}.peaks`).catch(() => undefined);
    const file = await dir.getFileHandle(`${attemptId}.wav`, { create: true });
    const writable = await file.createWritable();
    let frames = 0;
    let sampleRate = 0;
    try {
      await writable.write(new ArrayBuffer(WAV_HEADER_BYTES));
      await forEachRawBatch(db, attemptId, async (chunks) => {
        const ints = chunks.map((chunk) => floatToInt16(chunk.samples));
        frames += ints.reduce((n, part) => n + part.length, 0);
        sampleRate = chunks[0]?.sampleRate ?? sampleRate;
        await writable.write(new Blob(ints));
      });
      await writable.write({ type: 'write', position: 0, data: wavHeader(frames, sampleRate) });
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
    if (sampleRate === 0) return undefined;
    const meta: CacheMeta = { version: VERSION, frames, sampleRate };
    const metaWritable = await (
      await dir.getFileHandle(`${attemptId}.json`, { create: true })
    ).createWritable();
    await metaWritable.write(JSON.stringify(meta));
    await metaWritable.close();
    return await file.getFile();
  } catch {
    return undefined;
  }
}

const inFlight = new Map<string, Promise<Blob>>();

/**
 * The playable WAV of an attempt: the cached file, else written to the cache now, else a blob
 * from storage. Concurrent callers (the recorder preparing it, the review opening) share one
 * build.
 */
export function playableReviewWav(
  db: PitchpaceDatabase,
  attemptId: string,
  duration: number,
): Promise<Blob> {
  const running = inFlight.get(attemptId);
  if (running) return running;
  const build = async (): Promise<Blob> => {
    const wav =
      (await loadCachedReviewWav(attemptId, duration)) ??
      (await writeCachedReviewWav(db, attemptId)) ??
      (await wavBlobFromStorage(db, attemptId));
    if (!wav) throw new Error('This attempt has no stored audio.');
    return wav;
  };
  const promise = build().finally(() => inFlight.delete(attemptId));
  inFlight.set(attemptId, promise);
  return promise;
}

/**
 * The attempt a cache file belongs to, or undefined for anything else (a `.crswap` file is a
 * write in progress, maybe in another tab, and must be left alone).
 */
export function cacheEntryId(fileName: string): string | undefined {
  return /^(.+)\.(json|wav|peaks)$/.exec(fileName)?.[1];
}

/** Removes cached audio of attempts that no longer exist (deleted from the history). */
export async function pruneReviewAudioCache(keep: ReadonlySet<string>): Promise<number> {
  const dir = await cacheDirectory();
  if (!dir) return 0;
  let removed = 0;
  try {
    for await (const name of dir.keys()) {
      const id = cacheEntryId(name);
      if (id === undefined || keep.has(id)) continue;
      await dir.removeEntry(name);
      removed++;
    }
  } catch {
    // Another tab pruning at the same time; the next review tries again.
  }
  return removed;
}
