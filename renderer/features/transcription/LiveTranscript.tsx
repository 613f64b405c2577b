import { transcriptText, useLiveTranscript } from './transcript-stores';
import './transcription.css';

/** The transcript so far, while recording: one quiet box that grows at each pause. */
export function LiveTranscript() {
  const { status, windows, message } = useLiveTranscript();
  if (status === 'off') return null;
  const text = transcriptText(windows.flatMap((w) => w.words));
  return (
    // column-reverse on the outer box keeps the newest words in view without scripted scrolling
    <div className="live-transcript" aria-live="polite" aria-label="Live transcript">
      <div>
        {status === 'error' ? (
          <p className="live-transcript__note">Live transcript stopped: {message}</p>
        ) : null}
        <p className="live-transcript__text" data-testid="live-transcript">
          {text}
        </p>
        {text === '' && status === 'listening' ? (
          <p className="live-transcript__note">Listening… the transcript appears at each pause.</p>
        ) : null}
      </div>
    </div>
  );
}
