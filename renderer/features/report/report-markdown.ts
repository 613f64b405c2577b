/** The report as a Markdown document a candidate can keep or share. Pure. */
import type { CoachReport } from '../../../core/coach/types';
import type { ModeId } from '../../../core/modes';
import { MODES } from '../../../core/modes';
import type { Transcript } from '../../../core/transcript';
import { formatClock, seconds } from '../../../core/units';
import { coverageGroups } from './coverage-items';
import { waveSections } from './wave-sections';

const clock = (t: number) => formatClock(seconds(t));
const STATUS: Record<string, string> = { under: 'short', within: 'on target', over: 'too long' };

/** The transcript as plain text, one paragraph per segment when there are segments. */
export function transcriptText(transcript: Transcript): string {
  return transcript.words
    .map((w) => w.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The full report: score, sections, coverage with quotes, pace, next steps, transcript. */
export function reportMarkdown(
  mode: ModeId,
  createdAt: number,
  report: CoachReport,
  transcript: Transcript,
): string {
  const lines: string[] = [];
  lines.push(`# ${MODES[mode].label}`, '');
  lines.push(
    `Rehearsed ${new Date(createdAt).toISOString().slice(0, 16).replace('T', ' ')} · ${clock(report.duration)} long · score **${report.score.overall}**`,
    '',
  );
  lines.push('## Score', '', '| Part | Points | Why |', '|---|---|---|');
  for (const p of report.score.parts)
    lines.push(`| ${p.label} | ${p.points} / ${p.max} | ${p.detail} |`);
  lines.push(
    '',
    '## Where the time went',
    '',
    '| Section | From | Length | Budget | Status |',
    '|---|---|---|---|---|',
  );
  for (const [i, s] of waveSections(mode, report.sections).entries()) {
    const budget = report.sections[i]?.budget;
    lines.push(
      `| ${s.label} | ${clock(s.start)} | ${clock(s.end - s.start)} | ${budget ? `${clock(budget.min)}–${clock(budget.max)}` : ''} | ${STATUS[s.status] ?? s.status} |`,
    );
  }
  lines.push('', '## Coverage', '');
  for (const group of coverageGroups(mode, report)) {
    lines.push(`### ${group.title}`, '');
    for (const item of group.items) {
      const count = item.count ? ` (${item.count.have} of ${item.count.want})` : '';
      lines.push(`- [${item.covered ? 'x' : ' '}] **${item.label}**${count}`);
      const quotes = item.count ? item.evidence : item.evidence.slice(0, 1);
      for (const e of quotes) lines.push(`  - ${clock(e.start)} “${e.text}”`);
      if (item.toAdd) lines.push(`  - To add: ${item.toAdd}`);
    }
    lines.push('');
  }
  const p = report.pace;
  lines.push(
    '## Delivery',
    '',
    `- Pace: ${Math.round(p.wpm)} words/min (comfortable 120–170)`,
    `- Fillers: ${p.fillerCount} (${p.fillersPerMinute} per minute)`,
    `- Long pauses (over 1.5 s): ${p.longPauses.length}`,
    '',
  );
  if (report.pitfalls.length) {
    lines.push('## Pitfalls', '');
    for (const pitfall of report.pitfalls) {
      const quote = pitfall.evidence[0];
      lines.push(`- **${pitfall.id}**${quote ? `: ${clock(quote.start)} “${quote.text}”` : ''}`);
    }
    lines.push('');
  }
  lines.push('## What to work on', '');
  report.suggestions.slice(0, 3).forEach((s, i) => lines.push(`${i + 1}. ${s}`));
  lines.push('', '## Follow-up questions to prepare', '');
  for (const q of report.followUps) lines.push(`- ${q}`);
  lines.push('', '## Transcript', '', transcriptText(transcript), '');
  return lines.join('\n');
}

/** A file name for the export: mode and date, safe on every file system. */
export function reportFileName(mode: ModeId, createdAt: number): string {
  const stamp = new Date(createdAt).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return `pitchpace-${mode}-${stamp}.md`;
}
