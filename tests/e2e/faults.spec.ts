/**
 * Faults from the issue: microphone permission denied, no input device, a recording under one
 * second, the microphone unplugged mid-recording, and the window closed mid-recording (the audio
 * already captured must come back on the next start).
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { LaunchOptions, Session } from './support/browser';
import { BASE_URL, crash, externalRequests, launch } from './support/browser';
import { storedAttempts } from './support/page-probes';
import { speechFixture } from './support/speech-fixture';

let session: Session | undefined;
afterEach(async () => {
  if (session) assert.deepEqual(externalRequests(session.requests), []);
  await session?.context.close();
  session = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(options: LaunchOptions = {}): Promise<Page> {
  session = await launch(options);
  await session.page.goto(BASE_URL);
  await session.page.getByTestId('record-button').waitFor();
  return session.page;
}

async function noticeText(page: Page): Promise<string> {
  return (await page.getByTestId('notice').textContent({ timeout: 15_000 })) ?? '';
}

void test('microphone permission denied: says so, stores nothing', async () => {
  const page = await open({ grantMicrophone: false });
  await page.getByTestId('record-button').click();
  assert.match(await noticeText(page), /may not use the microphone/);
  await page.getByTestId('record-button').waitFor();
  assert.equal((await storedAttempts(page)).length, 0);
});

void test('no input device: says so, stores nothing', async () => {
  const page = await open({ fakeDevice: false });
  await page.getByTestId('record-button').click();
  assert.match(await noticeText(page), /No microphone was found/);
  assert.equal((await storedAttempts(page)).length, 0);
});

void test('recording shorter than one second: explained and not kept', async () => {
  const page = await open();
  await page.getByTestId('record-button').click();
  await page.getByTestId('stop-button').click();
  assert.match(await noticeText(page), /shorter than one second/);
  await page.getByTestId('record-button').waitFor();
  assert.equal(await page.getByTestId('attempt-row').count(), 0);
  assert.equal((await storedAttempts(page)).length, 0);
});

void test('microphone unplugged mid-recording: stops, keeps the audio, says why', async () => {
  session = await launch();
  const { page } = session;
  // Keep the app's stream reachable so the test can end its track as a lost device would.
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    Object.defineProperty(window, '__streams', { value: streams });
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
  await page.goto(BASE_URL);
  await page.getByTestId('record-button').click();
  await page.getByTestId('stop-button').waitFor();
  await sleep(2500);
  await page.evaluate(() => {
    for (const stream of (window as unknown as { __streams: MediaStream[] }).__streams) {
      for (const track of stream.getTracks()) {
        track.stop();
        track.dispatchEvent(new Event('ended'));
      }
    }
  });
  assert.match(await noticeText(page), /microphone was disconnected/);
  await page.locator('[data-testid=waveform][data-ready=true]').waitFor();
  const [attempt] = await storedAttempts(page);
  assert.equal(attempt?.endReason, 'device-lost');
  assert.ok((attempt?.duration ?? 0) > 2, `kept the audio before the loss (${attempt?.duration})`);
});

void test('browser killed mid-recording: the audio comes back on the next start', async () => {
  const fixture = speechFixture();
  session = await launch({ microphoneWav: fixture.microphoneWav });
  const { profileDir } = session;
  await session.page.goto(BASE_URL);
  await session.page.getByTestId('record-button').click();
  await session.page.getByTestId('stop-button').waitFor();
  const recordingFrom = Date.now();
  await sleep(4000);
  await session.page.keyboard.press('n');
  await sleep(1000);
  const recordedFor = (Date.now() - recordingFrom) / 1000;
  assert.ok((await crash(session)) > 0, 'the browser was killed');
  session = undefined;

  const page = await open({ profileDir, microphoneWav: fixture.microphoneWav });
  assert.match(await noticeText(page), /interrupted.*recovered/);
  await page.getByTestId('attempt-row').first().waitFor();
  assert.equal(await page.getByTestId('attempt-row').count(), 1);
  const [attempt] = await storedAttempts(page);
  assert.equal(attempt?.status, 'complete');
  assert.equal(attempt?.endReason, 'recovered');
  assert.equal(attempt?.boundaries.length, 1, 'the marker pressed before the crash is kept');
  const lost = recordedFor - (attempt?.duration ?? 0);
  console.log(
    `  [measure] browser killed after ${recordedFor.toFixed(2)} s; recovered ${attempt?.duration.toFixed(2)} s (lost ${lost.toFixed(2)} s incl. start-up)`,
  );
  assert.ok(lost < 1.2, `at most about a second lost (${lost.toFixed(2)} s)`);
  await page.locator('[data-testid=waveform][data-ready=true]').waitFor();
  await page.getByTestId('section-region-recent').waitFor({ state: 'attached' });
});
