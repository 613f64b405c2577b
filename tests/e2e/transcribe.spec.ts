/**
 * Transcription in the app: a scripted fixture model (real transformers.js + ONNX Runtime Web in
 * the app's Web Worker, real Silero VAD) hears espeak-ng speech from the fake microphone. The
 * speech is one window (~8 s) followed by silence, so the window closes at the pause while
 * recording: the live transcript must appear before Stop, and the final one after Stop, once.
 * Run twice: on WebAssembly (what this machine's Chromium picks) and on WebGPU (SwiftShader).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeFixture } from '../../scripts/fixture-model/make-fixture';
import type { FixtureSpec } from '../../scripts/fixture-model/spec';
import type { Session } from './support/browser';
import { BASE_URL, externalRequests, launch } from './support/browser';
import { storedAttempts } from './support/page-probes';

const GENERATED = path.resolve(import.meta.dirname, '../fixtures/generated');
/** What the e2e runner serves at /models/ (scripts/run-e2e.js). */
const MODELS_DIR = process.env.PITCHPACE_MODELS_DIR ?? path.join(GENERATED, 'e2e-models');
const MODEL_ID = 'e2e-whisper-fixture';
const RESULTS = path.resolve(import.meta.dirname, '../../test-results');

const SPOKEN =
  'I rebuilt our checkout service and cut the error rate from two percent to a tenth of a percent.';
/** The fixture says the spoken words (it cannot hear them: it follows this script when it hears sound). */
const SCRIPT: FixtureSpec = {
  segments: [
    { start: 0.2, end: 3.0, text: ' I rebuilt our checkout service' },
    {
      start: 3.0,
      end: 6.6,
      text: ' and cut the error rate from two percent to a tenth of a percent.',
    },
  ],
};
const EXPECTED = SPOKEN;
const LEAD_SILENCE = 1;
const TAIL_SILENCE = 4;

