/**
 * Whether one number in the transcript is a measurement, and of what. Applies the rubric's
 * judging rules: team sizes, durations and dates, counts of phases or services, rollout shares,
 * configuration values and versions are not metrics; a number tied to a measured quantity is.
 */
import { CLAUSE_END, PERCENTILE, TARGET_WORD, TIME_KEYS, findKey, topicWords } from './metric-keys';
import { findNumbers, type NumberMention } from './numbers';
import {
  CONFIG_CONTEXT,
  HEADCOUNT,
  LABEL_BEFORE,
  LONG_TIME,
  MEASURE_NOUNS,
  MEASURE_UNITS,
  MID_TIME,
  ROLLOUT_CONTEXT,
  SHORT_TIME,
  VELOCITY_CONTEXT,
  WORK_COUNT,
  quantityKey,
} from './quantities';
import type { Token, Unit } from './tokens';
import { evidenceOf } from './tokens';
import type { Evidence } from './types';

export { CLAUSE_END, PERCENTILE };

/** A number judged to be a measurement, before deduplication. */
export interface MetricMention {
  number: NumberMention;
  unit: number;
  /** What it measures ("p99", "cost", …) or undefined when the words do not say. */
  key: string | undefined;
  /** Content words around the number (stemmed): keyless mentions sharing one are one quantity. */
  topic: string[];
  /** Said as a target or SLO: merges with the measured value of the same kind. */
  target: boolean;
  /** Unit class used to merge keyless mentions: "percent", "time", "money", "ratio", "count". */
  unitClass: string;
  evidence: Evidence;
}

/** Normalised words of tokens from..to (inclusive). */
export function words(tokens: readonly Token[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i <= to; i++) out.push(tokens[i]?.norm ?? '');
  return out;
}

/** The unit word after the number that follows `n` ("to forty five milliseconds" → "milliseconds"). */
function partnerUnitWord(
  tokens: readonly Token[],
  n: NumberMention,
  unit: Unit,
): string | undefined {
  const rest = words(tokens, n.last + 1, Math.min(unit.last, n.last + 10));
  const partner = findNumbers(rest).find((m) => m.first <= 3);
  if (!partner) return undefined;
  return partner.suffix && partner.suffix !== '$' ? partner.suffix : rest[partner.last + 1];
}

/** "<number> <noun> a week", "per second": a rate, which measures something by its form. */
const RATE =
  /^ ([a-z-]+ ){0,3}(a|per|each|every) (second|minute|hour|day|night|week|month|year|quarter) /;

/** How often something happens ("once or twice a week", "three times a night"). */
const FREQUENCY =
  /^ (or (once|twice|[a-z]+ times) )?(a|per|each|every) (day|night|week|month|shift|deploy|release) /;
/** Events whose frequency is a measured quantity: failures, pages, deploys, releases. */
const EVENT_CONTEXT =
  / (fell over|falls over|fail|fails|failed|crash|crashed|crashes|went down|goes down|broke|breaks|paged|page|pages|woken|woke|outages?|incidents?|timed out|restart(ed|s)?|deploy(ed|s)?|release(d|s)?|ship(ped|s)?|rollbacks?|rolled back) /;

/** Failures among those events: their frequency is an incident rate. */
const FAILURE_EVENT =
  / (fell over|falls over|fail|fails|failed|crash|crashed|crashes|went down|goes down|broke|breaks|paged|woken|woke|outages?|incidents?|timed out|rollbacks?|rolled back) /;

/** Nouns a share ("a ten percent …") names as a change or a measured quantity, not an allocation. */
const SHARE_MEASURED =
  /^(drop|lift|increase|reduction|improvement|cut|boost|gain|decrease|jump|rise|decline|fall|savings|bump|uplift|speedup|speed-up|discount|higher|lower|more|less|fewer|better|faster|slower|cheaper|increment|conversion|error|failure|churn|growth|of)$/;

/** A change stated about something: the number it goes to or from is a measurement. */
export const CHANGE_VERB =
  / (went|dropped|fell|rose|grew|climbed|jumped|shrank|increased|decreased|reduced|cut|improved|halved|doubled|came down|brought it down|got it down) /;

/** Repeated processes whose duration is a velocity metric. */
const PROCESS =
  / (onboarding|onboard|deploys?|deployments?|releases?|builds?|reviews?|approvals?|close|reconciliation|lead time|cycle time|turnaround|recovery|resolution|provisioning|setup|migration of a|time to) /;

/** A condition ("if the limiter can't answer within two milliseconds") makes a number a setting. */
const CONDITION = / (if|unless|whenever|once) /;

