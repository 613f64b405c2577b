import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveTranscript } from './LiveTranscript';
import { useLiveTranscript } from './transcript-stores';

afterEach(() => {
  cleanup();
  useLiveTranscript.setState({ status: 'off', attemptId: null, windows: [], message: null });
});

const words = (...texts: string[]) => texts.map((text, i) => ({ text, start: i, end: i + 1 }));

describe('LiveTranscript', () => {
  it('shows nothing without a model', () => {
    const { container } = render(<LiveTranscript />);
    expect(container.textContent).toBe('');
  });

  it('waits for the first pause, then grows window by window', () => {
    useLiveTranscript.setState({ status: 'listening', attemptId: 'a' });
    render(<LiveTranscript />);
    expect(screen.getByText(/Listening… the transcript appears at each pause/)).toBeTruthy();
    act(() =>
      useLiveTranscript.setState({
        windows: [{ index: 0, start: 0, end: 4, words: words('I', 'led') }],
      }),
    );
    act(() =>
      useLiveTranscript.setState((s) => ({
        windows: [...s.windows, { index: 1, start: 4, end: 9, words: words('the', 'team.') }],
      })),
    );
    expect(screen.getByTestId('live-transcript').textContent).toBe('I led the team.');
    expect(screen.queryByText(/Listening…/)).toBeNull();
  });

  it('says why the live transcript stopped, keeping what it had', () => {
    useLiveTranscript.setState({
      status: 'error',
      attemptId: 'a',
      windows: [{ index: 0, start: 0, end: 4, words: words('Hello.') }],
      message: 'The transcription worker stopped (out of memory).',
    });
    render(<LiveTranscript />);
    expect(
      screen.getByText(/Live transcript stopped: The transcription worker stopped/),
    ).toBeTruthy();
    expect(screen.getByTestId('live-transcript').textContent).toBe('Hello.');
  });
});
