/** The human-readable form of a coaching report, for the terminal. */
import type { CoachReport } from '../../core/coach/analyze';

/** Formats a report as plain text; `clock` turns seconds into m:ss. */
export function formatReport(r: CoachReport, clock: (t: number) => string): string {
  const lines: string[] = [];
  lines.push(`Pitchpace — ${r.mode} — ${clock(r.duration)} — score ${r.score.overall}/100`);
  lines.push('');
  lines.push('Sections');
  for (const s of r.sections) {
    lines.push(
      `  ${s.id.padEnd(11)} ${clock(s.start)}–${clock(s.end)}  ${s.duration.toFixed(0).padStart(3)} s  (budget ${s.budget.min}–${s.budget.max} s, ${s.status})  ${s.wpm} wpm`,
    );
  }
  lines.push('');
  lines.push('Coverage');
  for (const [id, c] of Object.entries(r.coverage.elements)) {
    if (!c) continue;
    const quote = c.evidence[0] ? `  “${truncate(c.evidence[0].text, 70)}”` : '';
    lines.push(`  ${c.covered ? '✓' : '✗'} ${id.padEnd(11)}${quote}`);
  }
  for (const role of r.coverage.roles) {
    const parts = Object.entries(role.parts).map(([id, p]) => `${p.covered ? '+' : '-'}${id}`);
    lines.push(`  role (${role.section}) “${truncate(role.intro.text, 40)}”: ${parts.join(' ')}`);
  }
  lines.push(
    `  metrics (${r.coverage.metrics.length}): ${r.coverage.metrics.map((m) => `“${truncate(m.text, 40)}”`).join('; ') || 'none'}`,
  );
  lines.push(
    `  trade-offs (${r.coverage.tradeoffs.length}): ${r.coverage.tradeoffs.map((m) => `“${truncate(m.text, 50)}”`).join('; ') || 'none'}`,
  );
  lines.push(`  ownership: ${r.ownership.iActions} "I" vs ${r.ownership.weActions} "we" sentences`);
  lines.push('');
  lines.push('Pitfalls');
  if (r.pitfalls.length === 0) lines.push('  none');
  for (const p of r.pitfalls)
    lines.push(
      `  ${p.id} at ${clock(p.evidence[0]?.start ?? 0)}: “${truncate(p.evidence[0]?.text ?? '', 70)}”`,
    );
  lines.push('');
  lines.push('Delivery');
  lines.push(
    `  ${r.pace.wpm} wpm, ${r.pace.fillersPerMinute} fillers/min, ${r.pace.longPauses.length} pauses over 1.5 s`,
  );
  if (r.pace.repeated.length)
    lines.push(`  repeated: ${r.pace.repeated.map((p) => `${p.text} ×${p.count}`).join(', ')}`);
  lines.push('');
  lines.push('Score');
  for (const p of r.score.parts)
    lines.push(`  ${p.label.padEnd(24)} ${String(p.points).padStart(2)}/${p.max}  ${p.detail}`);
  lines.push('');
  lines.push('Suggestions');
  r.suggestions.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  lines.push('');
  lines.push('Likely follow-ups');
  for (const q of r.followUps) lines.push(`  - ${q}`);
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
