import { HistoryList } from '../features/history/HistoryList';
import { ModelPanel } from '../features/models/ModelPanel';
import { ModePicker } from '../features/mode/ModePicker';
import { NoticeBanner } from '../features/notices/NoticeBanner';
import { RecordPanel } from '../features/record/RecordPanel';
import { AttemptReview } from '../features/report/AttemptReview';
import { LiveGuidance } from '../features/report/LiveGuidance';
import { HelpOverlay } from '../features/shortcuts/HelpOverlay';
import { LiveTranscript } from '../features/transcription/LiveTranscript';
import { TranscriptPanel } from '../features/transcription/TranscriptPanel';
import { useAppStore } from '../store/app-store';
import { ThemeToggle } from '../theme/ThemeToggle';

/** The one window: mode and history on the side, recorder and review in the main column. */
export function App() {
  const openAttempt = useAppStore((s) => s.attempts.find((a) => a.id === s.openAttemptId));
  const idle = useAppStore((s) => s.phase === 'idle');
  return (
    <div className="app">
      <header className="app__bar">
        <h1 className="app__name">
          <span className="app__logo" aria-hidden="true" />
          Pitchpace
        </h1>
        <p className="app__tagline">Rehearse out loud. Recordings stay on this computer.</p>
        <div className="app__tools">
          <ThemeToggle />
          <HelpOverlay />
        </div>
      </header>
      <div className="app__body">
        <aside className="app__side">
          <ModePicker />
          <ModelPanel />
          <HistoryList />
        </aside>
        <main className="app__main">
          <NoticeBanner />
          <RecordPanel
            liveExtras={
              <>
                <LiveGuidance />
                <LiveTranscript />
              </>
            }
          />
          {openAttempt && idle ? (
            <AttemptReview key={openAttempt.id} attempt={openAttempt}>
              <TranscriptPanel attemptId={openAttempt.id} />
            </AttemptReview>
          ) : null}
        </main>
      </div>
    </div>
  );
}
