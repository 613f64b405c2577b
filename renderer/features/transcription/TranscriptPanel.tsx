import { useEffect } from 'react';
import { storedTranscripts } from '../../app/services';
import { useModelStore } from '../models/model-store';
import { transcriptText, useFinalTranscripts } from './transcript-stores';
import './transcription.css';

export interface TranscriptPanelProps {
  attemptId: string;
}

/** The attempt's final transcript as plain text (the timed view lives in the report). */
export function TranscriptPanel({ attemptId }: TranscriptPanelProps) {
  const state = useFinalTranscripts((all) => all[attemptId]);
  const modelReady = useModelStore((s) => s.load.kind === 'ready');
  useEffect(() => {
    if (!state) void storedTranscripts.loadStored(attemptId);
  }, [attemptId, state]);
  return (
    <section className="card transcript-panel" aria-labelledby="transcript-title">
      <h3 id="transcript-title">Transcript</h3>
      {state?.status === 'ready' ? (
        <>
          <p className="transcript-final" data-testid="transcript-final">
            {transcriptText(state.transcript.words) || '(No speech was heard.)'}
          </p>
          <p className="transcript-panel__meta muted">
            {state.transcript.words.length} words
            {state.transcript.model ? ` · ${state.transcript.model}` : ''}
          </p>
        </>
      ) : (
        <p className="muted">
          {!state
            ? 'Loading…'
            : state.status === 'transcribing'
              ? 'Transcribing the last words…'
              : state.status === 'error'
                ? `The transcript could not be made: ${state.message}`
                : 'This attempt has no transcript.'}
        </p>
      )}
      {(state?.status === 'none' || state?.status === 'error') && modelReady ? (
        <button
          type="button"
          className="button"
          onClick={() => void storedTranscripts.transcribeStored(attemptId)}
        >
          Transcribe this recording
        </button>
      ) : null}
    </section>
  );
}
