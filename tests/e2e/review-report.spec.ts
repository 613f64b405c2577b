/**
 * The coaching report in Chromium: a walkthrough with audio and a transcript is seeded into the
 * app's storage, then the review is driven like a candidate would: playback moves the transcript
 * highlight, a word click seeks, a dragged boundary re-runs the engine (bars and score change,
 * the correction is saved and survives a reload), checklist quotes jump the player, Markdown and
 * PDF exports produce files, and both themes are screenshotted.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Session } from './support/browser';
import { BASE_URL, externalRequests, launch } from './support/browser';
import { storedAttempts } from './support/page-probes';
import { seedAttempt } from './support/seed-attempt';
import { spokenAnswer } from './support/spoken-answer';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const report = (line: string) => console.log(`  [measure] ${line}`);

let session: Session | undefined;
after(async () => {
  await session?.context.close();
});

/** Index of the highlighted word, or −1. */
const currentWord = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('.word--now')?.getAttribute('data-i') ?? -1));

const scoreText = (page: Page) => page.getByTestId('score').innerText();

/** The pages' greyscale render of a PDF page: share of pixels that are not white. */
function inkedShare(pgm: Buffer): number {
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64));
  assert.ok(header, 'pdftoppm wrote a PGM');
  const pixels = pgm.subarray(header[0].length);
  let inked = 0;
  for (const p of pixels) if (p < 200) inked++;
  return inked / pixels.length;
}

