/**
 * A disk cache of the review's audio in the Origin Private File System: the WAV as a file (a
 * File is a Blob read from disk on demand, so an hour of audio never has to be pulled out of
 * IndexedDB and held in memory again) and the waveform peaks beside it. The first review of an
 * attempt builds it; every later one opens in well under a second. Any failure (no OPFS, quota,
 * a half-written entry) falls back to the stored chunks, which stay the source of truth.
 */
import { seconds } from '../../../core/units';
import type { ReviewAudio } from '../../storage/review-audio';

const DIRECTORY = 'review-audio';
const VERSION = 1;

interface CacheMeta {
  version: number;
  duration: number;
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

/** The cached audio of an attempt, if a complete entry of the same length is there. */
export async function loadCachedReviewAudio(
  attemptId: string,
  duration: number,
): Promise<ReviewAudio | undefined> {
  const dir = await cacheDirectory();
  if (!dir) return undefined;
  try {
    const meta = JSON.parse(await (await readFile(dir, `${attemptId}.json`)).text()) as CacheMeta;
    // Written last, so its presence means the entry is whole; the length guards against reuse.
    if (meta.version !== VERSION || Math.abs(meta.duration - duration) > 0.05) return undefined;
    const wav = await readFile(dir, `${attemptId}.wav`);
    const peaks = new Float32Array(await (await readFile(dir, `${attemptId}.peaks`)).arrayBuffer());
    return { wav, peaks, duration: seconds(meta.duration), sampleRate: meta.sampleRate };
  } catch {
    return undefined;
  }
}

async function writeFile(
  dir: FileSystemDirectoryHandle,
  name: string,
  data: Blob | BufferSource | string,
): Promise<void> {
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await writable.write(data);
  await writable.close();
}

/** Stores an attempt's review audio; resolves false when the cache is unavailable. */
export async function saveCachedReviewAudio(
  attemptId: string,
  audio: ReviewAudio,
): Promise<boolean> {
  const dir = await cacheDirectory();
  if (!dir) return false;
  try {
    await dir.removeEntry(`${attemptId}.json`).catch(() => undefined);
    await writeFile(dir, `${attemptId}.wav`, audio.wav);
    // A Blob copies the peaks, whatever kind of buffer holds them.
    await writeFile(dir, `${attemptId}.peaks`, new Blob([audio.peaks.slice()]));
    const meta: CacheMeta = {
      version: VERSION,
      duration: audio.duration,
      sampleRate: audio.sampleRate,
    };
    await writeFile(dir, `${attemptId}.json`, JSON.stringify(meta));
    return true;
  } catch {
    return false;
  }
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
