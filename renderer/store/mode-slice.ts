/** What the next recording will be: the rehearsal mode and the microphone. */
import type { ModeId } from '../../core/modes';
import type { MicrophoneOption } from '../audio/microphone';
import type { SliceCreator } from './types';

export interface ModeSlice {
  mode: ModeId;
  microphones: MicrophoneOption[];
  /** The chosen input; undefined means the system default. */
  microphoneId: string | undefined;
  setMode: (mode: ModeId) => void;
  setMicrophones: (microphones: MicrophoneOption[]) => void;
  selectMicrophone: (deviceId: string | undefined) => void;
}

export const createModeSlice: SliceCreator<ModeSlice> = (set) => ({
  mode: 'walkthrough',
  microphones: [],
  microphoneId: undefined,
  setMode: (mode) => set({ mode }),
  setMicrophones: (microphones) =>
    set((state) => ({
      microphones,
      // A chosen device that disappeared falls back to the default input.
      microphoneId: microphones.some((m) => m.deviceId === state.microphoneId)
        ? state.microphoneId
        : undefined,
    })),
  selectMicrophone: (microphoneId) => set({ microphoneId }),
});
