import { describe, expect, it } from 'vitest';
import { seconds } from '../../core/units';
import type { AttemptRecord } from '../storage/schema';
import { createAppStore } from './app-store';

const attempt = (id: string, createdAt: number): AttemptRecord => ({
  id,
  mode: 'walkthrough',
  createdAt,
  duration: seconds(30),
  sampleRate: 48_000,
  boundaries: [],
  status: 'complete',
});

describe('recorder slice', () => {
  it('accepts one marker per section boundary, only while recording, never going back', () => {
    const store = createAppStore();
    const { markNextSection } = store.getState();
    expect(markNextSection(seconds(1))).toBe(false);
    store.getState().recordingStarting();
    store.getState().recordingStarted('a1');
    expect(markNextSection(seconds(5))).toBe(true);
    expect(markNextSection(seconds(4))).toBe(true); // clock jitter: clamped to the previous one
    expect(markNextSection(seconds(9))).toBe(true);
    expect(markNextSection(seconds(12))).toBe(false); // walkthrough has four sections
    expect(store.getState().markers).toEqual([5, 5, 9]);
  });

  it('starts each recording with a clean clock and markers', () => {
    const store = createAppStore();
    store.getState().recordingStarting();
    store.getState().recordingStarted('a1');
    store.getState().tick(seconds(3));
    store.getState().markNextSection(seconds(2));
    store.getState().recordingEnded();
    store.getState().recordingStarting();
    expect(store.getState()).toMatchObject({ phase: 'starting', elapsed: 0, markers: [] });
  });

  it('stops at one section in the 30-second close', () => {
    const store = createAppStore();
    store.getState().setMode('close');
    store.getState().recordingStarting();
    store.getState().recordingStarted('a1');
    expect(store.getState().markNextSection(seconds(3))).toBe(false);
  });
});

describe('attempts slice', () => {
  it('keeps attempts newest first and replaces by id', () => {
    const store = createAppStore();
    store.getState().setAttempts([attempt('old', 1), attempt('new', 3)]);
    store.getState().putAttempt(attempt('mid', 2));
    store.getState().putAttempt({ ...attempt('old', 1), duration: seconds(99) });
    const { attempts, attemptsLoaded } = store.getState();
    expect(attempts.map((a) => a.id)).toEqual(['new', 'mid', 'old']);
    expect(attempts[2]?.duration).toBe(99);
    expect(attemptsLoaded).toBe(true);
  });

  it('closes the review when its attempt is removed and re-times boundaries', () => {
    const store = createAppStore();
    store.getState().setAttempts([attempt('a', 1), attempt('b', 2)]);
    store.getState().openAttempt('a');
    store.getState().setBoundaries('b', [seconds(4)]);
    expect(store.getState().attempts.find((a) => a.id === 'b')?.boundaries).toEqual([4]);
    store.getState().removeAttempt('a');
    expect(store.getState().openAttemptId).toBeUndefined();
  });
});

describe('mode slice', () => {
  it('falls back to the default input when the chosen microphone disappears', () => {
    const store = createAppStore();
    store.getState().setMicrophones([{ deviceId: 'usb', label: 'USB mic' }]);
    store.getState().selectMicrophone('usb');
    store.getState().setMicrophones([{ deviceId: 'usb', label: 'USB mic' }]);
    expect(store.getState().microphoneId).toBe('usb');
    store.getState().setMicrophones([{ deviceId: 'default', label: 'Default' }]);
    expect(store.getState().microphoneId).toBeUndefined();
  });
});
