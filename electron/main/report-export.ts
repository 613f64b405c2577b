/**
 * "Export PDF" in the main process: the page that asked prints itself (its print stylesheet
 * applies), then the user picks where the file goes. The title comes from the untrusted renderer,
 * so it only ever suggests a file name, and the save dialog has the last word.
 */
import type { FileFilter, IpcMainInvokeEvent, PrintToPDFOptions } from 'electron';
import type { ReportPdfExportOutcome } from '../../core/desktop-api';

/** A4 with backgrounds: the section colours of the report are part of what it says. */
export const REPORT_PDF_OPTIONS = {
  printBackground: true,
  pageSize: 'A4',
} as const satisfies PrintToPDFOptions;

export const PDF_FILE_FILTERS: FileFilter[] = [{ name: 'PDF document', extensions: ['pdf'] }];

/** What a save dialog needs from the caller. */
export interface SaveFileRequest {
  /** Dialog title. */
  title: string;
  /** Suggested file name (no folder). */
  defaultName: string;
  filters: FileFilter[];
}

/** The file-system side of exports (Electron's save dialog and node:fs in the app). */
export interface ReportFileSaving {
  /** Shows a save dialog for the window that asked; null when the user cancels. */
  chooseSavePath(event: IpcMainInvokeEvent, request: SaveFileRequest): Promise<string | null>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
}

/** Longer titles are not names a person would want for a file; keep the dialog readable. */
const MAX_TITLE_CHARS = 500;
const MAX_NAME_CHARS = 120;
const FALLBACK_NAME = 'Pitchpace report';

// Path separators and characters Windows refuses, plus control characters (\p{Cc}).
const UNSAFE_CHARACTERS = /[\p{Cc}<>:"/\\|?*]+/gu;
// Device names Windows reserves whatever the extension (`CON.pdf` cannot be created).
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/** The export's only argument: the report title, a non-empty string of bounded length. */
export const reportTitleArg = (args: unknown[]): [string] => {
  const [title] = args;
  if (args.length !== 1 || typeof title !== 'string' || title.trim() === '') {
    throw new Error('Export PDF needs the report title (a non-empty string).');
  }
  if (title.length > MAX_TITLE_CHARS) {
    throw new Error(`The report title is longer than ${MAX_TITLE_CHARS} characters.`);
  }
  return [title];
};

/**
 * A safe suggested file name for a title: no folders, no characters any desktop OS refuses, no
 * leading dot (hidden file) or trailing dot/space (Windows drops them), no dangling dashes, and `.pdf` at the end.
 */
export function pdfFileName(title: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/\.pdf\s*$/i, '')
    .replace(UNSAFE_CHARACTERS, '-')
    .replace(/\s+/g, ' ')
    .slice(0, MAX_NAME_CHARS)
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  if (stem === '') return `${FALLBACK_NAME}.pdf`;
  return `${WINDOWS_RESERVED.test(stem) ? `_${stem}` : stem}.pdf`;
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Prints the sender's page to PDF, asks where to save it and writes it there. */
export async function exportReportPdf(
  event: IpcMainInvokeEvent,
  title: string,
  files: ReportFileSaving,
): Promise<ReportPdfExportOutcome> {
  // Print before the dialog opens, so the PDF is the page as it was when the user asked.
  let pdf: Uint8Array;
  try {
    pdf = await event.sender.printToPDF(REPORT_PDF_OPTIONS);
  } catch (error) {
    throw new Error(`Could not print the report to PDF: ${reasonOf(error)}`, { cause: error });
  }
  const filePath = await files.chooseSavePath(event, {
    title: 'Save the report as PDF',
    defaultName: pdfFileName(title),
    filters: PDF_FILE_FILTERS,
  });
  if (filePath === null) return { saved: false };
  try {
    await files.writeFile(filePath, pdf);
  } catch (error) {
    throw new Error(`Could not save the PDF to ${filePath}: ${reasonOf(error)}`, {
      cause: error,
    });
  }
  return { saved: true, path: filePath };
}
