/**
 * Pitfalls of the rubric with the words that triggered them, following its judging rules:
 * `overtime` when the last word ends past the limit; `vague_claims` only when unquantified
 * claims are the main way results are told; `laundry_list` for a run of technologies with no
 * problem or outcome attached; `team_over_self` when "we" does the acting and "I" never owns.
 */
import {
  I_ACTION,
  I_OWNERSHIP,
  OUTCOME_VERBS,
  VAGUE_INTENSIFIERS,
  TECH_PHRASE_LIST,
  TECH_SET,
  WE_ACTION,
} from './lexicon';
import type { Token, Unit } from './tokens';
import { evidenceOf, isHesitation, unitEvidence } from './tokens';
import type { Evidence, ReportOwnership, ReportPitfall } from './types';

/** Improvement claims: an outcome verb or comparative about the work. */
const CLAIM =
  / (improved|improve|improving|reduced|reduce|reducing|increased|increase|boosted|sped up|speed up|made (it|things|everything|the \w+) (much |way |a lot |significantly )?(faster|better|more reliable|cheaper|easier|smoother)|optimi[sz]ed|enhanced|streamlined|cut down|lowered|faster|better performance|more efficient|more reliable|more scalable|huge (impact|improvement|difference)|big (impact|improvement|difference)|(significant|major|massive|dramatic|noticeable) (improvement|impact|reduction|increase|gains?|boost|difference)|(much|way|a lot|far|so much) (more|less) (robust|stable|reliable|responsive|maintainable|scalable|efficient|productive)|(got|became|was|were|are|is) (a lot |much |way |far |so much )(better|faster|smoother|more stable|happier|more productive)|(huge|big|major|massive|significant) (gains?|wins?|savings)|(helped|boosted|drove|grew) (engagement|adoption|retention|revenue|sales|conversion|productivity)|sped (things|everything|it) up)/;

/** Attached outcome or problem for a technology run ("…with Kafka, which cut lag to seconds"). */
const ATTACHED =
  / (because|so that|to (cut|reduce|fix|handle|solve|scale|speed|make|get|bring|support|replace|keep|avoid|stop)|which (cut|reduced|let|made|gave|fixed|saved|brought|meant|allowed|helped)|that (cut|reduced|let|made|gave|fixed|saved|brought|allowed|helped)|problem|issue|slow|latency|outage)/;

const FUTURE = / (can|could|would|will|i'd|i'll|want to|hope to|going to|plan to|love to) /;

/** Detects vague claims: unquantified improvement claims outnumbering quantified ones. */
function vagueClaims(
  tokens: readonly Token[],
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
  metricCount: number,
): Evidence[] {
  const vague: Evidence[] = [];
  let quantified = 0;
  for (const u of units) {
    const claim =
      CLAIM.test(u.text) || (VAGUE_INTENSIFIERS.test(u.text) && OUTCOME_VERBS.test(u.text));
    if (metricUnits.has(u.index)) {
      if (claim || OUTCOME_VERBS.test(u.text)) quantified++;
      continue;
    }
    // Promises about the next job ("I can help you ship faster") are not results.
    if (claim && !FUTURE.test(u.text)) vague.push(unitEvidence(tokens, u));
  }
  const told = Math.max(quantified, metricCount);
  const flagged = vague.length >= 2 ? vague.length > told : vague.length === 1 && told === 0;
  return flagged ? vague : [];
}

/** Technologies closer than this many words form one run. */
const RUN_GAP = 4;

/**
 * Detects laundry lists: a run of four or more technologies named close together (a list),
 * with no problem or outcome attached in the run or the words around it.
 */
function laundryList(
  tokens: readonly Token[],
  units: readonly Unit[],
  metricTokens: ReadonlySet<number>,
): Evidence[] {
  const out: Evidence[] = [];
  const techAt: number[] = [];
  tokens.forEach((t, i) => {
    if (TECH_SET.has(t.norm) || isTechPhraseStart(tokens, i)) techAt.push(i);
  });
  const runs: [number, number][] = [];
  let runStart = 0;
  for (let k = 1; k <= techAt.length; k++) {
    const prev = techAt[k - 1] ?? 0;
    const cur = techAt[k];
    if (cur !== undefined && cur - prev <= RUN_GAP) continue;
    const run = techAt.slice(runStart, k);
    runStart = k;
    const names = new Set(run.map((i) => tokens[i]?.norm));
    if (names.size >= 4) runs.push([run[0] ?? 0, run[run.length - 1] ?? 0]);
  }
  for (const r of toolListRuns(tokens, units))
    if (!runs.some(([a, b]) => a <= r[1] && r[0] <= b)) runs.push(r);
  for (const [first, last] of runs) {
    const from = Math.max(0, first - 4);
    const to = Math.min(tokens.length - 1, last + 6);
    const context = ` ${tokens
      .slice(from, to + 1)
      .map((t) => t.norm)
      .join(' ')} `;
    let measured = false;
    for (let i = from; i <= to && !measured; i++) measured = metricTokens.has(i);
    if (!measured && !ATTACHED.test(context) && !OUTCOME_VERBS.test(context))
      out.push(evidenceOf(tokens, first, last));
  }
  return out;
}

