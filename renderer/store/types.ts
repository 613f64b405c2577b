/** The app state is the union of its slices; each slice creator sees the whole state. */
import type { StateCreator } from 'zustand';
import type { AttemptsSlice } from './attempts-slice';
import type { ModeSlice } from './mode-slice';
import type { NoticeSlice } from './notice-slice';
import type { RecorderSlice } from './recorder-slice';

export type AppState = ModeSlice & RecorderSlice & AttemptsSlice & NoticeSlice;

export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
