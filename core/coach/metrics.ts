/**
 * Concrete metrics: numbers tied to a measured quantity, counted once per quantity as the
 * rubric's judging rules say (a before/after pair, a baseline plus the value reached, a target
 * plus the result and a restatement are one metric; p95 and p99 are two).
 */
import {
  CHANGE_VERB,
  CLAUSE_END,
  PERCENTILE,
  judgeNumber,
  words,
  type MetricMention,
} from './metric-mentions';
import { findNumbers } from './numbers';
import { MEASURE_UNITS, quantityKey } from './quantities';
import type { Token, Unit } from './tokens';
import { evidenceOf } from './tokens';
import type { Evidence } from './types';

export type { MetricMention } from './metric-mentions';

/** One distinct measured quantity with the mentions that express it. */
export interface Metric {
  key: string;
  mentions: MetricMention[];
  evidence: Evidence;
}

/** True when b is the second half of a pair with a ("from 800 to 200 ms", "800 down to 200"). */
function pairs(a: MetricMention, b: MetricMention, tokens: readonly Token[]): boolean {
  if (a.unit !== b.unit) return false;
  const between = words(tokens, a.number.last + 1, b.number.first - 1);
  if (between.length > 5) return false;
  // "p95 … 200 ms and p99 … 900 ms": a new quantity or clause in between starts a new metric.
  const newQuantity = (w: string): boolean =>
    quantityKey(w) !== undefined && w !== 'time' && !MEASURE_UNITS.test(w);
  if (between.some((w) => CLAUSE_END.test(w) || PERCENTILE.test(w) || newQuantity(w))) return false;
  return between.some(
    (w) => w === 'to' || w === 'versus' || w === 'vs' || w === 'from' || w === 'instead',
  );
}

/**
 * Finds the distinct metrics of a transcript. Mentions merge when they form a pair, share a
 * quantity key, or (keyless) share a unit class in the same or the next unit.
 */
export function findMetrics(tokens: readonly Token[], units: readonly Unit[]): Metric[] {
  const unitOf: number[] = [];
  for (const u of units) for (let i = u.first; i <= u.last; i++) unitOf[i] = u.index;
  const mentions: MetricMention[] = [];
  for (const n of findNumbers(tokens.map((t) => t.norm))) {
    const unit = units[unitOf[n.first] ?? -1];
    if (!unit) continue;
    const m = judgeNumber(n, tokens, unit);
    if (m) mentions.push(m);
  }
  const metrics: Metric[] = [];
  let previous: { mention: MetricMention; metric: Metric } | undefined;
  for (const m of mentions) {
    let target: Metric | undefined;
    if (previous && pairs(previous.mention, m, tokens)) target = previous.metric;
    else if (m.key) {
      // A keyed mention also claims an earlier keyless one with the same value ("2.1 percent" …
      // "CTR went from 2.1") or a keyless target of its kind ("an SLO of 300 ms" … "p95 ended at 250").
      target =
        metrics.find((x) => x.key === m.key) ??
        metrics.find(
          (x) =>
            x.key.startsWith('?') &&
            x.mentions.some(
              (y) => y.unitClass === m.unitClass && (y.number.value === m.number.value || y.target),
            ),
        );
      // A keyed time claims an earlier keyless time: "checkout took four seconds" … "load time fell to 1.2 s".
      if (!target && m.unitClass === 'time')
        target = metrics.find((x) => x.key.startsWith('?time'));
      if (target?.key.startsWith('?')) target.key = m.key;
    } else {
      target = metrics.find((x) =>
        x.mentions.some(
          // Keyless: a restated value, the same kind of unit a few seconds later, or a value about
          // the same thing ("losing 5% of orders" … "order loss fell to 1%") is the same quantity.
          (y) =>
            y.unitClass === m.unitClass &&
            (y.number.value === m.number.value ||
              m.target ||
              y.target ||
              (!y.key && m.evidence.start - y.evidence.end < 8) ||
              y.topic.some((w) => m.topic.includes(w))),
        ),
      );
    }
    // "…we brought it down to 110k": a keyless value after a change verb continues the last
    // metric of its kind told just before.
    if (
      !target &&
      !m.key &&
      previous &&
      previous.mention.unitClass === m.unitClass &&
      m.evidence.start - previous.mention.evidence.end < 15
    ) {
      const lead = tokens
        .slice(Math.max(0, m.number.first - 6), m.number.first)
        .map((t) => t.norm)
        .join(' ');
      if (CHANGE_VERB.test(` ${lead} `) && / (it|that|this|them|those) /.test(` ${lead} `))
        target = previous.metric;
    }
    if (target) {
      target.mentions.push(m);
      // A keyless first mention learns its quantity from a later one ("800 ms … latency").
      if (target.key.startsWith('?') && m.key && !metrics.some((x) => x.key === m.key))
        target.key = m.key;
      const head = target.mentions[0];
      if (head && head.unit === m.unit) {
        target.evidence = evidenceOf(
          tokens,
          head.number.first,
          Math.min(m.number.last + 1, units[m.unit]?.last ?? m.number.last),
        );
      }
    } else {
      target = { key: m.key ?? `?${m.unitClass}:${m.unit}`, mentions: [m], evidence: m.evidence };
      metrics.push(target);
    }
    previous = { mention: m, metric: target };
  }
  return metrics;
}
