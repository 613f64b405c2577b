import type { ReactNode } from 'react';
import { useCallback, useState } from 'react';
import { MODES } from '../../../core/modes';
import type { EdgeSide } from '../../../core/timing';
import { moveSectionEdge, sectionsFromBoundaries } from '../../../core/timing';
import type { Seconds } from '../../../core/units';
import { formatClock } from '../../../core/units';
import { useAppStore } from '../../store/app-store';
import { saveBoundaries } from '../../storage/attempts';
import type { AttemptRecord } from '../../storage/schema';
import { appDatabase } from '../../storage/schema';
import { formatAttemptDate } from '../history/attempt-date';
import { RecordingAudio } from '../waveform/RecordingAudio';
import type { ReviewPlayer } from './review-player';
import { ReviewPlayerContext } from './review-player';
import { ReviewWaveform } from './ReviewWaveform';
import { SectionBars } from './SectionBars';
import { useReviewAudio } from './use-review-audio';
import './review.css';

const END_REASON: Record<NonNullable<AttemptRecord['endReason']>, string> = {
  stopped: '',
  'device-lost': ' · stopped when the microphone was disconnected',
  recovered: ' · recovered after an interruption',
};

export interface ReviewPageProps {
  attempt: AttemptRecord;
  /**
   * Further panels (transcript, coaching results) shown after the timing. They can reach the
   * audio player through `useReviewPlayer()`.
   */
  children?: ReactNode;
}

/** Review of one attempt: waveform with sections, time per section, then any extra panels. */
export function ReviewPage({ attempt, children }: ReviewPageProps) {
  const audioState = useReviewAudio(attempt.id);
  const [player, setPlayer] = useState<ReviewPlayer>();
  const setBoundaries = useAppStore((s) => s.setBoundaries);
  const showNotice = useAppStore((s) => s.showNotice);
  const mode = MODES[attempt.mode];
  const duration = audioState.status === 'ready' ? audioState.audio.duration : attempt.duration;
  const spans = sectionsFromBoundaries(mode, attempt.boundaries, duration);

  const onEdgeMove = useCallback(
    (index: number, side: EdgeSide, time: Seconds, done: boolean) => {
      const current = useAppStore.getState().attempts.find((a) => a.id === attempt.id);
      if (!current) return;
      const boundaries = moveSectionEdge(current.boundaries, index, side, time, duration);
      setBoundaries(attempt.id, boundaries);
      if (done) {
        saveBoundaries(appDatabase(), attempt.id, boundaries).catch(() =>
          showNotice('error', 'The new section timing could not be saved.'),
        );
      }
    },
    [attempt.id, duration, setBoundaries, showNotice],
  );

  return (
    <article className="review" aria-labelledby="review-title">
      <header className="review__head">
        <h2 id="review-title">{mode.label}</h2>
        <p className="muted">
          {formatAttemptDate(attempt.createdAt)} · {formatClock(duration)}
          {attempt.endReason ? END_REASON[attempt.endReason] : ''}
        </p>
      </header>
      <section className="card" aria-label="Recording">
        <RecordingAudio state={audioState}>
          {(audio) => (
            <ReviewWaveform
              audio={audio}
              spans={spans}
              onEdgeMove={onEdgeMove}
              onPlayer={setPlayer}
            />
          )}
        </RecordingAudio>
      </section>
      <section className="card" aria-labelledby="timing-title">
        <h3 id="timing-title">Where the time went</h3>
        <SectionBars mode={mode} spans={spans} duration={duration} />
      </section>
      <ReviewPlayerContext.Provider value={player}>{children}</ReviewPlayerContext.Provider>
    </article>
  );
}
