import type { CoachReport } from '../../../core/coach/types';

/** The overall score with each part's points and why points were lost. */
export function ScoreCard({ report }: { report: CoachReport }) {
  const { score } = report;
  const max = score.parts.reduce((n, p) => n + p.max, 0);
  return (
    <section className="card score" aria-labelledby="score-title">
      <h3 id="score-title">Score</h3>
      <p className="score__overall" data-testid="score">
        <strong>{score.overall}</strong>
        <span className="muted"> / {max}</span>
      </p>
      <ul className="score__parts">
        {score.parts.map((part) => (
          <li key={part.id} data-testid={`score-${part.id}`}>
            <div className="score__row">
              <span>{part.label}</span>
              <span className="score__points">
                {part.points} / {part.max}
              </span>
            </div>
            <div
              className="score__bar"
              role="img"
              aria-label={`${part.label}: ${part.points} of ${part.max}`}
            >
              <div style={{ width: `${(100 * part.points) / Math.max(1, part.max)}%` }} />
            </div>
            <p className="score__detail">{part.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The three suggestions and the questions an interviewer is likely to ask next. */
export function NextSteps({ report }: { report: CoachReport }) {
  return (
    <section className="card next-steps" aria-labelledby="next-title">
      <h3 id="next-title">What to work on</h3>
      <ol className="next-steps__suggestions" data-testid="suggestions">
        {report.suggestions.slice(0, 3).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <h4>Follow-up questions to prepare</h4>
      <ul className="next-steps__followups" data-testid="followups">
        {report.followUps.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
    </section>
  );
}
