/**
 * `npm run bench:review [-- --minutes 60] [-- --rate 16000]`
 * Opens the review of a long attempt in headless Chromium (playwright-core, the production build
 * served on loopback) and prints:
 *  - click → transcript shown, → report (score) shown, → waveform drawn, → waveform with its
 *    section regions shown, → audio playable, for three opens: an attempt stored without peaks
 *    (as older versions left it: peaks computed from the audio and stored once, the WAV built in
 *    the same read), a reopen (peaks from IndexedDB, WAV from the disk cache), and an attempt with
 *    stored peaks whose WAV is not cached yet (as right after a recording: the WAV is assembled
 *    from IndexedDB while the waveform already shows);
 *  - per-frame cost of playback: every requestAnimationFrame callback (wavesurfer's playback
 *    tick, which runs the transcript highlight) is timed while the hour plays at 2×, with the
 *    transcript following; p50/p95/max, plus long tasks (> 50 ms) seen meanwhile.
 * The attempt (synthetic speech-like audio under a synthetic transcript) is written into the
 * app's IndexedDB first, as the recorder and transcription would have left it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { launch } from '../tests/e2e/support/browser';
import { seedAttempt, syntheticTranscript } from '../tests/e2e/support/seed-attempt';
import { freeLoopbackPort } from './headless-chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    rate: { type: 'string', default: '16000' },
    seconds: { type: 'string', default: '8' },
  },
});
const minutes = Number(values.minutes);
const sampleRate = Number(values.rate);
const playSeconds = Number(values.seconds);

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const configFile = path.join(root, 'vite.config.ts');
console.log('bench:review: building the renderer');
await build({ configFile, logLevel: 'warn' });
const port = await freeLoopbackPort();
const server = await preview({ configFile, preview: { port, strictPort: true }, logLevel: 'warn' });
const url = `http://127.0.0.1:${port}/`;
const session = await launch();
try {
  const { page } = session;
  // Bench-only instrumentation: time every animation-frame callback (no hook in the product).
  await page.addInitScript(() => {
    const costs: number[] = [];
    const longTasks: number[] = [];
    Object.defineProperty(window, '__frameCosts', { value: costs });
    Object.defineProperty(window, '__longTasks', { value: longTasks });
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      original((time) => {
        const started = performance.now();
        callback(time);
        costs.push(performance.now() - started);
      });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(url);
  await page.getByTestId('mode-walkthrough').waitFor();
  const transcript = syntheticTranscript(minutes);
  const seedStarted = Date.now();
  const duration = await seedAttempt(page, {
    id: 'bench-long',
    mode: 'deepdive',
    createdAt: Date.now(),
    boundaries: [],
    transcript,
    audio: { synthetic: true, sampleRate, duration: minutes * 60 },
  });
  console.log(
    `seeded ${minutes} min (${transcript.words.length} words, audio ${sampleRate} Hz) in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  await page.reload();
  const row = page.getByTestId('attempt-row').getByRole('button', { name: /deep dive/i });
  await row.waitFor();
  const when = (selector: string) =>
    page.waitForFunction((s) => document.querySelector(s) !== null && performance.now(), selector, {
      timeout: 120_000,
      polling: 'raf',
    });
  /** Resolves with the time the waveform is drawn with a region in its (shadow) DOM. */
  const regionsDrawn = () =>
    page.waitForFunction(
      () => {
        const wave = document.querySelector('[data-testid=waveform][data-drawn=true]');
        const host = wave?.firstElementChild;
        return host?.shadowRoot?.querySelector('[part~=region]') && performance.now();
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
  /** Clicks the attempt and times transcript, report, drawn waveform and playable audio. */
  const open = async (label: string) => {
    const clicked = await page.evaluate(() => performance.now());
    await row.click();
    const [wordsAt, scoreAt, peaksAt, drawnAt, playableAt] = await Promise.all([
      when('[data-testid=transcript] [data-testid=word]').then((h) => h.jsonValue()),
      when('[data-testid=score]').then((h) => h.jsonValue()),
      when('[data-testid=waveform][data-drawn=true]').then((h) => h.jsonValue()),
      regionsDrawn().then((h) => h.jsonValue()),
      when('[data-testid=waveform][data-ready=true]').then((h) => h.jsonValue()),
    ]);
    const ms = (at: unknown) => `${(Number(at) - clicked).toFixed(0)} ms`;
    console.log(
      `${label}: click → transcript ${ms(wordsAt)}, report (score) ${ms(scoreAt)}, waveform drawn ${ms(peaksAt)}, with regions ${ms(drawnAt)}, audio playable ${ms(playableAt)}`,
    );
  };
  await open('first open, attempt stored without peaks (computes and stores them once)');
  // The WAV is written to the cache in the background; wait for its last file, then reopen.
  const cacheWritten = () =>
    page.evaluate(async () => {
      try {
        const root = await navigator.storage.getDirectory();
        const dir = await root.getDirectoryHandle('review-audio');
        await dir.getFileHandle('bench-long.json');
        return true;
      } catch {
        return false;
      }
    });
  const writeStarted = Date.now();
  while (!(await cacheWritten())) {
    if (Date.now() - writeStarted > 120_000)
      throw new Error('the review audio cache was not written');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log(
    `disk cache written ${((Date.now() - writeStarted) / 1000).toFixed(1)} s after the first open`,
  );
  const waveformMs = await page.evaluate(async () => {
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('pitchpace');
      open.onsuccess = () => resolve(open.result);
    });
    const row = await new Promise<{ peaks: Float32Array } | undefined>((resolve) => {
      const get = db.transaction('waveforms').objectStore('waveforms').get('bench-long');
      get.onsuccess = () => resolve(get.result as { peaks: Float32Array } | undefined);
    });
    db.close();
    return `${(performance.now() - started).toFixed(0)} ms (${row?.peaks.length ?? 'no'} peaks)`;
  });
  console.log(`reading the stored waveform (one IndexedDB row): ${waveformMs}`);
  await page.reload();
  await row.waitFor();
  await open('reopen (peaks from IndexedDB, WAV file from the disk cache)');
  // As right after a recording: peaks stored, WAV not in the cache yet.
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('review-audio', { recursive: true });
  });
  await page.reload();
  await row.waitFor();
  await open('open with stored peaks, WAV not cached (assembled from IndexedDB meanwhile)');
  const renderedWords = await page.getByTestId('word').count();
  console.log(
    `transcript: ${renderedWords} of ${transcript.words.length} words in the DOM (virtualised)`,
  );
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'test-results', 'review-report-60min.png') });
  // Where the waveform's time goes: just reading the stored audio back from IndexedDB.
  const readMs = await page.evaluate(async () => {
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('pitchpace');
      open.onsuccess = () => resolve(open.result);
    });
    await new Promise<void>((resolve) => {
      const range = IDBKeyRange.bound(['bench-long', 'raw', 0], ['bench-long', 'raw', Infinity]);
      const request = db.transaction('audioChunks').objectStore('audioChunks').openCursor(range);
      request.onsuccess = () => (request.result ? request.result.continue() : resolve());
    });
    db.close();
    return performance.now() - started;
  });
  console.log(
    `reading the raw audio back from IndexedDB alone (what assembling the WAV without the cache pays): ${readMs.toFixed(0)} ms for ${(duration / 60).toFixed(0)} min at ${sampleRate} Hz`,
  );

  // Play at 2× from the middle with the transcript following; time every frame.
  await page.evaluate(() => {
    (window as unknown as { __frameCosts: number[] }).__frameCosts.length = 0;
    (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
  });
  await page.locator('body').press(']');
  await page.locator('body').press(']');
  await page.locator('body').press(']');
  await page.locator(`[data-testid=word]`).first().click();
  await page.getByTestId('play-button').click();
  const startWord = await page.evaluate(() =>
    Number(document.querySelector('.word--now')?.getAttribute('data-i') ?? -1),
  );
  await page.waitForTimeout(playSeconds * 1000);
  await page.getByTestId('play-button').click();
  const endWord = await page.evaluate(() =>
    Number(document.querySelector('.word--now')?.getAttribute('data-i') ?? -1),
  );
  const { costs, longTasks } = await page.evaluate(() => ({
    costs: (window as unknown as { __frameCosts: number[] }).__frameCosts.slice(),
    longTasks: (window as unknown as { __longTasks: number[] }).__longTasks.slice(),
  }));
  const sorted = costs.slice().sort((a, b) => a - b);
  console.log(
    `playback ${playSeconds} s at 2×: highlight word ${startWord} → ${endWord}; ${costs.length} frames; per-frame rAF cost p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(2)} ms; long tasks: ${longTasks.length}${longTasks.length ? ` (max ${Math.max(...longTasks).toFixed(0)} ms)` : ''}`,
  );
  if (session.errors.length) console.log(`page errors: ${session.errors.join(' | ')}`);
} finally {
  await session.context.close();
  await server.close();
}
