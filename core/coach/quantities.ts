/**
 * Vocabulary of measured quantities (what a metric measures) and of the numbers that are not
 * metrics (team sizes, durations, rollout shares, configuration values, versions, counts).
 * Kept apart from `metrics.ts` so the lists can be read and extended on their own.
 */

/** Canonical quantity keys, matched against single normalised words (or word pairs). */
const QUANTITY_WORDS: readonly [RegExp, string][] = [
  [/^p50$|^median$/, 'p50'],
  [/^p90$/, 'p90'],
  [/^p95$/, 'p95'],
  [/^p99$|^p999$|^tail$/, 'p99'],
  [/^latency$|^latencies$|^response$|^responses$/, 'latency'],
  [
    /^throughput$|^qps$|^rps$|^tps$|^requests$|^queries$|^transactions$|^events$|^messages$/,
    'throughput',
  ],
  [
    /^errors?$|^failures?$|^failed$|^failing$|^timeouts?$|^crash(es)?$|^crashed$|^5xx$|^500s$/,
    'errors',
  ],
  [/^availability$|^uptime$|^nines$|^downtime$|^sla$|^slo$/, 'availability'],
  [/^incidents?$|^outages?$|^pages$|^alerts$|^tickets$|^escalations$|^bugs$/, 'incidents'],
  [/^mttr$|^recovery$|^resolve$|^resolution$|^detect$|^detection$/, 'mttr'],
  [
    /^cost$|^costs$|^bill$|^spend$|^spending$|^dollars$|^budget$|^savings$|^saved$|^infra$|^aws$|^cloud$/,
    'cost',
  ],
  [/^storage$/, 'storage'],
  [/^compute$|^cpu$/, 'compute'],
  [/^memory$|^ram$|^heap$/, 'memory'],
  [/^revenue$|^sales$|^gmv$|^arr$|^mrr$|^bookings$/, 'revenue'],
  [
    /^conversion$|^conversions$|^checkout$|^checkouts$|^signups?$|^sign-ups$|^activation$|^abandon(ment|ed|s)?$|^drop-?offs?$|^completion$|^funnel$/,
    'conversion',
  ],
  [/^ctr$|^click(-)?through$|^clicks$|^engagement$/, 'ctr'],
  [/^churn$|^retention$|^nps$|^satisfaction$|^csat$/, 'retention'],
  [
    /^users$|^customers$|^dau$|^mau$|^subscribers$|^accounts$|^merchants$|^sellers$|^drivers$/,
    'users',
  ],
  [/^load$|^loads$|^loaded$|^loading$|^page$|^render$|^renders$|^startup$|^boot$/, 'load time'],
  [/^builds?$|^ci$|^pipeline$|^compile$/, 'build time'],
  [/^deploys?$|^deployments?$|^releases?$|^lead$|^shipping$|^cycle$|^onboarding$/, 'lead time'],
  [/^accuracy$|^false$|^fraud$|^chargebacks?$|^spam$|^auc$|^f1$/, 'accuracy'],
  [/^precision$/, 'precision'],
  [/^recall$/, 'recall'],
  [/^time$|^hours$|^toil$/, 'time saved'],
  [/^bundle$|^payload$|^size$|^kilobytes$|^megabytes$|^kb$|^binary$|^download$|^image$/, 'size'],
  [/^data$|^records$|^rows$|^terabytes$|^tb$|^gb$|^petabytes$/, 'data volume'],
];

/** The quantity key a word names, or undefined. */
export function quantityKey(word: string): string | undefined {
  for (const [re, key] of QUANTITY_WORDS) if (re.test(word)) return key;
  return undefined;
}

/** Unit words right after a number that make it a measurement by themselves. */
export const MEASURE_UNITS =
  /^(percent|per|percentage|points?|ms|milliseconds?|millis|seconds?|secs?|x|times|fold|dollars?|bucks|euros?|pounds|k|grand|million|billion|qps|rps|tps|requests|users|customers|incidents|outages|errors|tickets|pages|nines|basis|kb|kilobytes?|mb|megabytes?|gb|gigabytes?|tb|terabytes?|bytes)$/;

