/** The recording in progress: its phase, clock and section markers. */
import { MODES } from '../../core/modes';
import type { Seconds } from '../../core/units';
import { seconds } from '../../core/units';
import type { SliceCreator } from './types';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'saving';

export interface RecorderSlice {
  phase: RecorderPhase;
  /** The attempt being recorded. */
  recordingId: string | undefined;
  elapsed: Seconds;
  /** "Next section" markers pressed so far, on the recording clock. */
  markers: Seconds[];
  recordingStarting: () => void;
  recordingStarted: (attemptId: string) => void;
  tick: (elapsed: Seconds) => void;
  /** Adds a marker at `at`; false when the last section is already running. */
  markNextSection: (at: Seconds) => boolean;
  recordingSaving: () => void;
  /** Back to idle with a clear clock (after saving, discarding or a failed start). */
  recordingEnded: () => void;
}

export const createRecorderSlice: SliceCreator<RecorderSlice> = (set, get) => ({
  phase: 'idle',
  recordingId: undefined,
  elapsed: seconds(0),
  markers: [],
  recordingStarting: () =>
    set({ phase: 'starting', recordingId: undefined, elapsed: seconds(0), markers: [] }),
  recordingStarted: (recordingId) => set({ phase: 'recording', recordingId }),
  tick: (elapsed) => set({ elapsed }),
  markNextSection: (at) => {
    const { phase, markers, mode } = get();
    const last = markers[markers.length - 1] ?? 0;
    if (phase !== 'recording' || markers.length >= MODES[mode].sections.length - 1) return false;
    set({ markers: [...markers, seconds(Math.max(at, last))] });
    return true;
  },
  recordingSaving: () => set({ phase: 'saving' }),
  recordingEnded: () =>
    set({ phase: 'idle', recordingId: undefined, elapsed: seconds(0), markers: [] }),
});
