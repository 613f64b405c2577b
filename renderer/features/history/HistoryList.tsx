import { useState } from 'react';
import { MODES } from '../../../core/modes';
import { formatClock } from '../../../core/units';
import { useAppStore } from '../../store/app-store';
import { deleteAttempt } from '../../storage/attempts';
import { appDatabase } from '../../storage/schema';
import { formatAttemptDate } from './attempt-date';
import './history.css';

/** Saved attempts, newest first: open one in the review, or delete it (with confirmation). */
export function HistoryList() {
  const attempts = useAppStore((s) => s.attempts);
  const loaded = useAppStore((s) => s.attemptsLoaded);
  const openId = useAppStore((s) => s.openAttemptId);
  const open = useAppStore((s) => s.openAttempt);
  const remove = useAppStore((s) => s.removeAttempt);
  const showNotice = useAppStore((s) => s.showNotice);
  const busy = useAppStore((s) => s.phase !== 'idle');
  const [confirming, setConfirming] = useState<string | undefined>();

  const confirmDelete = async (id: string) => {
    setConfirming(undefined);
    try {
      await deleteAttempt(appDatabase(), id);
      remove(id);
    } catch {
      showNotice('error', 'The attempt could not be deleted.');
    }
  };

  return (
    <nav className="history" aria-labelledby="history-title">
      <h2 id="history-title" className="history__title">
        Past attempts
      </h2>
      {loaded && attempts.length === 0 ? (
        <p className="muted">Nothing yet. Your recordings appear here.</p>
      ) : null}
      <ul className="history__list">
        {attempts.map((attempt) => {
          const when = formatAttemptDate(attempt.createdAt);
          return (
            <li
              key={attempt.id}
              className="history__row"
              data-testid="attempt-row"
              aria-current={attempt.id === openId ? 'true' : undefined}
            >
              <button
                type="button"
                className="history__open"
                disabled={busy}
                onClick={() => open(attempt.id)}
              >
                <span className="history__mode">{MODES[attempt.mode].label}</span>
                <span className="history__meta">
                  {when} · {formatClock(attempt.duration)}
                </span>
              </button>
              {confirming === attempt.id ? (
                <span className="history__confirm">
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => void confirmDelete(attempt.id)}
                  >
                    Delete
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setConfirming(undefined)}
                  >
                    Keep
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--quiet history__delete"
                  disabled={busy}
                  aria-label={`Delete attempt from ${when}`}
                  onClick={() => setConfirming(attempt.id)}
                >
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
