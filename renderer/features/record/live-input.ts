/**
 * The microphone input currently open, for components that draw from it (level meter, live
 * waveform). Kept out of the app store: it is a live audio object, not state to persist or diff.
 */
import { create } from 'zustand';
import type { MicrophoneInput } from '../../audio/microphone-input';

export const useLiveInput = create<{ input: MicrophoneInput | undefined }>()(() => ({
  input: undefined,
}));
