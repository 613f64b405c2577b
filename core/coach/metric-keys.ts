/**
 * Which quantity a number measures: its key ("p99", "cost", "conversion"), percentiles first, and
 * the topic words that tie keyless mentions of one quantity together.
 */
import { findNumbers } from './numbers';
import { MEASURE_UNITS, quantityKey } from './quantities';

/** Words that split one kind of quantity into distinct ones ("incremental build", "cold start"). */
const QUALIFIER =
  /^(incremental|clean|cold|warm|full|partial|first|initial|read|write|peak|off-peak|mobile|desktop|ios|android|web|api|batch|streaming)$/;

/** Percentile labels written as one word ("p99"). */
export const PERCENTILE = /^p(50|90|95|99|999)$/;
/** Quantities measured in time: a time number keys only to one of them. */
export const TIME_KEYS: ReadonlySet<string> = new Set([
  'p50',
  'p90',
  'p95',
  'p99',
  'p999',
  'latency',
  'load time',
  'build time',
  'lead time',
  'mttr',
  'time saved',
]);
/** Words that mark a number as a target or SLO. */
export const TARGET_WORD = /^(slo|sla|target|goal|budget|aim|aimed|objective)$/;

/** Words too common to tie two mentions to one quantity. */
const TOPIC_STOP = new Set(
  'the a an and or but of to in on at for with by from that this it its is was were be been we our i my you they their them as so then than about around roughly nearly almost over under just only also very really went go going dropped fell rose grew cut down up more less now after before during per each every day week month year percent points time times got get had has have did do like new old rate share number amount level total average median relative absolute overall'.split(
    ' ',
  ),
);

const NUMBER_WORD =
  /^(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|third|quarter|twice|double|doubled|tripled|halved)(-[a-z]+)?$/;

/** Stemmed content words of a stretch of words (numbers, units and common words dropped). */
export function topicWords(words: readonly string[]): string[] {
  return words
    .filter(
      (w) =>
        w.length > 2 &&
        !TOPIC_STOP.has(w) &&
        !/\d/.test(w) &&
        !MEASURE_UNITS.test(w) &&
        !NUMBER_WORD.test(w),
    )
    .map((w) => w.replace(/(ies|es|s)$/, ''));
}

/** Words that end the clause a number belongs to: its quantity is not named past them. */
export const CLAUSE_END = /^(and|but|which|while|so|because|then|whereas)$/;

/** Finds the quantity a number measures: the nearest quantity word, percentiles first. */
export function findKey(before: readonly string[], after: readonly string[]): string | undefined {
  for (let i = before.length - 1; i >= 0; i--)
    if (PERCENTILE.test(before[i] ?? '')) return before[i];
  // Spoken percentiles: "p ninety nine", "p fifty".
  for (let i = before.length - 2; i >= 0; i--) {
    if (before[i] !== 'p') continue;
    const spoken = findNumbers(before.slice(i + 1, i + 4))[0];
    if (spoken?.first === 0) return `p${spoken.value}`;
  }
  // A target ("an SLO of 500 ms", "our goal was 200") names the quantity it is a target for,
  // which the words usually leave implicit: merge it with the value of its kind.
  const recent = before.slice(-4);
  if (
    recent.some((w) => TARGET_WORD.test(w)) &&
    !recent.some((w) => !TARGET_WORD.test(w) && quantityKey(w) !== undefined)
  )
    return undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const key = quantityKey(before[i] ?? '');
    if (!key) continue;
    // "storage cost" and "total bill" are different quantities: keep a qualifying key word.
    // "incremental build" and "clean build" are different quantities too.
    const prevWord = before[i - 1] ?? '';
    const qualifier = quantityKey(prevWord);
    if (QUALIFIER.test(prevWord)) return `${prevWord} ${key}`;
    return qualifier && qualifier !== key && key === 'cost' ? `${qualifier} ${key}` : key;
  }
  // "four percent of all requests failed": the words after "of" name the base, not the
  // quantity; a key after the base ("failed") wins over one inside it ("requests").
  let baseKey: string | undefined;
  let inBase = false;
  for (const w of after.slice(0, 6)) {
    if (CLAUSE_END.test(w)) break;
    if (w === 'of') inBase = true;
    const key = quantityKey(w);
    if (!key) continue;
    if (!inBase) return key;
    baseKey ??= key;
    if (
      /^(failed|failing|errors?|timeouts?|declined|dropped|crashed|churned|converted|abandoned|finished|completed|bounced)$/.test(
        w,
      )
    )
      return key;
  }
  return baseKey;
}
