import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seconds } from '../../../core/units';
import { useAppStore } from '../../store/app-store';
import { CurrentSection } from './CurrentSection';

afterEach(cleanup);
beforeEach(() => {
  const state = useAppStore.getState();
  state.setMode('walkthrough');
  state.recordingStarting();
  state.recordingStarted('attempt');
});

describe('CurrentSection', () => {
  it('shows the section, its time and budget, turning amber then red', () => {
    render(<CurrentSection />);
    const line = () => screen.getByTestId('current-section');
    act(() => useAppStore.getState().tick(seconds(14.6)));
    expect(line().textContent).toBe('Headline 0:14 / 0:15–0:20');
    expect(line().dataset.status).toBe('ok');
    act(() => useAppStore.getState().tick(seconds(18)));
    expect(line().dataset.status).toBe('near');
    act(() => useAppStore.getState().tick(seconds(21)));
    expect(line().dataset.status).toBe('over');
    expect(line().textContent).toContain('over budget');
  });

  it('times the next section from its marker', () => {
    render(<CurrentSection />);
    act(() => {
      useAppStore.getState().markNextSection(seconds(16));
      useAppStore.getState().tick(seconds(30));
    });
    expect(screen.getByTestId('current-section').textContent).toBe('Recent roles 0:14 / 1:00–1:30');
    expect(screen.getByText(/Press N or → for “Earlier experience”/)).toBeTruthy();
  });
});
