import { useState } from 'react';
import type { CoachReport } from '../../../core/coach/types';
import type { PitchpaceDesktopApi } from '../../../core/desktop-api';
import type { ModeId } from '../../../core/modes';
import type { Transcript } from '../../../core/transcript';
import { reportFileName, reportMarkdown, transcriptText } from './report-markdown';

/** The desktop bridge's PDF export (Electron's printToPDF); absent in the browser. */
type PdfExportApi = Pick<PitchpaceDesktopApi, 'exportReportPdf'>;

export interface ExportBarProps {
  mode: ModeId;
  createdAt: number;
  report: CoachReport;
  transcript: Transcript;
}

/** Saves a Markdown file through a temporary link (works in the browser and in Electron). */
export function downloadMarkdown(props: ExportBarProps): void {
  const text = reportMarkdown(props.mode, props.createdAt, props.report, props.transcript);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(props.mode, props.createdAt);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * PDF: the desktop app prints to a file it asks where to save; the browser opens its print dialog
 * (print stylesheet). `onStatus` hears how a desktop export ended, in words for the user.
 */
export function exportPdf(
  mode: ModeId,
  createdAt: number,
  onStatus: (message: string) => void = () => undefined,
): void {
  const api = (window as { pitchpace?: Partial<PdfExportApi> }).pitchpace;
  if (!api?.exportReportPdf) {
    window.print();
    return;
  }
  api.exportReportPdf(reportFileName(mode, createdAt).replace(/\.md$/, '')).then(
    (outcome) =>
      onStatus(outcome.saved ? `PDF saved to ${outcome.path ?? 'the chosen file'}.` : ''),
    (error: unknown) =>
      onStatus(
        `Could not export the PDF: ${error instanceof Error ? error.message : 'unknown error'}`,
      ),
  );
}

/** Export as Markdown or PDF, and copy the transcript. */
export function ExportBar(props: ExportBarProps) {
  const [status, setStatus] = useState('');
  const copy = () => {
    navigator.clipboard.writeText(transcriptText(props.transcript)).then(
      () => setStatus('Transcript copied.'),
      () => setStatus('Could not copy.'),
    );
  };
  return (
    <div className="export-bar" role="toolbar" aria-label="Export">
      <button
        type="button"
        className="button"
        data-testid="export-markdown"
        onClick={() => downloadMarkdown(props)}
        aria-keyshortcuts="Shift+M"
      >
        Export Markdown
      </button>
      <button
        type="button"
        className="button"
        data-testid="export-pdf"
        onClick={() => exportPdf(props.mode, props.createdAt, setStatus)}
        aria-keyshortcuts="Shift+P"
      >
        Export PDF
      </button>
      <button
        type="button"
        className="button"
        data-testid="copy-transcript"
        onClick={copy}
        aria-keyshortcuts="Shift+C"
      >
        Copy transcript
      </button>
      <span className="export-bar__status" role="status">
        {status}
      </span>
    </div>
  );
}
