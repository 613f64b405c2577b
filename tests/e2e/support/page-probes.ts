/**
 * Reading what the app stored and drew, from inside the page. IndexedDB is read directly (the
 * schema's store names are a stable contract) so the product carries no test hooks.
 */
import type { Page } from 'playwright-core';

export interface StoredAttempt {
  id: string;
  mode: string;
  duration: number;
  sampleRate: number;
  boundaries: number[];
  status: string;
  endReason?: string;
}

/** All attempts in the app's database. */
export function storedAttempts(page: Page): Promise<StoredAttempt[]> {
  return page.evaluate(
    () =>
      new Promise<StoredAttempt[]>((resolve, reject) => {
        const open = indexedDB.open('pitchpace');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const request = open.result.transaction('attempts').objectStore('attempts').getAll();
          request.onsuccess = () => resolve(request.result as StoredAttempt[]);
          request.onerror = () => reject(new Error('cannot read attempts'));
        };
      }),
  );
}

/** One stored audio track as base64 Int16 PCM plus its rate. */
export function storedTrack(
  page: Page,
  attemptId: string,
  track: 'raw' | 'speech16k',
): Promise<{ base64: string; sampleRate: number; chunks: number }> {
  return page.evaluate(
    ({ attemptId, track }) =>
      new Promise<{ base64: string; sampleRate: number; chunks: number }>((resolve, reject) => {
        const open = indexedDB.open('pitchpace');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const range = IDBKeyRange.bound([attemptId, track, 0], [attemptId, track, Infinity]);
          const request = open.result
            .transaction('audioChunks')
            .objectStore('audioChunks')
            .getAll(range);
          request.onerror = () => reject(new Error('cannot read audio'));
          request.onsuccess = () => {
            const chunks = request.result as { samples: Float32Array; sampleRate: number }[];
            const total = chunks.reduce((n, c) => n + c.samples.length, 0);
            const ints = new Int16Array(total);
            let at = 0;
            for (const chunk of chunks) {
              for (const s of chunk.samples) {
                ints[at++] = Math.max(-32768, Math.min(32767, Math.round(s * 32768)));
              }
            }
            const bytes = new Uint8Array(ints.buffer);
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) {
              binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }
            resolve({
              base64: btoa(binary),
              sampleRate: chunks[0]?.sampleRate ?? 0,
              chunks: chunks.length,
            });
          };
        };
      }),
    { attemptId, track },
  );
}

/** Share of drawn (non-transparent) pixels across the waveform's canvases. */
export function waveformInk(page: Page): Promise<{ canvases: number; inkedFraction: number }> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid=waveform]');
    const root = host?.firstElementChild?.shadowRoot ?? host?.shadowRoot;
    const canvases = [...(root?.querySelectorAll('canvas') ?? [])];
    let inked = 0;
    let total = 0;
    for (const canvas of canvases) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) {
        total++;
        if ((data[i] ?? 0) > 0) inked++;
      }
    }
    return { canvases: canvases.length, inkedFraction: total ? inked / total : 0 };
  });
}

/** Keydown timestamps (page clock, ms) recorded from the first script onwards. */
export async function recordKeyTimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { key: string; at: number }[] = [];
    Object.defineProperty(window, '__keyTimes', { value: log });
    window.addEventListener(
      'keydown',
      (event) => {
        if (!event.repeat) log.push({ key: event.key, at: event.timeStamp });
      },
      { capture: true },
    );
  });
}

export function keyTimes(page: Page): Promise<{ key: string; at: number }[]> {
  return page.evaluate(
    () => (window as unknown as { __keyTimes: { key: string; at: number }[] }).__keyTimes,
  );
}

/**
 * Waits until the stored attempt's first section boundary is inside [min, max] (re-timing is
 * saved asynchronously after a drag or key press).
 */
export async function waitForFirstBoundary(page: Page, min: number, max: number): Promise<void> {
  await page.waitForFunction(
    async ([low, high]) => {
      const open = indexedDB.open('pitchpace');
      const db = await new Promise<IDBDatabase>((resolve) => {
        open.onsuccess = () => resolve(open.result);
      });
      const rows = await new Promise<{ boundaries: number[] }[]>((resolve) => {
        const request = db.transaction('attempts').objectStore('attempts').getAll();
        request.onsuccess = () => resolve(request.result as { boundaries: number[] }[]);
      });
      db.close();
      const first = rows[0]?.boundaries[0] ?? Number.NaN;
      return first >= (low ?? 0) && first <= (high ?? 0);
    },
    [min, max],
  );
}
