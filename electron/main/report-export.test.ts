/**
 * "Export PDF" through the real main-process wiring (desktop services, handlers, registration)
 * with the `electron` module mocked: the page's printToPDF, the save dialog, then a real file.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktopServices } from './desktop-services';
import { createInvokeHandlers } from './ipc-handlers';
import { pdfFileName, reportTitleArg } from './report-export';
import { registerInvokeHandlers } from './typed-ipc';

const electron = vi.hoisted(() => {
  const state = { documents: '' };
  const window = { id: 'main-window' };
  const module = {
    app: {
      isPackaged: false,
      getPath: vi.fn((name: string) => (name === 'documents' ? state.documents : '/tmp/unused')),
      getAppPath: vi.fn(() => '/tmp/unused-app'),
    },
    BrowserWindow: { fromWebContents: vi.fn((): unknown => window) },
    dialog: {
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(
        (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> =>
          Promise.resolve({ canceled: true, filePath: '' }),
      ),
    },
    utilityProcess: { fork: vi.fn() },
  };
  return { state, window, module };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const PDF_BYTES = Buffer.from('%PDF-1.7\n% Pitchpace test page\n%%EOF\n');
const APP_PAGE = 'app://pitchpace/index.html';

describe('report:export-pdf', () => {
  let folder = '';
  let exportPdf: Handler = () => undefined;
  const printToPDF = vi.fn((_options: unknown) => Promise.resolve(PDF_BYTES));
  const eventFrom = (url: string) =>
    ({ senderFrame: { url }, sender: { id: 1, printToPDF } }) as unknown as IpcMainInvokeEvent;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'pitchpace-pdf-'));
    electron.state.documents = folder;
    const handlers = new Map<string, Handler>();
    const ipcMain = {
      handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    };
    const { services } = createDesktopServices('/tmp/unused-main');
    // The same sender test start-app.ts installs: only the app's own page may call.
    registerInvokeHandlers(ipcMain as never, createInvokeHandlers(services), (event) =>
      (event.senderFrame?.url ?? '').startsWith('app://pitchpace/'),
    );
    exportPdf = handlers.get('report:export-pdf') ?? exportPdf;
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));
  beforeEach(() => {
    printToPDF.mockClear();
    electron.module.dialog.showSaveDialog.mockClear();
  });

  it('prints the page on A4 with backgrounds, then offers a sanitised .pdf name', async () => {
    const outcome = await exportPdf(eventFrom(APP_PAGE), 'Walkthrough: 24/11 <draft>');
    expect(printToPDF).toHaveBeenCalledExactlyOnceWith({ printBackground: true, pageSize: 'A4' });
    expect(electron.module.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      electron.window,
      expect.objectContaining({
        defaultPath: path.join(folder, 'Walkthrough- 24-11 -draft.pdf'),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      }),
    );
    expect(outcome).toEqual({ saved: false });
  });

  it('writes the printed bytes where the user chose', async () => {
    const target = path.join(folder, 'chosen.pdf');
    electron.module.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: target,
    });
    await expect(exportPdf(eventFrom(APP_PAGE), 'Deep dive')).resolves.toEqual({
      saved: true,
      path: target,
    });
    expect(await readFile(target)).toEqual(PDF_BYTES);
  });

  it('reports print and write failures in words, without writing anything', async () => {
    printToPDF.mockRejectedValueOnce(new Error('renderer gone'));
    await expect(exportPdf(eventFrom(APP_PAGE), 'Close')).rejects.toThrow(
      'Could not print the report to PDF: renderer gone',
    );
    expect(electron.module.dialog.showSaveDialog).not.toHaveBeenCalled();
    const target = path.join(folder, 'no-such-folder', 'report.pdf');
    electron.module.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: target,
    });
    await expect(exportPdf(eventFrom(APP_PAGE), 'Close')).rejects.toThrow(
      new RegExp(`^Could not save the PDF to ${target.replaceAll('\\', '\\\\')}: ENOENT`),
    );
  });

  it('refuses other senders and bad titles before printing anything', () => {
    expect(() => exportPdf(eventFrom('https://example.com/'), 'Report')).toThrow(
      /Refused report:export-pdf: the request did not come from the Pitchpace window/,
    );
    for (const args of [[], [42], [''], ['  '], ['a'.repeat(501)], ['Report', 'extra']]) {
      expect(() => exportPdf(eventFrom(APP_PAGE), ...args)).toThrow(/report title/);
    }
    expect(printToPDF).not.toHaveBeenCalled();
    expect(electron.module.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('pdfFileName', () => {
  it('keeps readable titles and adds .pdf once', () => {
    expect(pdfFileName('pitchpace-walkthrough-2026-11-24-13-36')).toBe(
      'pitchpace-walkthrough-2026-11-24-13-36.pdf',
    );
    expect(pdfFileName('Deep dive.PDF')).toBe('Deep dive.pdf');
    expect(pdfFileName('Entrevista — café')).toBe('Entrevista — café.pdf');
  });

  it('never yields a folder, hidden file, reserved device or control character', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(pdfFileName('C:\\Windows\\system32')).toBe('C-Windows-system32.pdf');
    expect(pdfFileName('.bashrc')).toBe('bashrc.pdf');
    expect(pdfFileName('report.\u0000\u0007 ')).toBe('report.pdf');
    expect(pdfFileName('CON')).toBe('_CON.pdf');
    expect(pdfFileName('...')).toBe('Pitchpace report.pdf');
    expect(pdfFileName('x'.repeat(400))).toHaveLength(124);
  });

  it('parses exactly one non-empty title', () => {
    expect(reportTitleArg(['Report'])).toEqual(['Report']);
    expect(() => reportTitleArg([null])).toThrow('Export PDF needs the report title');
  });
});
