/** The renderer's zustand store, composed of slices. */
import { create } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StateCreator } from 'zustand';
import { createAttemptsSlice } from './attempts-slice';
import { createModeSlice } from './mode-slice';
import { createNoticeSlice } from './notice-slice';
import { createRecorderSlice } from './recorder-slice';
import type { AppState } from './types';

const createAppState: StateCreator<AppState> = (...args) => ({
  ...createModeSlice(...args),
  ...createRecorderSlice(...args),
  ...createAttemptsSlice(...args),
  ...createNoticeSlice(...args),
});

/** A fresh, independent store (tests). */
export const createAppStore = () => createStore<AppState>()(createAppState);

/** The app's store as a React hook; `useAppStore.getState()` outside components. */
export const useAppStore = create<AppState>()(createAppState);

export type { AppState } from './types';