function classOf(n: NumberMention, next: string, afterNext = ''): string {
  // "2.4m dollars" (ASR spells "$2.4M" that way): a scaled number followed by a currency.
  if (/^(k|m|b|bn)$/.test(n.suffix) && /^(dollars?|usd|euros?|pounds|bucks)$/.test(afterNext))
    return 'money';
  const unit = n.suffix || next;
  if (/%|percent|pct|points?/.test(unit)) return 'percent';
  if (/^\$|dollars?|bucks|euros?|pounds|grand/.test(unit)) return 'money';
  if (SHORT_TIME.test(unit) || MID_TIME.test(unit) || unit === 's' || unit === 'h') return 'time';
  if (unit === 'ratio' || unit === 'fraction') return 'ratio';
  if (unit === 'x' || /^(times|fold)$/.test(unit)) return 'multiple';
  return 'count';
}

/** Decides whether one number is a measurement. Returns its class, or undefined when it is not. */
export function judgeNumber(
  n: NumberMention,
  tokens: readonly Token[],
  unit: Unit,
): MetricMention | undefined {
  if (n.yearLike) return undefined;
  const before = words(tokens, Math.max(unit.first, n.first - 10), n.first - 1);
  // The words after a number belong to it up to the end of its clause (a comma or sentence end).
  let stop = Math.min(unit.last, n.last + 5);
  for (let k = n.last; k < stop; k++) {
    const t = tokens[k];
    if (t && (t.clauseEnd || t.sentenceEnd)) stop = k;
  }
  const after = words(tokens, n.last + 1, stop);
  // "from two hundred to forty five milliseconds": the first number takes its partner's unit.
  const partnerUnit =
    after[0] === 'to' || (after[1] === 'to' && /^(down|up|all)$/.test(after[0] ?? ''))
      ? partnerUnitWord(tokens, n, unit)
      : undefined;
  const next = n.suffix && n.suffix !== '$' ? n.suffix : (partnerUnit ?? after[0] ?? '');
  const prev = before[before.length - 1] ?? '';
  const beforeText = ` ${before.join(' ')} `;
  const near = ` ${before.slice(-5).join(' ')} ${words(tokens, n.first, n.last).join(' ')} ${after.join(' ')} `;
  if (
    HEADCOUNT.test(next) ||
    (HEADCOUNT.test(after[1] ?? '') && /^(other|more|senior|junior|backend|frontend)$/.test(next))
  )
    return undefined;
  if (
    / (team|group|squad|org|company|startup) of $| headcount | team was $/.test(
      `${beforeText.slice(-24)}`,
    )
  )
    return undefined;
  if (LABEL_BEFORE.test(prev) || (/^(a|an|one)$/.test(prev) && n.value === 1)) return undefined;
  if (WORK_COUNT.test(next) && !MEASURE_UNITS.test(next)) return undefined;
  const cls = classOf(n, next, after[0]);
  // Staged shares ("then one percent of the fleet, then ten") are rollout steps; the clause
  // after a share names what it was given to ("ten percent of users in the treatment").
  const ofAt = after.slice(0, 2).indexOf('of');
  const shareClause =
    ofAt < 0
      ? ''
      : ` ${words(tokens, n.last + 2 + ofAt, Math.min(unit.last, n.last + 8)).join(' ')} `;
  if (
    cls === 'percent' &&
    (ROLLOUT_CONTEXT.test(near) || prev === 'then' || ROLLOUT_CONTEXT.test(shareClause))
  )
    return undefined;
  // "a ten percent slice", "a twenty percent tax": an indefinite share names a portion or a
  // figure of speech unless the noun after it is a change or a measured quantity.
  const shareNoun = n.suffix === '%' || n.suffix === 'percent' ? after[0] : after[1];
  if (
    cls === 'percent' &&
    /^(a|an|like)$/.test(prev) &&
    shareNoun !== undefined &&
    !SHARE_MEASURED.test(shareNoun) &&
    quantityKey(shareNoun) === undefined &&
    !MEASURE_NOUNS.test(` ${shareNoun} `)
  )
    return undefined;
  // "once or twice a week", "three times a night": how often failures or releases happen.
  const frequency =
    (n.suffix === 'x' || next === 'times') &&
    FREQUENCY.test(` ${after.slice(next === 'times' ? 1 : 0, 6).join(' ')} `) &&
    // The event may sit in the clause before ("when it failed, | which was twice a month").
    EVENT_CONTEXT.test(` ${words(tokens, n.first - 10, n.first - 1).join(' ')} `);
  if (
    CONFIG_CONTEXT.test(` ${before.slice(-4).join(' ')} `) ||
    after
      .slice(0, 3)
      .some((w) => /^(ttl|timeout|lifetime|expiry|window|limit|interval|cache)$/.test(w)) ||
    / (set|configured|capped) (a|an|the|our)$/.test(` ${before.slice(-2).join(' ')}`)
  ) {
    if (cls !== 'percent' || /set|configured|threshold/.test(beforeText)) return undefined;
  }
  // A limit in a rule ("a PR that adds more than fifty kilobytes would fail") is configuration.
  if (
    / (would|will|should) (fail|block|alert|page|trigger|be rejected) /.test(` ${after.join(' ')} `)
  )
    return undefined;
  // A range ("thirty to forty minutes", "thirty or forty") is one value: the second number carries it.
  if (after[0] === 'or' || (after[0] === 'to' && !before.slice(-2).includes('from'))) {
    const second = findNumbers(after.slice(1, 4))[0];
    if (second && second.first === 0 && second.value > n.value && !/^(ms|s|%)$/.test(n.suffix))
      return undefined;
  }
  // A before/after pair: "from X to Y", "X to Y", "X down to Y".
  const toAt = after.slice(0, 3).indexOf('to');
  const pairLike =
    before.slice(-3).includes('from') ||
    (after.slice(0, 3).includes('instead') && findNumbers(after.slice(0, 6)).length > 0) ||
    (toAt >= 0 && findNumbers(after.slice(toAt + 1)).some((m) => m.first <= 2));
  if (CONDITION.test(` ${before.slice(-8).join(' ')} `) && !pairLike) return undefined;
  if (LONG_TIME.test(next)) {
    // Days and weeks measure velocity only for a repeated process ("onboarding a merchant took
    // three weeks; now it takes two days"), never for the project itself ("it took three months").
    const repeatedProcess = PROCESS.test(`${beforeText}${near}`);
    const measured =
      / (to|under|within|than|takes|take|taking) $/.test(beforeText) ||
      (repeatedProcess && / took $/.test(beforeText));
    if (!VELOCITY_CONTEXT.test(`${beforeText}${near}`) || (!pairLike && !measured))
      return undefined;
  } else if (MID_TIME.test(next)) {
    if (
      !VELOCITY_CONTEXT.test(near) &&
      !MEASURE_NOUNS.test(near) &&
      !pairLike &&
      !CHANGE_VERB.test(` ${before.slice(-6).join(' ')} `) &&
      !/ (saved|save|saving) /.test(near)
    )
      return undefined;
  } else if (
    cls === 'count' &&
    !MEASURE_UNITS.test(next) &&
    !MEASURE_NOUNS.test(near) &&
    !RATE.test(` ${after.slice(0, 6).join(' ')} `) &&
    !(pairLike && findKey(before.slice(-6), []) !== undefined) &&
    !(
      CHANGE_VERB.test(` ${before.slice(-6).join(' ')} `) &&
      before.slice(-2).some((w) => /^(to|from|by)$/.test(w))
    )
  ) {
    return undefined;
  } else if (
    cls === 'count' &&
    n.value > 0 &&
    n.value < 10 &&
    !pairLike &&
    !CHANGE_VERB.test(` ${before.slice(-6).join(' ')} `)
  ) {
    // "two screen-reader users", "three customers": a handful is a count of people or things.
    return undefined;
  } else if (
    !frequency &&
    n.suffix === 'x' &&
    n.first === n.last &&
    /^[a-z]+$/.test(tokens[n.first]?.norm ?? '') &&
    (!findKey(before.slice(-2), after.slice(0, 2)) ||
      (/^(double|triple)$/.test(tokens[n.first]?.norm ?? '') &&
        !/^(the|our|its|their|what)$/.test(after[0] ?? '')))
  ) {
    // "doubled", "twice" count only with the quantity they multiply ("doubled throughput");
    // "double bursts" is an adjective.
    return undefined;
  }
  // "80 percent recall": a quantity named right after the number and its unit names it.
  const named = quantityKey(
    (n.suffix && n.suffix !== '$'
      ? after[0]
      : MEASURE_UNITS.test(after[0] ?? '')
        ? after[1]
        : undefined) ?? '',
  );
  const found = named ?? findKey(before, after);
  // A time is a latency or a duration whatever noun sits near it ("checkout took 8 seconds"):
  // only time quantities key it, so its baseline and result meet under one key.
  const timeKey = (): string | undefined =>
    before
      .map((w) => quantityKey(w))
      .reverse()
      .find((k) => k !== undefined && TIME_KEYS.has(k));
  const timeOrFound =
    cls === 'time' && found !== undefined && !TIME_KEYS.has(found) ? timeKey() : found;
  // How often something broke is an incident rate, whichever words told it ("fell over twice a week").
  const key =
    timeOrFound ??
    (frequency && FAILURE_EVENT.test(` ${words(tokens, n.first - 10, n.first - 1).join(' ')} `)
      ? 'incidents'
      : undefined);
  return {
    number: n,
    unit: unit.index,
    key,
    target: before.slice(-4).some((w) => TARGET_WORD.test(w)),
    topic: topicWords([...before.slice(-6), ...after.slice(0, 4)]),
    unitClass: cls,
    evidence: evidenceOf(tokens, n.first, Math.min(n.last + (n.suffix ? 0 : 1), unit.last)),
  };
}
