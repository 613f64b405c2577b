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
  return page.evaluate(
    async ({ attempt, chunk }) => {
      const { audio, transcript } = attempt;
      let samples: Float32Array;
      if ('base64' in audio) {
        const bytes = Uint8Array.from(atob(audio.base64), (c) => c.charCodeAt(0));
        const ints = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
        samples = Float32Array.from(ints, (v) => v / 32768);
      } else {
        // Speech-like noise under each word, silence between: enough for peaks and playback.
        samples = new Float32Array(Math.round(audio.duration * audio.sampleRate));
        let seed = 1;
        for (const w of transcript.words) {
          const from = Math.round(w.start * audio.sampleRate);
          const to = Math.min(
            samples.length,
            Math.round((w.end ?? w.start + 0.3) * audio.sampleRate),
          );
          for (let i = from; i < to; i++) {
            seed = (seed * 1103515245 + 12345) & 0x7fffffff;
            const envelope = Math.sin((Math.PI * (i - from)) / Math.max(1, to - from));
            samples[i] = ((seed / 0x7fffffff) * 2 - 1) * 0.5 * envelope;
          }
        }
      }
      const duration = samples.length / audio.sampleRate;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pitchpace');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error('cannot open the database'));
      });
      const tx = db.transaction(['attempts', 'audioChunks', 'transcripts'], 'readwrite');
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
      const chunks = tx.objectStore('audioChunks');
      for (let seq = 0; seq * chunk < samples.length; seq++) {
        chunks.put({
          attemptId: attempt.id,
          track: 'raw',
          seq,
          sampleRate: audio.sampleRate,
          samples: samples.slice(seq * chunk, (seq + 1) * chunk),
        });
      }
      tx.objectStore('transcripts').put({
        attemptId: attempt.id,
        transcript,
        createdAt: attempt.createdAt,
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error('seeding failed'));
      });
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
