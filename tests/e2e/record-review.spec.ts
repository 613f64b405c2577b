/**
 * The walking skeleton end to end: record ~20 s of speech from a fake microphone while marking
 * three section changes, stop, and check the saved audio, the section regions, the review and
 * the history after a reload. Prints what it measured.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Session } from './support/browser';
import { BASE_URL, externalRequests, launch } from './support/browser';
import { findSource, matchWindows } from './support/cross-correlation';
import {
  keyTimes,
  recordKeyTimes,
  storedAttempts,
  storedTrack,
  waitForFirstBoundary,
  waveformInk,
} from './support/page-probes';
import { speechAtRate, speechFixture } from './support/speech-fixture';
import { pcmFromBase64, readWav } from './support/wav-file';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const SECTIONS = ['headline', 'recent', 'earlier', 'close'];
/** Seconds after recording starts at which N is pressed. */
const MARKS_AT = [5, 10, 15];

let session: Session | undefined;
after(async () => {
  await session?.context.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report = (line: string) => console.log(`  [measure] ${line}`);

void test('records, times sections and reviews an attempt', { timeout: 180_000 }, async () => {
  const fixture = speechFixture();
  const source48k = readWav(fixture.speech48k);
  const speechSeconds = source48k.samples.length / source48k.sampleRate;
  session = await launch({ microphoneWav: fixture.microphoneWav });
  const { page } = session;
  await recordKeyTimes(page);
  await page.goto(BASE_URL);
  await page.getByTestId('mode-walkthrough').click();
  await page.getByTestId('record-button').waitFor();
  // Keyboard only from here: the page must not have a focused button that Space would click.
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  await page.keyboard.press('Space');
  await page.getByTestId('stop-button').waitFor({ timeout: 15_000 });
  const startedAt = Date.now();
  for (const at of MARKS_AT) {
    await sleep(startedAt + at * 1000 - Date.now());
    await page.keyboard.press('n');
  }
  const currentSection = await page.getByTestId('current-section').textContent();
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'recording.png') });
  assert.match(currentSection ?? '', /^Why this role \d:\d\d \/ 0:10–0:15/);
  await sleep(startedAt + (fixture.leadSilence + speechSeconds + 2) * 1000 - Date.now());

  const stopPressed = Date.now();
  await page.keyboard.press('Space');
  await page.locator('[data-testid=waveform][data-ready=true]').waitFor({ timeout: 30_000 });
  await page.getByTestId('section-region-close').waitFor({ state: 'attached' });
  report(`stop → review shown: ${Date.now() - stopPressed} ms`);

  // Saved attempt and its boundaries against the key presses, both on the recording's clock:
  // the recording ends at the Stop key, so a press t before Stop belongs at duration − t.
  const [attempt, ...others] = await storedAttempts(page);
  assert.ok(attempt && others.length === 0, 'exactly one attempt is stored');
  assert.equal(attempt.status, 'complete');
  assert.equal(attempt.mode, 'walkthrough');
  const keys = await keyTimes(page);
  const spaces = keys.filter((k) => k.key === ' ');
  const stopKey = spaces[spaces.length - 1]?.at ?? Number.NaN;
  const expected = keys
    .filter((k) => k.key === 'n')
    .map((k) => attempt.duration - (stopKey - k.at) / 1000);
  assert.equal(attempt.boundaries.length, 3);
  const boundaryErrors = attempt.boundaries.map((b, i) => Math.abs(b - (expected[i] ?? NaN)));
  report(`boundary error vs key presses: ${boundaryErrors.map((e) => e.toFixed(3)).join(', ')} s`);
  for (const error of boundaryErrors) assert.ok(error < 0.2, `boundary within 0.2 s (${error})`);

  // Four regions whose edges are those boundaries.
  const regionCount = await page.locator('[data-testid^=section-region-]').count();
  assert.equal(regionCount, 4);
  const regionStarts = await Promise.all(
    SECTIONS.map((id) =>
      page
        .getByTestId(`section-region-${id}`)
        .evaluate((el) => parseFloat((el as HTMLElement).style.left) / 100),
    ),
  );
  regionStarts.slice(1).forEach((fraction, i) => {
    const at = fraction * attempt.duration;
    assert.ok(
      Math.abs(at - (attempt.boundaries[i] ?? NaN)) < 0.05,
      `region ${i + 1} starts at its boundary`,
    );
  });

  // The stored raw audio is the source speech at the microphone's own rate (Chromium's fake
  // device runs at 44.1 kHz here and converts the 48 kHz file itself).
  const raw = await storedTrack(page, attempt.id, 'raw');
  const recorded = pcmFromBase64(raw.base64, raw.sampleRate);
  assert.equal(recorded.sampleRate, attempt.sampleRate);
  assert.ok(
    recorded.sampleRate >= 44_100,
    `raw audio kept at full rate (${recorded.sampleRate} Hz)`,
  );
  const source = readWav(speechAtRate(fixture, recorded.sampleRate));
  const match = findSource(source.samples, recorded.samples, recorded.sampleRate);
  const windows = matchWindows(source.samples, recorded.samples, recorded.sampleRate, match.offset);
  report(
    `raw ${recorded.sampleRate} Hz: correlation ${match.correlation.toFixed(4)} at ${(match.offset / recorded.sampleRate).toFixed(3)} s; ` +
      `${windows.matched}/${windows.windows} one-second windows > 0.9 (lowest ${windows.minCorrelation.toFixed(3)}); ${raw.chunks} chunks`,
  );
  // Every voiced second of the speech is in the recording. A dropped capture buffer (the audio
  // thread starved on a loaded 2-core machine) shifts later windows instead of failing them all.
  assert.ok(windows.windows >= 10, 'enough speech compared');
  assert.ok(
    windows.matched >= windows.windows - 1,
    `speech windows match the source (${windows.matched}/${windows.windows})`,
  );
  const drift = (windows.offsets[windows.offsets.length - 1] ?? 0) - (windows.offsets[0] ?? 0);
  report(
    `recorded-vs-source duration error over ${speechSeconds.toFixed(2)} s of speech: ${drift} samples (${windows.offsets.length - 1} discontinuities)`,
  );
  assert.ok(Math.abs(drift) < 0.05 * recorded.sampleRate, 'under 50 ms of audio lost or added');
  const wallSeconds = (stopKey - (spaces[0]?.at ?? NaN)) / 1000;
  report(
    `recorded ${attempt.duration.toFixed(3)} s vs ${wallSeconds.toFixed(3)} s between the Space presses (start-up ${(wallSeconds - attempt.duration).toFixed(3)} s)`,
  );

  // The 16 kHz track is the same speech at Whisper's rate.
  const speech = await storedTrack(page, attempt.id, 'speech16k');
  const speech16k = pcmFromBase64(speech.base64, speech.sampleRate);
  const source16k = readWav(fixture.speech16k);
  assert.equal(speech16k.sampleRate, 16_000);
  const match16k = findSource(source16k.samples, speech16k.samples, 16_000);
  const windows16k = matchWindows(source16k.samples, speech16k.samples, 16_000, match16k.offset);
  report(
    `16 kHz track: correlation ${match16k.correlation.toFixed(4)}; ${windows16k.matched}/${windows16k.windows} windows > 0.9; ${(speech16k.samples.length / 16_000).toFixed(3)} s`,
  );
  assert.ok(
    windows16k.matched >= windows16k.windows - 1,
    `16 kHz audio matches the source (${windows16k.matched}/${windows16k.windows})`,
  );
  assert.ok(Math.abs(speech16k.samples.length / 16_000 - attempt.duration) < 0.01);

  // The waveform was drawn and the bars are there.
  const ink = await waveformInk(page);
  report(`waveform: ${ink.canvases} canvases, ${(100 * ink.inkedFraction).toFixed(1)} % inked`);
  assert.ok(ink.canvases > 0 && ink.inkedFraction > 0.01, 'waveform canvas is not empty');
  for (const id of SECTIONS) await page.getByTestId(`section-bar-${id}`).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'review.png'), fullPage: true });

  // Click-to-seek, then play from there.
  const wave = await page.getByTestId('waveform').boundingBox();
  assert.ok(wave, 'the waveform is laid out');
  await page.mouse.click(wave.x + wave.width * 0.75, wave.y + wave.height / 2);
  const clock = page.getByLabel('Playback position');
  const seekedTo = `${Math.floor((attempt.duration * 0.75) / 60)}:${String(Math.floor((attempt.duration * 0.75) % 60)).padStart(2, '0')}`;
  await page.waitForFunction(
    ([expected]) =>
      document
        .querySelector('[aria-label="Playback position"]')
        ?.textContent?.startsWith(expected ?? '') ?? false,
    [seekedTo],
  );
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await sleep(1200);
  await page.getByRole('button', { name: 'Pause' }).click();
  const playedTo = (await clock.textContent()) ?? '';
  report(`seeked to ${seekedTo}, played to ${playedTo.split(' / ')[0]}`);
  assert.notEqual(playedTo.split(' / ')[0], seekedTo, 'playback advanced');

  // Dragging the end of the headline re-times headline and recent at once, and is saved.
  const handle = page
    .getByTestId('section-region-headline')
    .locator('[part~="region-handle-right"]');
  const box = await handle.boundingBox();
  assert.ok(box, 'the headline has a right-hand handle');
  const waveWidth = (await page.getByTestId('waveform').boundingBox())?.width ?? 1;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  const movedBy = (40 / waveWidth) * attempt.duration;
  await waitForFirstBoundary(page, (attempt.boundaries[0] ?? 0) + 0.1, attempt.duration);
  const [retimed] = await storedAttempts(page);
  const shift = (retimed?.boundaries[0] ?? 0) - (attempt.boundaries[0] ?? 0);
  report(
    `edge drag of 40 px moved the boundary ${shift.toFixed(3)} s (expected ≈ ${movedBy.toFixed(3)} s)`,
  );
  assert.ok(Math.abs(shift - movedBy) < 0.25);
  const recentStart = await page
    .getByTestId('section-region-recent')
    .evaluate((el) => parseFloat((el as HTMLElement).style.left) / 100);
  assert.ok(Math.abs(recentStart * attempt.duration - (retimed?.boundaries[0] ?? 0)) < 0.05);

  // The same edge from the keyboard: ← three times moves it 0.3 s back.
  await page.getByTestId('section-region-headline').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  const afterKeys = (retimed?.boundaries[0] ?? 0) - 0.3;
  await waitForFirstBoundary(page, afterKeys - 0.01, afterKeys + 0.01);
  assert.equal((await storedAttempts(page)).length, 1, 'arrows did not start a recording');

  // The history survives a reload; the attempt opens from it (here in the dark theme).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await page.getByTestId('attempt-row').first().waitFor();
  assert.equal(await page.getByTestId('attempt-row').count(), 1);
  await page
    .getByTestId('attempt-row')
    .getByRole('button', { name: /Walk me through/ })
    .click();
  await page.locator('[data-testid=waveform][data-ready=true]').waitFor();
  await page.getByTestId('section-region-close').waitFor({ state: 'attached' });
  await page.screenshot({ path: path.join(RESULTS, 'review-dark.png'), fullPage: true });

  // Deleting it asks once more, then removes it with its audio.
  await page.getByRole('button', { name: /^Delete attempt from/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByTestId('attempt-row').waitFor({ state: 'detached' });
  assert.equal((await storedAttempts(page)).length, 0);
  assert.equal((await storedTrack(page, attempt.id, 'raw')).chunks, 0);

  const external = externalRequests(session.requests);
  assert.deepEqual(external, [], 'no request left the machine');
  report(`${session.requests.length} requests, all to loopback`);
  assert.deepEqual(session.errors, [], `no console errors: ${session.errors.join(' | ')}`);
});
