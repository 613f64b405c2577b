import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeTranscript } from '../../../core/coach/analyze';
import type { PitchpaceDesktopApi } from '../../../core/desktop-api';
import { ExportBar } from './ExportBar';
import { transcriptOf } from './test-transcript';

const transcript = transcriptOf(['I led the migration and cut p95 latency by forty percent.']);
const props = {
  mode: 'deepdive' as const,
  createdAt: Date.UTC(2026, 10, 24, 13, 36),
  report: analyzeTranscript({ mode: 'deepdive', words: transcript.words }),
  transcript,
};
const bridge = window as { pitchpace?: Partial<PitchpaceDesktopApi> };
// happy-dom has no print dialog: stand one in that counts its calls.
const originalPrint = Object.getOwnPropertyDescriptor(window, 'print');
const stubPrint = () => {
  const print = vi.fn();
  Object.defineProperty(window, 'print', { configurable: true, writable: true, value: print });
  return print;
};

afterEach(() => {
  cleanup();
  delete bridge.pitchpace;
  if (originalPrint) Object.defineProperty(window, 'print', originalPrint);
  else Reflect.deleteProperty(window, 'print');
});

describe('ExportBar PDF export', () => {
  it('in the browser opens the print dialog', () => {
    const print = stubPrint();
    render(<ExportBar {...props} />);
    fireEvent.click(screen.getByTestId('export-pdf'));
    expect(print).toHaveBeenCalledOnce();
  });

  it('in the desktop app saves through the bridge with the report title and says where', async () => {
    const print = stubPrint();
    const exportReportPdf = vi.fn((_title: string) =>
      Promise.resolve({ saved: true, path: '/home/me/Documents/report.pdf' }),
    );
    bridge.pitchpace = { exportReportPdf };
    render(<ExportBar {...props} />);
    fireEvent.click(screen.getByTestId('export-pdf'));
    expect(exportReportPdf).toHaveBeenCalledExactlyOnceWith('pitchpace-deepdive-2026-11-24-13-36');
    expect(print).not.toHaveBeenCalled();
    expect(await screen.findByText('PDF saved to /home/me/Documents/report.pdf.')).toBeTruthy();
  });

  it("shows main's error message when the export fails", async () => {
    bridge.pitchpace = {
      exportReportPdf: () => Promise.reject(new Error('Could not print the report to PDF: gone')),
    };
    render(<ExportBar {...props} />);
    fireEvent.click(screen.getByTestId('export-pdf'));
    expect(
      await screen.findByText('Could not export the PDF: Could not print the report to PDF: gone'),
    ).toBeTruthy();
  });
});
