/**
 * Deep-dive elements (STAR + Tech). Each unit (sentence or clause) is scored for every element,
 * so elements may come in any order or be interleaved. An element is covered when some unit
 * actually addresses it (strong cue, or weak cues backed by content), not when one word of its
 * vocabulary appears.
 */
import type { DeepdiveElementId } from '../modes';
import { I_OWNERSHIP } from './lexicon';
import { tradeoffCue } from './tradeoffs';
import type { Unit } from './tokens';

/** Deep-dive element ids in the rubric's order. */
export const ELEMENT_IDS: readonly DeepdiveElementId[] = [
  'problem',
  'role',
  'decisions',
  'execution',
  'results',
  'challenges',
  'lessons',
];

interface Cues {
  /** Phrases that address the element by themselves (2 points). */
  strong: RegExp;
  /** Vocabulary that leans towards it (1 point). */
  weak: RegExp;
}

const CUES: Readonly<Record<DeepdiveElementId, Cues>> = {
  problem: {
    strong:
      / (the|our|main|core|big|biggest|real) (problem|issue|pain point|bottleneck|goal|objective|mandate|ask) (was|is|we|that)| (was|were) (stuck|sitting|hovering|running|capped|plateaued) (at|around)| (wanted|needed|had) to (get|increase|reduce|improve|cut|grow|lower|raise|double|halve)| north star| (started|kept|keep) (flagging|failing|complaining|dropping|breaking|timing|crashing|paging|losing)| came out of (an|a|the) | (couldn't|could not|can't|cannot|were unable to|was unable to|weren't able to|wasn't able to) (?!(remember|recall|say|share|give|tell|think|speak|disclose|go into|get into|name)\b)[a-z]+| slowed (down|everything|the)| lost (money|revenue|customers|deals|sales|users|data)| (was|were) being [a-z]+ed | too (slow|expensive|costly|manual|risky|fragile|brittle|big|complex)| (a lot|lots) of (lost|wasted|manual|toil)| (was|were) (taking|costing|burning|wasting)| (we|they|teams|engineers|people) had no (way|visibility|idea|insight)| there was no (way|visibility|single|owner|good)| (was|were) (a nightmare|a mess|a bottleneck|the bottleneck|painful|fragile|error-prone)| (wasn't|was not|weren't) (scaling|keeping up|enough|sustainable)| (had )?(outgrown|outgrew)| reached (its|the|their) (limit|limits|capacity)| end of life| spent ([\w'-]+ ){0,2}(hours|days|weeks) (a |every |each )?(week|month|day|helping|fixing|on|doing|chasing)| (came to|asked|approached|pinged) (us|me) (because|about|with|to)| had (doubled|tripled|grown|ballooned|exploded|spiked|crept up)| (just )?(showed|gave|threw) (a|an|the) (spinner|error|blank)| growing faster than| (the )?source of (most|all|many|a lot) | traced (back )?to | meant (that )?(customers|users|stores|merchants|clients|we|people) (couldn't|could not|had to|were|lost|waited)| the context (was|is)| (was|were) (too |really |very |painfully |incredibly )?(slow|flaky|unreliable|expensive|failing|timing out|overloaded|painful|manual|brittle|falling over|a mess|breaking)| (kept|keeps|started) (failing|crashing|timing out|going down|breaking|paging|complaining|churning)| (couldn't|could not|can't|didn't|wasn't able to) (scale|keep up|handle|meet|hit)| (customers|users|merchants|clients|support) (were|was|kept) (complaining|churning|waiting|dropping|abandoning|leaving|angry|frustrated)| (we|they) were losing | (we|i) (were|was) (asked|tasked) to | needed to (cut|reduce|get|bring|meet|hit|fix|scale|replace|support|comply|handle)| (hard |strict |tight )?deadline| (had|have) to (meet|hit|comply|pass|be done|ship by)| compliance| regulat| gdpr| hipaa| pci| soc ?2| audit(ors)? | (got|get|getting|were getting|was getting|kept getting) (paged|woken up|spammed|flooded|buried) /,
    weak: / (terrible|awful|horrible|noisy|noise|broken|flaky|unreliable|fragile|by hand|manually|stakeholders?|slo|sla|baseline|at the time|back then|originally|legacy|old|outdated|bottleneck|constraint|requirement|goal|problem|issue|complain|complaints|complaining|outages?|incidents?|attack|needed|struggling|slow|slower|expensive|manual|stuck|flagging|declined|losing|lost|risk|pain|painful) /,
  },
  role: {
    strong:
      / (my role|my job|my part|my responsibility|i was (the|a|an) ([a-z-]+ ){0,2}(lead|owner|manager|architect|developer|engineer|point person|dri|only)|i ([\w'-]+ )?and (led|ran|owned|drove) |i took (it|this|that|the project) on|with (one|two|three|four|five|six) (other )?([a-z-]+ )?(engineers?|people|developers?|sres?|designers?|analysts?|scientists?) |(i'm|i am) (the|a|an) ([a-z-]+ ){0,2}(lead|owner|manager|architect|point person|dri|only)|i was responsible|i was in charge|i owned|i was leading|i led (the|a|this|that|it|design|engineering|development|the effort)|i drove|i ran (the|this|that)|i personally|i was the one|i managed (the|a|three|two|four|five)|team of ([\w'-]+ ){0,2}(people|engineers|developers|folks|us)?|(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty) (other )?(engineers|people|developers|folks|devs)|i was accountable|cross.?functional|(worked|working|partnered|partnering) (closely )?with (product|design|data|sre|security|legal|finance|ops|operations|marketing|the pm|a pm|pms|analysts|the data)|i coordinated|reporting to|reported to)/,
    weak: / (i was on|i joined|i led|i owned|owner|ownership|lead|leading|my team|with product|with design|pm|designer|manager) /,
  },
  decisions: {
    // "Compared" alone is mostly validation ("ran both side by side and compared responses") or
    // measurement; it weighs a choice when options are what is compared.
    strong:
      / (we|i) (decided|chose|picked|opted|settled|went with|used|built|moved to|switched to) ([\w'-]+ ){0,12}(because|since|given|as it|which (let|gave|meant|made))| (we|i) (decided|chose|picked|opted|settled|went with) ([\w'-]+ ){0,12}(so that|so we|to (avoid|keep|get|reduce|save|support))| (the|a|key|big|main|first|second|other) (decision|choice) | (the |a |my |our )?((first|second|third|big|biggest|key|main|major|important|other|one|hard|tough|early) )+(call|calls|decisions|choices|bets?) (was|were|is|we made|i made|came)| made ((the|a|two|three|four|a few|some|a couple of|several) )?((big|key|hard|tough|major|important|early) )?(calls|decisions|choices|call|decision|choice|bets?) | (alternatives?|options) (were|was|we|i)| (considered|evaluated|weighed) | compared ([\w'-]+ ){0,2}(options|alternatives|approaches|vendors|designs|candidates|proposals) | (we|i|we'd|i'd|i've|we've) ([\w'-]+ ){1,10}(instead of|rather than) | trade-?offs? | over (the |a |an )?[a-z]+ because | (the reason|reasoning) (we|i|was)| versus | vs /,
    weak: / (decided|decision|chose|choice|option|alternative|approach|because it|so that|which meant|pros|cons|benefit) /,
  },
  execution: {
    strong:
      / (roll(ed|ing)? (it )?out|rollout|canary|canaries|feature.?flags?|behind a flag|in phases|phased|phase (one|two|1|2)|first phase|(first|second|third) (step|stage|milestone)|step by step|incrementally|gradual(ly)?|shadow (mode|traffic|reads|writes)|dark launch|dual.?writ|backfill|load.?test|tested|testing|test suite|(unit|integration|end.?to.?end|contract|chaos) tests?|staging|dashboards?|monitoring|alerts|alerting|observability|tracing|on.?call|runbook|roll(ed)? ?back|kill switch|of (the )?traffic|ramp(ed)? (it )?up|cut ?over|milestones?|service by service|team by team|a\/b test|a b test|ab test|as an experiment|guardrails?|we logged|(added|set up|built) ([\w'-]+ ){0,2}(logging|metrics|alerts|tracing|instrumentation)|one [\w-]+ ([\w-]+ )?at a time|shadow [a-z]+ing|(running|ran|run|runs) (next to|alongside|in parallel)|in parallel with|side by side)/,
    weak: / (plan|planned|deploy|deployed|release|released|built|build|implemented|wrote|migrate|weeks|sprint|pilot|beta|metrics|logs|verify|verified|validated) /,
  },
  results: {
    strong:
      / (end result|(stopped|stop) being |(is|are|it's|they're|sits|sit|stays|stayed|remained|holds|held) (now )?(down|up|under|below|at|around) (about |roughly |around )?[a-z0-9]|(brought|got|took|pushed) (it|them|that|this|the [\w'-]+|our [\w'-]+) (all the way )?((down|up) to |to (about |around |roughly |under |below |just |nearly |almost )?(\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|half))|(since then|ever since|since the (launch|rollout|migration|change|release))|adoption (reached|hit|grew|went)|(basically |essentially |pretty much )?(disappeared|went away|vanished|dried up)|now ([\w'-]+ ){0,4}(in|under|within) (about |around |roughly )?[a-z0-9]+ (seconds|minutes|hours|days|ms|milliseconds)|(now|today) ([\w'-]+ ){0,3}(close|closes|finish|finishes|ship|ships|deploy|deploys|get|gets|see|sees|run|runs|use|uses|can|takes|take) |instead of (about |around )?[a-z0-9]+ (seconds|minutes|hours|days|weeks)|(this|that|it) (paid off|made a (big |huge |real )?difference|unblocked)|(we|they|the team|teams) (were|are) (now )?able to |freed up |(met|hit|beat|made) (the|our) (deadline|target|goal|slo|date)|passed (the|our|an) (audit|review|certification)|(won|closed|signed|landed) (the|a|two|three|several|our) |(it|this|that|the (launch|feature|change|model|project|new [a-z]+)) (did|worked|went|performed|landed) (really |very |incredibly |super |pretty |quite |surprisingly |extremely )?(well|great)|went (up|down) (noticeably|significantly|a lot|quite a bit|dramatically|measurably|massively|visibly)|(started|began|kept) (asking|coming back) for more|(didn't|did not|haven't|have not|never) (fail|failed|had|have|see|saw|lose|lost|get|got) a single |used to ([\w'-]+ ){1,8}(and|but) (now|after|since|in the)|went from |(dropped|fell|rose|grew|improved|increased|decreased|climbed|jumped|shrank) from |went (up|down) (about|roughly|around|by|almost|nearly|\d)|the (result|results|outcome|impact) (was|were|is)|ended up (cutting|saving|reducing|at (about |around |roughly )?[a-z0-9])|went (down|up) (from|to|by)|from [^ ]+ ([\w'-]+ )?(to|down to) |dropped (to|from|by)|fell (to|from|by)|saved (us|them|the (company|team|business)|about|around|roughly|over|nearly|almost|a lot|money|time|hours|days|\d|[a-z]+ (hours|dollars|days|weeks|grand|thousand|million))|brought (it |that |them )?(down|up)|down to |no longer |(stopped|stop) (complaining|paging|getting|having)|(haven't|have not|hadn't|never) had (a|an|another|any)|zero (incidents|outages|pages|downtime|data loss)|(customers|users|merchants|the team|support|sales|leadership) (loved|were (happy|thrilled)|noticed|adopted)|became the (default|standard)|(big win|won|paid off|hit (our|the) (target|goal))|payback)/,
    weak: / (result|results|outcome|impact|measured|faster|cheaper|better|improvement|happier|successful|now|we saw|by the end) /,
  },
  challenges: {
    strong:
      / (the )?(hardest|toughest|trickiest|biggest challenge|main challenge|hard part|tricky part|difficult part)| (the |a |one |another )?(first |second |other |main |big |biggest |real |bigger |next )?(challenge|difficulty|obstacle|headache|complication) (was|came|we hit|i hit|here was|showed up|appeared)| (painful|annoying|hairy|messy|ugly|scary|frustrating|tough|nasty) (part|bit|moment|surprise) (was|came)| (we|i) (ran|run) into | (hit|had|caused) (a|an|some|our|two|one) ([\w'-]+ ){0,2}(incident|outage|bug|problem|issue|snag|wall|regression)| (an|one|the|a) (bad )?(incident|outage|night|weekend) (where|when|in which)| there was (an|one|a) ([\w'-]+ ){0,2}(incident|outage|bug)| went wrong| (one|a|that) (bad |long )?(night|day|weekend|morning|friday|week) (during|when|where|in which|in the|we|the|after)| (piled|backed) up| rate.?limited (us|our)| ran out of | fell behind| started (failing|dropping|timing out|crashing|erroring)| (broke|broken|blew up|fell over)| pushback| push(ed)? back| disagree| didn't agree| (a|the) conflict (with|between)| resist| unexpected| surprise| turned out | (we|i) (discovered|found out|realized|realised|noticed) | race condition| deadlock| memory leak| data loss| corrupt| (wasn't|weren't|didn't) (work|working|buy in|scale)| blocked (us|the|our|it)| (we|i|the team) (really )?(struggled|were struggling|was struggling) (with|to)/,
    weak: / (challenge|challenges|challenging|difficult|hard|risk|risky|problem|issue|complicated|complex|painful|unknown|unknowns|worried|concern|blocker) /,
  },
  lessons: {
    strong:
      / (in hindsight|looking back|next time|in retrospect|if i (did|were to do|could do|had to do|were doing|had to redo) (it|this|that)|(i|we) would have|(i|we)'d have|i would (start|do|invest|push|spend|write|build|involve|add|bring|have|change|probably|definitely)|i'd (start|do|invest|push|spend|write|build|involve|add|bring|probably|definitely|change)|(i|we) should have|i wish (i|we)|lessons? (i|we|was|is|here|for)|(i|we) (learned|learnt) (the hard way|not to|never to|a lesson)|takeaway|differently|what i'd change|would change)/,
    weak: / (reflect|reflection|mistake|regret|earlier|sooner|again|learned|learnt|taught me) /,
  },
};

/** A measured value stated as the state of things ("p99 was over three seconds"). */
const BASELINE =
  / (was|were|is|are|had|used to|sat at|sitting at|hovering|averaged|took|taking|at about|at around|over|around|about|roughly|nearly|almost) /;

/** The speaker or team changing something: an outcome only with a number or a stated effect. */
const OWN_CHANGE =
  / (i|we) ([\w'-]+ )?(reduced|cut|improved|increased|grew|saved|lowered|boosted|raised|halved|doubled|tripled|shrank|eliminated) /;
/** Outcomes told without numbers ("support stopped getting tickets", "it became the default"). */
const QUALITATIVE_OUTCOME =
  / (as a result|in the end|no longer|stopped|became|adopted|loved|happier|never had|haven't had|zero |ended up|paid off|so that now|which meant|and now|now (we|it|the|our)) /;

/**
 * An infinitive or modal change verb (what someone meant to do), or a pluperfect one (how things
 * stood before: "the bill had doubled"): not what the project achieved.
 */
const AIM =
  / (to|would|will|could|should|might|can|must|may|wanted to|trying to|tried to|aim to|aimed to|hoping to) ([\w'-]+ )?(reduce|cut|improve|increase|grow|save|lower|boost|raise|halve|double|triple|shrink|eliminate|drop|bring|get|make|speed up) | had ([\w'-]+ )?(doubled|tripled|grown|increased|risen|gone up|climbed|ballooned|dropped|fallen|slowed|crept up) /g;

/** Things that stopped being available: the situation, not an outcome ("no longer supported"). */
const NO_LONGER_STATE =
  / no longer (supported|maintained|an option|viable|available|sold|updated|enough)/;

/** Numbers getting worse: a problem or a difficulty, not an outcome. */
const WORSENED =
  / (spiked|jumped|shot up|ballooned|degraded|regressed|climbed to|crept up|blew up|exploded) /;

/**
 * Discourse markers of a consequence ("in the end", "as a result"): an outcome when the sentence
 * also says what changed, otherwise they close a decision ("in the end we went with Kafka") or a
 * difficulty.
 */
const CONSEQUENCE = / (as a result(?! of)|in the end|so in the end|eventually) /;
const CHANGED =
  / (faster|slower|cheaper|fewer|less|more|better|worse|stopped|no longer|went (up|down)|dropped|fell|rose|grew|improved|increased|decreased|reduced|cut|saved|happier|loved|adopted|disappeared|never|zero|now) /;

/** Words that place a statement after the work: an outcome even when said first. */
const RESULT_ANCHOR =
  / (as a result|in the end|after (the |we |it )?(launch|launched|rollout|rolled|migration|migrated|change|release|shipped)|since then|by the end|today|now|we (cut|reduced|improved|brought))/;

/**
 * The speaker's conditional about their own choices ("I'd talk to the vendors earlier", "if I'm
 * honest, I would set up alerts first"): a lesson when it carries a hindsight word, or when it
 * comes late in the answer, where reflection sits.
 */
const OWN_CONDITIONAL =
  / (i'd|i would) (also |probably |definitely |really |honestly |absolutely |just |totally |still )?(?!(say|like|love|guess|argue|think|call|describe|imagine|rather|need|want|be|add that|expect|hope|bet)\b)[a-z]+ /;
const HINDSIGHT_WORD =
  / (earlier|sooner|first|before|up ?front|from day one|from the start|instead|again|if i'm (being )?honest|honestly|differently|way more|a lot more|much more) /;

/** A failure that recurs ("fell over once or twice a week"): a standing problem, not a difficulty. */
const RECURRING =
  / (once|twice|[a-z]+ times|every) (or (once|twice|[a-z]+ times) )?(a |per |every )?(day|night|week|month|sprint|release|deploy)s? /;

/** Observability and on-call words name execution only when the speaker's team did something. */
const OBSERVABILITY =
  /^(dashboards?|monitoring|alerts|alerting|observability|tracing|on.?call|runbook)$/;
const ACTOR = / (we|i|we'd|i'd|we've|i've|our team|the team) /;
/**
 * On-call is execution when it was arranged for the work ("we staffed an on-call rotation for the
 * cutover", "two of us were on call through the migration"); otherwise it names who the speaker
 * was ("I was the on-call lead") or how things broke ("on-call got paged all night").
 */
const ON_CALL_PLAN =
  / (set up|added|created|staffed|organi[sz]ed|ran|scheduled|arranged|extended|had|put|started|wrote|built|doubled|extra|dedicated|special) ([\w'-]+ ){0,3}on.?call (rotation|schedule|coverage|shifts?|runbooks?|playbooks?|handoffs?|support)| on.?call (rotation|schedule|coverage|shifts?|support )?(for|during|through|over|across|around) (the|each|every|our|that|this) ([\w'-]+ )?(rollout|cutover|cut-over|launch|migration|release|switch|deploy|deployment|window|weekend|phase|ramp)/;
const ON_CALL_WORD = / on.?call /;
const ON_CALL_WORDS = / on.?call(?= )/g;

/**
 * A change verb on its own ("it cut the queue", "we increased the pool"): an outcome when a number
 * goes with it or the thing changed is the subject; the speaker or team doing it without a number
 * is an action ("we raised it with the vendor"), not a result.
 */
const BARE_CHANGE =
  / (reduced|cut|improved|increased|grew|lowered|boosted|raised|halved|doubled|tripled|shrank|eliminated) /;

/** Scores of one unit for every element. */
export type ElementScores = Record<DeepdiveElementId, number>;

/**
 * Scores a unit for every element. `hasMetric` marks units holding a measured number: a number
 * said with past "was/were" and no outcome verb reads as a baseline (problem), with an outcome
 * verb as a result.
 */
export function scoreUnit(unit: Unit, hasMetric: boolean, relPos = 0.5): ElementScores {
  const t = unit.text;
  const scores = {} as ElementScores;
  // "we needed to cut costs", "the goal was to reduce latency": an aim, not an outcome.
  const unaimed = t.replace(AIM, ' ');
  for (const id of ELEMENT_IDS) {
    const cue = CUES[id];
    const text = id === 'results' ? unaimed : t;
    scores[id] = (cue.strong.test(text) ? 2 : 0) + (cue.weak.test(text) ? 1 : 0);
  }
  // On-call and monitoring vocabulary is often the project's topic ("on-call engineers got paged
  // for everything"); it is execution when someone set it up or used it.
  const topical =
    !ACTOR.test(t) || scores.problem >= 1 || scores.challenges >= 2 || scores.decisions >= 2;
  if (scores.execution >= 2 && topical) {
    const m = CUES.execution.strong.exec(t);
    if (m && OBSERVABILITY.test((m[1] ?? '').trim())) scores.execution = 1;
  }
  const onCallOnly =
    ON_CALL_WORD.test(t) && !CUES.execution.strong.test(t.replace(ON_CALL_WORDS, ''));
  if (onCallOnly && !ON_CALL_PLAN.test(t)) scores.execution = Math.min(scores.execution, 1);
  if (OWN_CONDITIONAL.test(t) && (HINDSIGHT_WORD.test(t) || relPos >= 0.6))
    scores.lessons = Math.max(scores.lessons, 2);
  if (RECURRING.test(t) && relPos < 0.5) {
    scores.problem += 1;
    scores.challenges = Math.min(scores.challenges, 1);
  }
  if (CONSEQUENCE.test(t) && (hasMetric || CHANGED.test(t)))
    scores.results = Math.max(scores.results, 2);
  if (BARE_CHANGE.test(unaimed) && (hasMetric || !ACTOR.test(t)))
    scores.results = Math.max(scores.results, 2);
  const cue = tradeoffCue(t);
  if (cue) scores.decisions += 2;

  if (I_OWNERSHIP.test(t)) scores.role += 1;
  if (scores.lessons >= 2) {
    // Hindsight sentences often mention testing or rollouts ("I'd write load tests earlier").
    scores.execution = Math.min(scores.execution, 1);
    scores.decisions = Math.min(scores.decisions, 1);
  }
  if (hasMetric) {
    if (scores.results >= 2) scores.results += 1;
    else if (BASELINE.test(t)) scores.problem += relPos < 0.5 ? 2 : 1;
  }
  if (NO_LONGER_STATE.test(t)) {
    scores.results = Math.min(scores.results, 1);
    scores.problem = Math.max(scores.problem, 2);
  }
  // A number that moved during an incident ("during the canary errors jumped from 0.1 to 2
  // percent") is the difficulty, not the outcome.
  if ((scores.challenges >= 2 || WORSENED.test(t)) && !RESULT_ANCHOR.test(t))
    scores.results = Math.min(scores.results, 1);
  // Growth told in the opening ("traffic went from 1k to 10k qps") is usually the situation;
  // a result said first carries an anchor ("we cut p99 by 80 percent, and in the end…").
  if (relPos < 0.2 && scores.problem >= 1 && !RESULT_ANCHOR.test(t))
    scores.results = Math.min(scores.results, 1);
  // Answers open with the situation: early negative-state language is the problem, not a challenge.
  if (relPos < 0.25 && scores.problem >= 1) {
    scores.problem += 1;
    scores.challenges = Math.min(scores.challenges, 1);
  }
  // "I raised the threshold", "we cut a release branch": an action, not an outcome, without a number.
  if (!hasMetric && OWN_CHANGE.test(t) && !QUALITATIVE_OUTCOME.test(t))
    scores.results = Math.min(scores.results, 1);
  // A baseline quoted inside a result ("went from 800 to 200") is part of the result, and the
  // price of a choice ("the cost was that we lost…") is not the problem the project solved.
  if (scores.results >= 3 || (cue && !CUES.problem.strong.test(t)))
    scores.problem = Math.min(scores.problem, 1);
  return scores;
}

/** The element a unit is mostly about, or undefined when no element scores 2 or more. */
export function topElement(scores: ElementScores): DeepdiveElementId | undefined {
  let best: DeepdiveElementId | undefined;
  let bestScore = 1;
  for (const id of ELEMENT_IDS) {
    if (scores[id] > bestScore) {
      best = id;
      bestScore = scores[id];
    }
  }
  return best;
}

/** True when the unit states a problem or goal in the deep-dive sense (strong cue). */
export function statesProblem(text: string): boolean {
  return CUES.problem.strong.test(text);
}

/** True when the unit states an outcome (strong results cue). */
export function statesResult(text: string): boolean {
  return CUES.results.strong.test(text);
}