let session: Session | undefined;
after(async () => {
  await session?.context.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report = (line: string) => console.log(`  [measure] ${line}`);

/** espeak-ng speech at 48 kHz with silence around it; returns the WAV and the speech length. */
function microphoneWav(): { wav: string; speechSeconds: number } {
  const dir = path.join(GENERATED, 'e2e-transcribe');
  mkdirSync(dir, { recursive: true });
  const raw = path.join(dir, 'speech-raw.wav');
  const speech = path.join(dir, 'speech48k.wav');
  const wav = path.join(dir, 'microphone.wav');
  if (!existsSync(wav)) {
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', raw, SPOKEN]);
    execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', speech]);
    execFileSync('sox', [speech, wav, 'pad', String(LEAD_SILENCE), String(TAIL_SILENCE)]);
  }
  const speechSeconds = Number(execFileSync('soxi', ['-D', speech], { encoding: 'utf8' }).trim());
  return { wav, speechSeconds };
}

function text(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).innerText();
}

/** The coaching report's timed transcript (features/report), shown once the attempt has words. */
const REPORT_WORDS = '[data-testid=report] [data-testid=transcript] [data-testid=word]';

/**
 * The final transcript as the review shows it — the report's word view, else the plain
 * transcript panel — and how many word elements show it.
 */
async function finalTranscript(page: Page): Promise<{ text: string; wordElements: number }> {
  await page
    .locator(`[data-testid=transcript-final], ${REPORT_WORDS}`)
    .first()
    .waitFor({ timeout: 15_000 });
  const words = page.locator(REPORT_WORDS);
  const wordElements = await words.count();
  if (wordElements === 0) return { text: await text(page, 'transcript-final'), wordElements };
  const texts = await words.allInnerTexts();
  return { text: texts.map((t) => t.trim()).join(' '), wordElements };
}

/**
 * Where Whisper should run. `webgpu` is Chromium's WebGPU on SwiftShader (no GPU here): slow,
 * but it runs the app's GPU path (ONNX Runtime Web's WebGPU kernels on the fp32 fixture).
 */
type Backend = { device: 'wasm'; extraSeconds: 0 } | { device: 'webgpu'; extraSeconds: number };

void test(
  'live transcript while recording, final transcript after Stop (WebAssembly)',
  { timeout: 90_000 },
  () => recordAndTranscribe({ device: 'wasm', extraSeconds: 0 }),
);

void test(
  'the same on WebGPU (SwiftShader): the GPU path, checked for correctness',
  { timeout: 120_000 },
  () => recordAndTranscribe({ device: 'webgpu', extraSeconds: 10 }),
);

async function recordAndTranscribe(backend: Backend): Promise<void> {
  const modelDir = path.join(MODELS_DIR, MODEL_ID);
  rmSync(modelDir, { recursive: true, force: true });
  makeFixture(modelDir, SCRIPT);
  const { wav, speechSeconds } = microphoneWav();

  await session?.context.close();
  session = await launch({ microphoneWav: wav, webgpu: backend.device === 'webgpu' });
  const { page } = session;
  await page.goto(BASE_URL);
  // the recommended model is not served here: the app says how to get one, in one line
  assert.match(await text(page, 'model-hint'), /npm run models -- whisper-base\.en/);
  assert.equal(await page.getByTestId('model-status').getAttribute('data-state'), 'none');
  await page.getByTestId('model-picker').selectOption(MODEL_ID);
  const loadStarted = Date.now();
  await page.locator('[data-testid=model-status][data-state=ready]').waitFor({ timeout: 30_000 });
  report(`${backend.device}: fixture model + worker ready: ${Date.now() - loadStarted} ms`);
  assert.match(await text(page, 'model-status'), new RegExp(MODEL_ID));
  // the worker says where Whisper runs; a WebGPU load that failed would fall back to wasm
  assert.equal(await page.getByTestId('model-status').getAttribute('data-device'), backend.device);

  await page.getByTestId('record-button').click();
  await page.getByTestId('stop-button').waitFor({ timeout: 15_000 });
  const recordingStarted = Date.now();
  // the window closes ~1 s into the silence after the speech, then is transcribed
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid=live-transcript]')?.textContent === expected,
    EXPECTED,
    { timeout: (LEAD_SILENCE + speechSeconds + 8 + backend.extraSeconds) * 1000 },
  );
  const liveAt = (Date.now() - recordingStarted) / 1000;
  report(
    `${backend.device}: live transcript shown ${liveAt.toFixed(1)} s into the recording (speech ends at ~${(LEAD_SILENCE + speechSeconds).toFixed(1)} s)`,
  );
  assert.equal(await page.getByTestId('stop-button').isVisible(), true, 'still recording');
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `transcribe-live-${backend.device}.png`) });
  await sleep(
    Math.max(0, recordingStarted + (LEAD_SILENCE + speechSeconds + 2.5) * 1000 - Date.now()),
  );

  const stopPressed = Date.now();
  await page.getByTestId('stop-button').click();
  const final = await finalTranscript(page);
  report(`${backend.device}: Stop → final transcript shown: ${Date.now() - stopPressed} ms`);
  assert.equal(final.text, EXPECTED);
  const shownTwice =
    final.wordElements > 0 && (await page.getByTestId('transcript-final').count()) > 0;
  assert.ok(!shownTwice, 'one final transcript on the page');
  assert.ok(
    final.wordElements === 0 || final.wordElements === EXPECTED.split(' ').length,
    'each word shown once',
  );
  assert.equal(await page.getByTestId('live-transcript').count(), 0, 'live box gone after Stop');
  await page.screenshot({
    path: path.join(RESULTS, `transcribe-${backend.device}.png`),
    fullPage: true,
  });

  const [attempt] = await storedAttempts(page);
  assert.ok(attempt, 'the attempt is saved');
  const stored = await storedTranscript(page, attempt.id);
  assert.equal(stored?.model, MODEL_ID);
  assert.equal(stored?.words.map((w) => w.text).join(' '), EXPECTED);
  const firstWord = stored?.words[0];
  assert.ok(
    firstWord && firstWord.start >= 0 && firstWord.start < LEAD_SILENCE + 1,
    'word times on the recording clock',
  );

  // after a reload the transcript comes from storage
  await page.reload();
  await page.getByTestId('attempt-row').first().click();
  assert.equal((await finalTranscript(page)).text, EXPECTED);

  assert.deepEqual(externalRequests(session.requests), [], 'no request leaves loopback');
}

interface StoredTranscript {
  model: string | null;
  words: { text: string; start: number; end: number | null }[];
}

/** The attempt's transcript, read from the app's IndexedDB (store names are a stable contract). */
function storedTranscript(page: Page, attemptId: string): Promise<StoredTranscript | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<StoredTranscript | undefined>((resolve, reject) => {
        const open = indexedDB.open('pitchpace');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const request = open.result.transaction('transcripts').objectStore('transcripts').get(id);
          request.onsuccess = () =>
            resolve((request.result as { transcript: StoredTranscript } | undefined)?.transcript);
          request.onerror = () => reject(new Error('cannot read transcripts'));
        };
      }),
    attemptId,
  );
}