/** Items of a spoken list: runs of tokens between commas (written) or clause pauses (ASR units). */
function listItems(tokens: readonly Token[], units: readonly Unit[]): [number, number][] {
  const items: [number, number][] = [];
  for (const u of units) {
    let start = u.first;
    for (let i = u.first; i <= u.last; i++) {
      const t = tokens[i];
      if (i === u.last || t?.clauseEnd || t?.sentenceEnd) {
        items.push([start, i]);
        start = i + 1;
      }
    }
  }
  return items;
}

/** Longest item (in words) that still reads as a list entry ("and some python", "sql server"). */
const MAX_ITEM_WORDS = 3;

/**
 * Finds list-shaped runs of tools: five or more short items in a row (commas, or clause pauses
 * in unpunctuated text) naming at least two known technologies. Catches tools the lexicon does
 * not know ("mirth connect, epic bridges, rhapsody…").
 */
function toolListRuns(tokens: readonly Token[], units: readonly Unit[]): [number, number][] {
  const items = listItems(tokens, units);
  const runs: [number, number][] = [];
  let run: [number, number][] = [];
  const flush = (): void => {
    if (run.length >= 5) {
      const first = run[0]?.[0] ?? 0;
      const last = run[run.length - 1]?.[1] ?? 0;
      let tech = 0;
      for (let i = first; i <= last; i++)
        if (TECH_SET.has(tokens[i]?.norm ?? '') || isTechPhraseStart(tokens, i)) tech++;
      if (tech >= 2) runs.push([first, last]);
    }
    run = [];
  };
  for (const item of items) {
    let words = 0;
    for (let i = item[0]; i <= item[1]; i++) if (!isHesitation(tokens[i]?.norm ?? '')) words++;
    if (words >= 1 && words <= MAX_ITEM_WORDS) run.push(item);
    else flush();
  }
  flush();
  return runs;
}

const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set(
  TECH_PHRASE_LIST.map((p) => p.trim().split(' ')[0] ?? ''),
);

function isTechPhraseStart(tokens: readonly Token[], i: number): boolean {
  if (!PHRASE_FIRST_WORDS.has(tokens[i]?.norm ?? '')) return false;
  const two = ` ${tokens[i]?.norm ?? ''} ${tokens[i + 1]?.norm ?? ''} `;
  return TECH_PHRASE_LIST.includes(two);
}

const TIME_CLAUSE =
  / (when|after|before|since|until|by the time) (i|we) (first )?(started|joined|arrived|got there|came in|was hired|got hired|moved)/g;

/**
 * Career narrative ("I actually started out in finance", "then I moved over to search"): the
 * speaker's path, not the speaker acting in the work.
 */
const CAREER_CLAUSE =
  / (i|i've) (actually |originally |first |then |later |eventually |kind of |sort of )?(started|began|moved|switched|transitioned|pivoted|went|came|ended up|drifted)( out| off| over| back)? (in|into|to|at|as|from|my career|with|out|over)\b/g;

/** Counts who acts: sentences where "I" acts or owns vs sentences where "we" acts. */
export function measureOwnership(
  tokens: readonly Token[],
  units: readonly Unit[],
): ReportOwnership {
  let iActions = 0;
  let weActions = 0;
  const evidence: Evidence[] = [];
  for (const u of units) {
    // "when I joined", "after I started" date the story; they are not the speaker acting.
    const text = u.text.replace(TIME_CLAUSE, ' ').replace(CAREER_CLAUSE, ' ');
    const i = I_ACTION.test(text) || I_OWNERSHIP.test(text);
    const we = WE_ACTION.test(text);
    if (i) iActions++;
    if (we) weActions++;
    if (we && !i && evidence.length < 5) evidence.push(unitEvidence(tokens, u));
  }
  const both = iActions + weActions;
  return {
    iActions,
    weActions,
    iShare: both ? Math.round((iActions / both) * 100) / 100 : 0,
    evidence,
  };
}

/** Finds the pitfalls of an answer. `limit` is the mode's total budget maximum (180 s for walkthroughs). */
export function findPitfalls(
  tokens: readonly Token[],
  units: readonly Unit[],
  metricUnits: ReadonlySet<number>,
  metricTokens: ReadonlySet<number>,
  metricCount: number,
  ownership: ReportOwnership,
  limit: number,
): ReportPitfall[] {
  const out: ReportPitfall[] = [];
  const laundry = laundryList(tokens, units, metricTokens);
  if (laundry.length) out.push({ id: 'laundry_list', evidence: laundry });
  const vague = vagueClaims(tokens, units, metricUnits, metricCount);
  if (vague.length) out.push({ id: 'vague_claims', evidence: vague });
  if (ownership.weActions >= 3 && ownership.iActions === 0) {
    out.push({ id: 'team_over_self', evidence: ownership.evidence });
  }
  const last = tokens[tokens.length - 1];
  if (last && last.end > limit) {
    const over = tokens.filter((t) => t.end > limit).slice(0, 12);
    const first = over[0];
    out.push({
      id: 'overtime',
      evidence: [
        { text: over.map((t) => t.raw).join(' '), start: first?.start ?? limit, end: last.end },
      ],
    });
  }
  return out;
}
