/**
 * Follow-up questions an interviewer is likely to ask, derived from the gaps of a rehearsal
 * (the rubric's list: alternatives rejected, evidence behind each number, challenges, what the
 * speaker would change).
 */
import type { CoachReport } from './types';

type Gaps = Pick<CoachReport, 'mode' | 'coverage' | 'pitfalls' | 'ownership'>;

const ELEMENT_QUESTIONS: Readonly<Record<string, string>> = {
  problem:
    'What problem were you solving, and how did you know it mattered (what was the baseline)?',
  role: 'What exactly did you own, and who else was involved?',
  decisions: 'What alternatives did you consider, and why did you reject them?',
  execution: 'How did you roll it out safely, and how did you test and monitor it?',
  results: 'What changed because of this work, and how did you measure it?',
  challenges: 'What was the hardest problem you hit, and how did you handle it?',
  lessons: 'What would you do differently if you did it again?',
  headline: 'How would you sum up what you do in one sentence?',
  recent: 'What have you worked on most recently, and what was your impact there?',
  close: 'Why this role, and why now?',
};

/** Up to six follow-up questions, most likely first. */
export function followUps(r: Gaps): string[] {
  const out: string[] = [];
  for (const [id, c] of Object.entries(r.coverage.elements)) {
    const q = ELEMENT_QUESTIONS[id];
    if (c && !c.covered && q) out.push(q);
  }
  const firstMetric = r.coverage.metrics[0];
  if (firstMetric)
    out.push(`You mentioned "${firstMetric.text}": how was that measured, and over what period?`);
  else out.push('Can you put a number on the impact: latency, cost, reliability or revenue?');
  if (r.mode === 'deepdive' && r.coverage.tradeoffs.length < 2) {
    out.push('What did your approach cost you, and what did you give up for it?');
  }
  if (
    r.pitfalls.some((p) => p.id === 'team_over_self') ||
    (r.ownership.weActions > 2 * r.ownership.iActions && r.ownership.weActions > 2)
  ) {
    out.push('Which parts of this did you do yourself, as opposed to the team?');
  }
  if (r.pitfalls.some((p) => p.id === 'laundry_list'))
    out.push('Why did you pick those tools over the alternatives?');
  if (r.mode === 'walkthrough') {
    for (const role of r.coverage.roles) {
      if (!role.parts.result.covered && role.section === 'recent') {
        out.push(
          `In the role starting "${role.intro.text.split(' ').slice(0, 6).join(' ')}…", what was the measurable result?`,
        );
        break;
      }
    }
  }
  return [...new Set(out)].slice(0, 6);
}
