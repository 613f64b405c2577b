/**
 * Transcript state for the UI: the live transcript of the recording in progress, and final
 * transcripts by attempt (being finished after Stop, loaded from storage, or failed).
 */
import { create } from 'zustand';
import type { Transcript } from '../../../core/transcript';
import type { LiveWindow } from './transcription-engine';

export interface LiveTranscriptState {
  /** `off`: no model, so no transcript; `listening`: windows arrive at each pause. */
  status: 'off' | 'listening' | 'error';
  attemptId: string | null;
  windows: LiveWindow[];
  message: string | null;
}

export const useLiveTranscript = create<LiveTranscriptState>()(() => ({
  status: 'off',
  attemptId: null,
  windows: [],
  message: null,
}));

export type FinalTranscriptState =
  | { status: 'transcribing' }
  | { status: 'ready'; transcript: Transcript }
  | { status: 'none' }
  | { status: 'error'; message: string };

/** Final transcripts known this session, by attempt id (absent: not looked up yet). */
export const useFinalTranscripts = create<Record<string, FinalTranscriptState>>()(() => ({}));

export function setFinalTranscript(attemptId: string, state: FinalTranscriptState): void {
  useFinalTranscripts.setState({ [attemptId]: state });
}

/** Words as running text. */
export function transcriptText(words: readonly { text: string }[]): string {
  return words.map((w) => w.text).join(' ');
}
