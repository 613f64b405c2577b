/**
 * Puts a finished attempt (audio, markers, transcript) straight into the app's IndexedDB from
 * inside the page, the way the recorder and transcription would have left it. Store names and
 * record shapes are the storage contract (renderer/storage/schema.ts). The page must have
 * opened the app once so the database exists at its current version.
 */
import type { Page } from 'playwright-core';
import type { Transcript } from '../../../core/transcript';

export interface SeedAttempt {
  id: string;
  mode: 'walkthrough' | 'deepdive' | 'close';
  createdAt: number;
  boundaries: number[];
  transcript: Transcript;
  /** Mono PCM as base64 little-endian Int16, or `synthetic` for noise bursts under each word. */
  audio:
    | { base64: string; sampleRate: number }
    | { synthetic: true; sampleRate: number; duration: number };
}

/** Samples per stored chunk (about what the recorder writes: a second at 48 kHz). */
const CHUNK = 48_000;

/** Writes the attempt; resolves with the audio length in seconds. */
export async function seedAttempt(page: Page, attempt: SeedAttempt): Promise<number> {
  // tsx keeps function names with an `__name` helper the page does not have: give it a no-op.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(
    async ({ attempt, chunk }) => {
      const { audio, transcript } = attempt;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pitchpace');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error('cannot open the database'));
      });
      const commit = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error('seeding failed'));
        });
      let frames: number;
      let chunkAt: (seq: number) => Float32Array | undefined;
      if ('base64' in audio) {
        const bytes = Uint8Array.from(atob(audio.base64), (c) => c.charCodeAt(0));
        const ints = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
        const samples = Float32Array.from(ints, (v) => v / 32768);
        frames = samples.length;
        chunkAt = (seq) =>
          seq * chunk < frames ? samples.slice(seq * chunk, (seq + 1) * chunk) : undefined;
      } else {
        // Speech-like noise under each word, silence between, made a chunk at a time so an
        // hour of audio never sits in memory at once.
        frames = Math.round(audio.duration * audio.sampleRate);
        let seed = 1;
        let first = 0;
        chunkAt = (seq) => {
          const from = seq * chunk;
          if (from >= frames) return undefined;
          const out = new Float32Array(Math.min(chunk, frames - from));
          const words = transcript.words;
          while (first < words.length && (words[first]?.end ?? 0) * audio.sampleRate < from)
            first++;
          for (let w = first; w < words.length; w++) {
            const word = words[w];
            if (!word) break;
            const a = Math.round(word.start * audio.sampleRate);
            const b = Math.round((word.end ?? word.start + 0.3) * audio.sampleRate);
            if (a >= from + out.length) break;
            for (let i = Math.max(a, from); i < Math.min(b, from + out.length); i++) {
              seed = (seed * 1103515245 + 12345) & 0x7fffffff;
              const envelope = Math.sin((Math.PI * (i - a)) / Math.max(1, b - a));
              out[i - from] = ((seed / 0x7fffffff) * 2 - 1) * 0.5 * envelope;
            }
          }
          return out;
        };
      }
      const duration = frames / audio.sampleRate;
      // Audio in batches of transactions (one huge transaction would hold everything in memory).
      for (let seq = 0; ;) {
        const tx = db.transaction('audioChunks', 'readwrite');
        const store = tx.objectStore('audioChunks');
        let wrote = 0;
        for (; wrote < 60; wrote++, seq++) {
          const samples = chunkAt(seq);
          if (!samples) break;
          store.put({
            attemptId: attempt.id,
            track: 'raw',
            seq,
            sampleRate: audio.sampleRate,
            samples,
          });
        }
        await commit(tx);
        if (wrote < 60) break;
      }
      const tx = db.transaction(['attempts', 'transcripts'], 'readwrite');
      tx.objectStore('attempts').put({
        id: attempt.id,
        mode: attempt.mode,
        createdAt: attempt.createdAt,
        duration,
        sampleRate: audio.sampleRate,
        boundaries: attempt.boundaries,
        status: 'complete',
        endReason: 'stopped',
      });
      tx.objectStore('transcripts').put({
        attemptId: attempt.id,
        transcript,
        createdAt: attempt.createdAt,
      });
      await commit(tx);
      db.close();
      return duration;
    },
    { attempt, chunk: CHUNK },
  );
}

/** A transcript of `words` spoken back to back at `wpm`, sentences split by short pauses. */
export function syntheticTranscript(minutes: number, wpm = 150): Transcript {
  const vocabulary =
    'so I led the migration of our checkout service to an event driven design and p99 latency went from two seconds to four hundred milliseconds we chose Kafka over a managed queue because of ordering at the cost of more operations work um and basically the team of six shipped it in phases with a canary'.split(
      ' ',
    );
  const words: Transcript['words'] = [];
  const perWord = 60 / wpm;
  let t = 0.5;
  for (let i = 0; t < minutes * 60 - 1; i++) {
    const text = vocabulary[i % vocabulary.length] ?? 'and';
    const endOfSentence = i % 17 === 16;
    words.push({ text: endOfSentence ? `${text}.` : text, start: t, end: t + perWord * 0.8 });
    t += perWord + (endOfSentence ? 0.6 : 0) + (i % 211 === 210 ? 2 : 0);
  }
  return {
    schemaVersion: 1,
    duration: minutes * 60,
    words,
    segments: [],
    pauses: [],
    fillers: [],
    model: 'synthetic',
  };
}
