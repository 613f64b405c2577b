import type { ReactNode } from 'react';
import { useCallback, useMemo, useState } from 'react';
import { MODES } from '../../../core/modes';
import { formatClock, seconds } from '../../../core/units';
import type { Transcript } from '../../../core/transcript';
import type { AttemptRecord } from '../../storage/schema';
import { formatAttemptDate } from '../history/attempt-date';
import { ReviewPage } from '../review/ReviewPage';
import { SectionBars } from '../review/SectionBars';
import '../review/review.css';
import { useReviewShortcuts } from '../shortcuts/use-review-shortcuts';
import { RecordingAudio } from '../waveform/RecordingAudio';
import { useAttemptTranscript } from './attempt-transcript';
import { CoverageChecklist } from './CoverageChecklist';
import { ExportBar, downloadMarkdown, exportPdf } from './ExportBar';
import { PaceChart } from './PaceChart';
import { transcriptText } from './report-markdown';
import { ReportPlayer, ReportPlayerContext } from './report-player';
import { ReportWaveform } from './ReportWaveform';
import { NextSteps, ScoreCard } from './ScoreCard';
import { SectionEditor } from './SectionEditor';
import { moveSectionStart } from './section-corrections';
import { TranscriptPanel } from './TranscriptPanel';
import { layoutTranscript } from './transcript-layout';
import { useAttemptReport } from './use-attempt-report';
import { useReportAudio } from './use-report-audio';
import { budgetSpans, waveSections } from './wave-sections';
import './report.css';

export interface AttemptReviewProps {
  attempt: AttemptRecord;
  /** Shown while the attempt has no transcript (transcription status, a transcribe button). */
  children?: ReactNode;
}

/**
 * The review of an attempt: the coaching report once it has a transcript, otherwise the plain
 * marker-timed review with whatever the caller adds (e.g. transcription progress).
 */
export function AttemptReview({ attempt, children }: AttemptReviewProps) {
  const transcript = useAttemptTranscript(attempt.id);
  // Wait for the (quick) transcript lookup before choosing a view: each view loads the audio,
  // and starting the wrong one would read an hour of audio twice.
  if (transcript.status === 'loading') {
    return <p className="muted review__placeholder">Opening the attempt…</p>;
  }
  if (transcript.status === 'none') return <ReviewPage attempt={attempt}>{children}</ReviewPage>;
  return <CoachingReview attempt={attempt} transcript={transcript.transcript} />;
}

function CoachingReview({
  attempt,
  transcript,
}: {
  attempt: AttemptRecord;
  transcript: Transcript;
}) {
  const [player] = useState(() => new ReportPlayer());
  const audioState = useReportAudio(attempt.id);
  const { state, fixed, correct } = useAttemptReport(attempt, transcript);
  const mode = MODES[attempt.mode];
  const report = state.status === 'failed' ? undefined : state.report;
  const sections = useMemo(
    () => (report ? waveSections(attempt.mode, report.sections) : []),
    [attempt.mode, report],
  );
  const layout = useMemo(() => layoutTranscript(transcript, report), [transcript, report]);
  const duration = seconds(
    audioState.status === 'ready'
      ? audioState.audio.duration
      : Math.max(attempt.duration, transcript.duration),
  );
  const onMoveStart = useCallback(
    (index: number, time: number) => {
      if (report) correct(moveSectionStart(attempt.mode, fixed, report.sections, index, time));
    },
    [attempt.mode, correct, fixed, report],
  );
  const jumpSection = (direction: 1 | -1) => {
    const now = player.time + (direction > 0 ? 0.05 : -0.5);
    const starts = sections.map((s) => s.start);
    const target =
      direction > 0 ? starts.find((t) => t > now) : [...starts].reverse().find((t) => t < now);
    if (target !== undefined) player.seek(target);
  };
  useReviewShortcuts({
    togglePlay: () => player.togglePlay(),
    back: () => player.skip(-5),
    forward: () => player.skip(5),
    previousSection: () => jumpSection(-1),
    nextSection: () => jumpSection(1),
    zoomIn: () => player.setZoom(player.zoomLevel + 1),
    zoomOut: () => player.setZoom(player.zoomLevel - 1),
    slower: () => player.stepRate(-1),
    faster: () => player.stepRate(1),
    ...(report
      ? {
          exportMarkdown: () =>
            downloadMarkdown({
              mode: attempt.mode,
              createdAt: attempt.createdAt,
              report,
              transcript,
            }),
          exportPdf: () => exportPdf(attempt.mode, attempt.createdAt),
          copyTranscript: () => void navigator.clipboard.writeText(transcriptText(transcript)),
        }
      : {}),
  });

  return (
    <ReportPlayerContext.Provider value={player}>
      <article className="review report" aria-labelledby="review-title" data-testid="report">
        <header className="report__head">
          <div>
            <h2 id="review-title">{mode.label}</h2>
            <p className="muted">
              {formatAttemptDate(attempt.createdAt)} · {formatClock(duration)} ·{' '}
              {transcript.words.length} words
              {state.status === 'analysing' ? ' · analysing…' : ''}
            </p>
          </div>
          {report ? (
            <ExportBar
              mode={attempt.mode}
              createdAt={attempt.createdAt}
              report={report}
              transcript={transcript}
            />
          ) : null}
        </header>
        {state.status === 'failed' ? (
          <p className="notice notice--error" role="alert">
            The coaching report could not be made: {state.message}
          </p>
        ) : null}
        <section className="card report__wave" aria-label="Recording">
          <RecordingAudio state={audioState}>
            {(audio) => (
              <ReportWaveform
                audio={audio}
                sections={sections}
                player={player}
                onMoveStart={onMoveStart}
              />
            )}
          </RecordingAudio>
        </section>
        <div className="report__columns">
          <TranscriptPanel words={transcript.words} layout={layout} sections={sections} />
          <div className="report__side">
            {report ? <ScoreCard report={report} /> : null}
            {report ? <NextSteps report={report} /> : null}
          </div>
        </div>
        {report ? (
          <>
            <CoverageChecklist mode={attempt.mode} report={report} />
            <PaceChart transcript={transcript} report={report} sections={sections} />
            <div className="report__columns report__columns--even">
              <section className="card" aria-labelledby="timing-title">
                <h3 id="timing-title">Where the time went</h3>
                <SectionBars
                  mode={mode}
                  spans={budgetSpans(attempt.mode, report.sections)}
                  duration={duration}
                />
              </section>
              <SectionEditor
                mode={attempt.mode}
                sections={sections}
                fixed={fixed}
                corrected={attempt.sectionCorrections !== undefined}
                onCorrect={correct}
              />
            </div>
            <section className="card report__print-transcript" aria-hidden="true">
              <h3>Transcript</h3>
              <p>{transcriptText(transcript)}</p>
            </section>
          </>
        ) : null}
      </article>
    </ReportPlayerContext.Provider>
  );
}
