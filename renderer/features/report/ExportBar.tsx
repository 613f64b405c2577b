import { useState } from 'react';
import type { CoachReport } from '../../../core/coach/types';
import type { ModeId } from '../../../core/modes';
import type { Transcript } from '../../../core/transcript';
import { reportFileName, reportMarkdown, transcriptText } from './report-markdown';

/** The desktop bridge's optional PDF export (Electron's printToPDF); absent in the browser. */
interface PdfCapableApi {
  printToPDF?: (fileName: string) => Promise<unknown>;
}

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

/** PDF: the desktop app prints to a file; the browser opens its print dialog (print stylesheet). */
export function exportPdf(mode: ModeId, createdAt: number): void {
  const api = (window as unknown as { pitchpace?: PdfCapableApi }).pitchpace;
  if (api?.printToPDF) {
    void api.printToPDF(reportFileName(mode, createdAt).replace(/\.md$/, '.pdf'));
  } else window.print();
}

/** Export as Markdown or PDF, and copy the transcript. */
export function ExportBar(props: ExportBarProps) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(transcriptText(props.transcript)).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
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
        onClick={() => exportPdf(props.mode, props.createdAt)}
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
        {copied === 'copied' ? 'Transcript copied.' : copied === 'failed' ? 'Could not copy.' : ''}
      </span>
    </div>
  );
}