/** Units of time. Seconds and below are usually measurements; longer ones usually durations. */
export const SHORT_TIME = /^(ms|milliseconds?|millis|seconds?|secs?)$/;
/** Minutes and hours: a measurement only with a measured quantity or a change around them. */
export const MID_TIME = /^(minutes?|mins?|hours?|hrs?)$/;
/** Days and longer: a duration or date unless it measures developer velocity. */
export const LONG_TIME = /^(days?|weeks?|months?|years?|quarters?|sprints?|decades?)$/;

/** Words after a number that make it a headcount. */
export const HEADCOUNT =
  /^(engineers?|people|developers?|devs|folks|members|persons?|person|reports|designers?|pms?|teammates|ics?|staff|employees|hires|contractors|scientists|analysts|testers|sres?)$/;

/** Words after a number that make it a count of parts of the work, not a measurement. */
export const WORK_COUNT =
  /^(phases?|steps?|stages?|options?|alternatives?|services?|microservices?|teams?|squads?|components?|modules?|approaches|sprints?|meetings?|repos?|repositories|regions?|clusters?|nodes?|replicas?|shards?|partitions?|pods?|machines?|servers?|instances?|tables?|endpoints?|apis?|vendors?|candidates?|prototypes?|proposals?|things|ways|reasons|parts|pieces|languages?|tools?|libraries|frameworks|databases?|features?|of us|of them|main|big|key|major|other|more|different|separate)$/;

/** Words just before a number that make it a label, a version or a position. */
export const LABEL_BEFORE =
  /^(version|v|p|python|java|node|ios|android|http|phase|step|stage|option|tier|level|round|number|no|top|series|gen|generation|chapter|day|week|sprint|sev|severity|priority|angular|vue|react|php|es|windows|ubuntu|hadoop|spark|scala|rails)$/;

/** Context marking a rollout or test allocation share ("a 5 percent canary", "to ten percent of traffic"). */
export const ROLLOUT_CONTEXT =
  /( canary| canaries| rollout| roll out| rolled (it )?out| ramp(ed)?( it)?( up)?| dial(ed)? up| holdout| cohort| allocation| treatment| test group| control group| of traffic| of the traffic| bucket| dark launch| shadow| feature flag| flagged| opened it| of the fleet| fleet| (shipped|released|launched|enabled|gave|exposed|opened) (it |this |the \w+ )?(up )?to| of \w+ first| sampl(e|ed|ing)| split| slice| variant| experiment group| in the (test|treatment|experiment))/;

/** Context marking a configuration value ("a ten-minute token lifetime", "timeout of two seconds"). */
export const CONFIG_CONTEXT =
  /( lifetime| ttl| timeout of| timeouts? (to|at|of)| set (it |the \w+ )?to| configured| batch size| threshold| limit of| limit to| capped (at|to)| retention| window of| interval| expiry| expires| expire| sampling rate| poll(ing)? every| every| heartbeat| budget of| token)/;

/** Context that turns a long duration into developer velocity ("lead time went from two weeks to a day"). */
export const VELOCITY_CONTEXT =
  /( lead time| cycle time| release cycle| deploy(s|ment|ments)?| release(s)? | onboarding| month-end| month end| releases? (a|per|every) | time to (market|merge|deploy|first|onboard|ship|resolve|recover)| turnaround| took (us )?| used to take| takes?| finishes| finished| completes| completed| runs in| ran in| loads in| renders in| responds in| mttr| to recover| to resolve| to detect| recovery| resolution| response time| time to| time (from|between|it takes|it took)| reconciliation| close the books| month end| approval)/;

/** Measured-quantity nouns that make a bare number a metric when near it. */
export const MEASURE_NOUNS =
  / (latency|p50|p90|p95|p99|p999|throughput|qps|rps|tps|error rate|errors|failure rate|timeouts?|availability|uptime|downtime|incidents?|outages?|mttr|cost|costs|bill|spend|revenue|conversion|click.?through|ctr|churn|retention|nps|users|customers|signups|load time|bricked|crashes|regressions|defects|complaints|rollbacks|build time|build times|deploy time|response time|accuracy|precision|recall|false positives?|fraud|chargebacks|tickets|requests|transactions|savings|saved|orders|kilobytes|megabytes|gigabytes|kb|mb|gb|bundle|payload|deploys|deployments|releases|sessions|visits|page views|pageviews|bookings|sales|signups|sign-ups) /;