void test(
  'the review report follows playback, takes corrections and exports',
  { timeout: 200_000 },
  async () => {
    mkdirSync(RESULTS, { recursive: true });
    const answer = spokenAnswer();
    session = await launch();
    const { page, context } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(BASE_URL).origin,
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(BASE_URL);
    await page.getByTestId('mode-walkthrough').waitFor();
    const duration = await seedAttempt(page, {
      id: 'seeded-walkthrough',
      mode: 'walkthrough',
      createdAt: Date.UTC(2026, 10, 24, 9, 30),
      // Markers for recent and earlier only: the engine finds the close itself.
      boundaries: answer.sectionStarts.slice(0, 2),
      transcript: answer.transcript,
      audio: { base64: answer.base64, sampleRate: answer.sampleRate },
    });
    await page.reload();
    const opened = Date.now();
    await page
      .getByTestId('attempt-row')
      .getByRole('button', { name: /Walk me through/ })
      .click();
    await page.locator('[data-testid=waveform][data-ready=true]').waitFor({ timeout: 30_000 });
    await page.getByTestId('word').first().waitFor();
    await page.getByTestId('score').waitFor();
    report(
      `review with report shown ${Date.now() - opened} ms after the click (${duration.toFixed(1)} s, ${answer.transcript.words.length} words)`,
    );
    for (const id of ['headline', 'recent', 'earlier', 'close']) {
      await page.getByTestId(`section-region-${id}`).waitFor({ state: 'attached' });
    }
    assert.ok(
      (await page.getByTestId('pace-chart').locator('canvas').count()) > 0,
      'pace chart drawn',
    );
    assert.ok((await page.getByTestId('metric').count()) >= 1, 'a metric with its quote');
    assert.ok(
      (await page.getByTestId('followups').locator('li').count()) >= 1,
      'follow-up questions',
    );
    await page.screenshot({ path: path.join(RESULTS, 'review-report-light.png'), fullPage: true });

    // The transcript follows playback: the highlighted word advances while playing.
    await page.getByTestId('play-button').click();
    await page.waitForFunction(() => document.querySelector('.word--now') !== null);
    const first = await currentWord(page);
    await page.waitForTimeout(1500);
    const later = await currentWord(page);
    await page.keyboard.press('k');
    report(`highlight moved from word ${first} to word ${later} in 1.5 s of playback`);
    assert.ok(later > first, 'the highlight advances with playback');

    // Clicking a word seeks there: that word is highlighted and the clock shows its time.
    const target = 30;
    const targetStart = answer.transcript.words[target]?.start ?? NaN;
    await page.locator(`[data-testid=word][data-i="${target}"]`).click();
    await page.waitForFunction(
      (i) => document.querySelector('.word--now')?.getAttribute('data-i') === String(i),
      target,
    );
    const clock = await page.getByTestId('playback-clock').innerText();
    assert.match(clock, new RegExp(`^0:${String(Math.floor(targetStart)).padStart(2, '0')} /`));
    report(
      `click on word ${target} → playhead ${clock.split(' /')[0]} (word starts ${targetStart.toFixed(2)} s)`,
    );

    // A checklist quote plays from its evidence.
    const quote = page.getByTestId('coverage-recent').locator('button.quote').first();
    const quoteStart = Number(await quote.getAttribute('data-start'));
    await quote.click();
    await page.waitForFunction(
      (t) => {
        const i = Number(document.querySelector('.word--now')?.getAttribute('data-i') ?? -1);
        const word = document.querySelector(`[data-i="${i}"]`);
        return (
          word !== null && i >= 0 && Math.abs(Number(word.getAttribute('data-start')) - t) < 1.5
        );
      },
      quoteStart,
      { timeout: 5000 },
    );
    await page.keyboard.press('k');
    report(`checklist quote at ${quoteStart.toFixed(2)} s moved the player there`);

    // Dragging the headline's end far right re-runs the engine: bars and score change at once.
    const scoreBefore = (await page.getByTestId('score').textContent()) ?? '';
    const headlineBefore = (await page.getByTestId('section-bar-headline').textContent()) ?? '';
    const handle = page
      .getByTestId('section-region-headline')
      .locator('[part~="region-handle-right"]');
    await page.getByTestId('waveform').scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    const wave = await page.getByTestId('waveform').boundingBox();
    assert.ok(box && wave, 'the headline has a right-hand handle');
    const wanted = 17; // a 17 s headline is inside its 15–20 s budget
    const x = wave.x + (wanted / duration) * wave.width;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction(
      (before) =>
        document.querySelector('[data-testid=section-bar-headline]')?.textContent !== before,
      headlineBefore,
    );
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=score]')?.textContent !== before,
      scoreBefore,
    );
    const headlineAfter = await page.getByTestId('section-bar-headline').innerText();
    const scoreAfter = await scoreText(page);
    report(
      `drag: headline bar "${headlineBefore.replace(/\s+/g, ' ')}" → "${headlineAfter.replace(/\s+/g, ' ')}", score ${scoreBefore.replace(/\s+/g, '')} → ${scoreAfter.replace(/\s+/g, '')}`,
    );
    assert.match(headlineAfter, /on target/);
    const [stored] = await storedAttempts(page);
    const corrections = (
      stored as unknown as { sectionCorrections?: { section: string; start: number }[] }
    ).sectionCorrections;
    const moved = corrections?.find((c) => c.section === 'recent');
    assert.ok(
      moved && Math.abs(moved.start - wanted) < 0.6,
      `correction saved (${JSON.stringify(corrections)})`,
    );

    // The same boundary from the keyboard: Shift+→ on the focused headline region moves it 1 s.
    await page.getByTestId('section-region-headline').focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(async (before) => {
      const open = indexedDB.open('pitchpace');
      const db = await new Promise<IDBDatabase>(
        (resolve) => (open.onsuccess = () => resolve(open.result)),
      );
      const rows = await new Promise<
        { sectionCorrections?: { section: string; start: number }[] }[]
      >((resolve) => {
        const request = db.transaction('attempts').objectStore('attempts').getAll();
        request.onsuccess = () => resolve(request.result as never);
      });
      db.close();
      const recent = rows[0]?.sectionCorrections?.find((c) => c.section === 'recent');
      return recent !== undefined && Math.abs(recent.start - (before + 1)) < 0.05;
    }, moved.start);
    const focused = await page.evaluate(() =>
      document
        .querySelector('[data-testid=waveform] > div')
        ?.shadowRoot?.activeElement?.getAttribute('data-testid'),
    );
    assert.equal(focused, 'section-region-headline', 'the region keeps the focus');
    report(
      `Shift+→ on the headline region moved the boundary ${moved.start} → ${moved.start + 1} s`,
    );

    // Zoom and speed from the keyboard.
    await page.locator('body').press('+');
    await page.locator('body').press(']');
    assert.equal(await page.getByRole('slider', { name: 'Waveform zoom' }).inputValue(), '1');
    assert.equal(await page.getByRole('combobox', { name: 'Playback speed' }).inputValue(), '1.25');
    await page.locator('body').press('-');

    // Choosing another section for a stretch: the earlier role becomes part of the recent roles.
    const scoreBeforeRelabel = await page.getByTestId('score').textContent();
    await page.getByTestId('section-row-2').getByRole('combobox').selectOption('recent');
    await page.getByTestId('section-region-earlier').waitFor({ state: 'detached' });
    assert.equal(
      await page.getByTestId('section-bar-earlier').getAttribute('data-status'),
      'missing',
    );
    report(
      `relabel earlier → recent: score ${scoreBeforeRelabel} → ${await page.getByTestId('score').textContent()}`,
    );
    await page.getByRole('button', { name: 'Undo my corrections' }).click();
    await page.getByTestId('section-region-earlier').waitFor({ state: 'attached' });

    // Markdown export downloads a file with the report.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-markdown').click(),
    ]);
    const mdPath = path.join(RESULTS, download.suggestedFilename());
    await download.saveAs(mdPath);
    const markdown = readFileSync(mdPath, 'utf8');
    assert.match(markdown, /^# Walk me through your resume/);
    assert.match(markdown, /## Coverage/);
    assert.match(markdown, /p99 latency/);
    report(`markdown export: ${download.suggestedFilename()}, ${markdown.length} chars`);

    // PDF export: the button prints; the print view renders to a PDF with visible content.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByTestId('export-pdf').click();
    assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
    await page.emulateMedia({ media: 'print' });
    const pdfPath = path.join(RESULTS, 'review-report.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pngBase = path.join(RESULTS, 'review-report-pdf');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfPath,
      pngBase,
    ]);
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '30',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfPath,
      pngBase,
    ]);
    const ink = inkedShare(readFileSync(`${pngBase}.pgm`));
    report(
      `pdf export: ${statSync(pdfPath).size} bytes, page 1 ${(100 * ink).toFixed(1)} % inked, png ${statSync(`${pngBase}.png`).size} bytes`,
    );
    assert.ok(
      statSync(`${pngBase}.png`).size > 5000 && ink > 0.01,
      'the PDF page shows the report',
    );

    // Copy the transcript.
    await page.getByTestId('copy-transcript').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith("I'm a backend engineer"), 'transcript on the clipboard');

    // Help overlay from the keyboard.
    await page.locator('body').press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });

    // The correction survives a reload and the re-analysis; then the dark theme from the toggle.
    const scoreBeforeReload = await page.getByTestId('score').textContent();
    await page.reload();
    await page
      .getByTestId('attempt-row')
      .getByRole('button', { name: /Walk me through/ })
      .click();
    await page.getByTestId('score').waitFor();
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid=score]')?.textContent === s,
      scoreBeforeReload,
    );
    const systemDarkBg = await (async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      return page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
      );
    })();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('body').press('t');
    await page.locator('body').press('t');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const toggledDarkBg = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
    );
    assert.equal(toggledDarkBg, systemDarkBg, 'the toggle dark theme is the system dark theme');
    await page.locator('[data-testid=waveform][data-ready=true]').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(RESULTS, 'review-report-dark.png'), fullPage: true });

    // While recording: one line of guidance, following the markers when there are no words.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Space');
    const guidance = page.getByTestId('live-guidance');
    await guidance.waitFor({ timeout: 15_000 });
    assert.match((await guidance.textContent()) ?? '', /^Headline: /);
    await page.keyboard.press('n');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=live-guidance]')
        ?.textContent?.startsWith('Recent roles: '),
    );
    await page.keyboard.press('Space');
    await guidance.waitFor({ state: 'detached', timeout: 15_000 });

    assert.deepEqual(externalRequests(session.requests), [], 'no request left the machine');
    assert.deepEqual(session.errors, [], `no console errors: ${session.errors.join(' | ')}`);
  },
);
