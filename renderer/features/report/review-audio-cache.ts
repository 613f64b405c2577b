/**
 * The review's playable audio. A disk cache in the Origin Private File System holds each
 * attempt's WAV as a file (a File is a Blob read from disk on demand, so an hour of audio never
 * has to sit in memory); it is written from the WAV assembled from the stored chunks right after
 * a recording ends, or on the first review of an older attempt. The waveform does not wait for it:
 * its peaks are precomputed in IndexedDB. Any failure (no OPFS, quota, a half-written entry)
 * falls back to a WAV blob assembled from the stored chunks, which stay the source of truth.
 */
import type { BuiltWav } from '../../storage/review-audio';
import { wavBlobFromStorage } from '../../storage/review-audio';
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
 * Stores an attempt's WAV in the cache (one write of a blob the browser already holds, off the
 * page's heap); resolves with the cached file, or undefined when the cache is unavailable.
 */
export async function saveCachedReviewWav(
  attemptId: string,
  wav: Blob,
  sampleRate: number,
): Promise<File | undefined> {
  const dir = await cacheDirectory();
  if (!dir) return undefined;
  try {
    await dir.removeEntry(`${attemptId}.json`).catch(() => undefined);
    await dir.removeEntry(`${attemptId}.peaks`).catch(() => undefined);
    const file = await dir.getFileHandle(`${attemptId}.wav`, { create: true });
    await writeFile(file, wav);
    const frames = (wav.size - WAV_HEADER_BYTES) / 2;
    const meta: CacheMeta = { version: VERSION, frames, sampleRate };
    await writeFile(
      await dir.getFileHandle(`${attemptId}.json`, { create: true }),
      JSON.stringify(meta),
    );
    return await file.getFile();
  } catch {
    return undefined;
  }
}

async function writeFile(file: FileSystemFileHandle, data: Blob | string): Promise<void> {
  const writable = await file.createWritable();
  try {
    await writable.write(data);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

const inFlight = new Map<string, Promise<Blob>>();

/**
 * The playable WAV of an attempt: `assembled` when the caller already built it, else the cached
 * file, else assembled from storage now. A WAV not yet cached is written to the cache in the
 * background. Concurrent callers (the recorder preparing it, the review opening) share one build.
 */
export function playableReviewWav(
  db: PitchpaceDatabase,
  attemptId: string,
  duration: number,
  assembled?: BuiltWav,
): Promise<Blob> {
  const running = inFlight.get(attemptId);
  if (running && !assembled) return running;
  const build = async (): Promise<Blob> => {
    const cached = assembled ? undefined : await loadCachedReviewWav(attemptId, duration);
    if (cached) return cached;
    const built = assembled ?? (await wavBlobFromStorage(db, attemptId));
    if (!built) throw new Error('This attempt has no stored audio.');
    // Playable now; the next review reads the file instead of the whole recording.
    void saveCachedReviewWav(attemptId, built.wav, built.sampleRate);
    return built.wav;
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
