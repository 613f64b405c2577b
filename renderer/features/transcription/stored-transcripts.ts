/**
 * Final transcripts of saved attempts: loaded from storage for the review, or made afterwards
 * from the stored 16 kHz track (recovered recordings, or ones made before a model was ready).
 */
import { readTrack } from '../../storage/attempts';
import type { PitchpaceDatabase } from '../../storage/schema';
import { loadTranscript, saveTranscript } from '../../storage/transcripts';
import { setFinalTranscript, useFinalTranscripts } from './transcript-stores';
import type { TranscriptionEngine } from './transcription-engine';

export class StoredTranscripts {
  constructor(
    private readonly engine: TranscriptionEngine,
    private readonly activeModelId: () => string | null,
    private readonly db: PitchpaceDatabase,
  ) {}

  /** Looks the attempt's transcript up, unless this session already knows its state. */
  async loadStored(attemptId: string): Promise<void> {
    const known = () => useFinalTranscripts.getState()[attemptId] !== undefined;
    if (known()) return;
    try {
      const transcript = await loadTranscript(this.db, attemptId);
      // a live transcription may have reported meanwhile: it is newer than what was stored
      if (!known())
        setFinalTranscript(
          attemptId,
          transcript ? { status: 'ready', transcript } : { status: 'none' },
        );
    } catch (error) {
      if (!known())
        setFinalTranscript(attemptId, { status: 'error', message: errorMessage(error) });
    }
  }

  /** Transcribes a saved attempt's 16 kHz track with the loaded model and saves the result. */
  async transcribeStored(attemptId: string): Promise<void> {
    const modelId = this.activeModelId();
    if (!modelId) return;
    setFinalTranscript(attemptId, { status: 'transcribing' });
    try {
      const { samples } = await readTrack(this.db, attemptId, 'speech16k');
      if (samples.length === 0) throw new Error('this attempt has no stored 16 kHz audio.');
      const transcript = await this.engine.transcribe(modelId, samples);
      const saved = await saveTranscript(this.db, attemptId, transcript);
      setFinalTranscript(attemptId, saved ? { status: 'ready', transcript } : { status: 'none' });
    } catch (error) {
      setFinalTranscript(attemptId, { status: 'error', message: errorMessage(error) });
    }
  }
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
