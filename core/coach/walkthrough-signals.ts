/**
 * Content signals of the walkthrough sections, scored per unit. The segmentation sums them, so
 * a signal only has to lean one way; position, pauses and budgets settle the rest.
 */
import { I_ACTION, OUTCOME_VERBS, techMentions } from './lexicon';
import type { Unit } from './tokens';

/** Opening identity statement: specialization, years of experience, domains. */
const IDENTITY =
  / (i'm|i am|i've been|i have been|i've spent|i have spent|i spent) (a|an|currently a|currently an|basically a|primarily a|mostly a|now a) | ([\w'-]+ )?years? (of|in) (experience|industry|the industry|software|engineering|tech|building|working)| (\w+|\d+) (plus )?years (as|in|of|building|working|doing|writing|shipping|designing)| (specializ|specialis|focus(ed|ing)? (on|mostly|mainly|primarily)|background (is )?in|by trade|my career (has been|in|so far)|career in| i describe myself| i'd describe myself| i'd call myself| i work (mostly|mainly|primarily) (on|in|with)| domain| (backend|frontend|full.?stack|data|ml|machine learning|platform|infrastructure|mobile|security|site reliability|devops|embedded|cloud|software|product) (engineer|developer|scientist|architect|manager|lead)( with| who| focused| specializing| for| based)?)| (i've|i have) been (in|doing|working in|working on|building|writing) [a-z ]{0,40}for ([\w'-]+ ){1,3}years/;

/** A role is introduced: employer, title, or a move between jobs. */
const ROLE_INTRO =
  / (currently|right now|most recently|at the moment|these days|today|nowadays) (i'm|i am|i work|i lead|i'm at|at|i've been)| (i am|i'm|i have been|i've been) (currently )?working (in|at|for|with) | since ([\w'-]+ ){1,3}years | (i|i've) (joined|work at|worked at|was at|moved to|went to|landed at|ended up at|spent ([\w'-]+ ){1,3}at)| (i've|i have) been (at|with) | (i'm|i am) (now |currently )?(at|with) [a-z]+ |^ at [a-z]+ $|^ at [a-z]+ (which|where|a|an|the|my) |(?<!that's) where i (am|work) (now|today)| (before (all of |any of )?(that|this)|prior to that|prior to this|before this|previously|after that|then i (moved|joined|went))| before [a-z]+ (i|i'd|i've|i was)|^ at [a-z]+ ([\w'-]+ )?(i|i'm|i've|we|my)| my (current|last|previous|most recent) (role|job|company|position|team)| my (first|very first) ([\w'-]+ )?(job|role|position|years|company)| i'm (now )?(at|with) [a-z]+| (for the (last|past) ([\w'-]+ ){0,4}(years?|months?) i've)| my (most recent|latest|last|current) ([\w'-]+ ){0,2}(was|is|has been) | the (most recent|latest|last) (thing|job|role|gig|position|internship|company) (i|i've|i was) | (most recently|more recently|lately) /;

/** The role told is the latest one: an internship or a first job said this way is recent. */
const RECENCY = / (most recent|most recently|latest|currently|right now|these days|at the moment) /;

/** Summarised older experience, often for what it taught. */
const EARLIER =
  / (early (in|on in|on) my career|earlier in my career|(started|began|start) (my career|out|off)|my (first|very first) ([\w'-]+ )?(job|role|position|gig|years|few years|couple of years|company)|(first|early) (few |couple of )?years (were|was|as|at|in)|as an individual contributor|as a junior|junior (developer|engineer|analyst|dev)|before all (of )?(that|this)|(what|all) i know about ([\w'-]+ ){0,6}(came|comes) from|out of (college|school|university|grad school)|(after|during) (college|grad school|university|my phd|my masters|school)|internship|intern |graduated|taught me|where i learned|that's where i (learned|picked up|got)|i learned (a lot|how|the|to)|learned (the|a lot|how)|back (then|in the day)|years ago|(my|the) early (days|years)|bootcamp|fresh out|first (few|couple of) years|gave me (a|my|the)|(that's|which is|which was|that was) (where|how) i (learned|picked|got|fell|first|started|discovered|became|realized|realised|found)|(did|spent|had) ([\w'-]+ ){0,2}years? (at|as|in|with) (a|an) |got me (into|interested|hooked|obsessed|started|excited)|i (started|began) (out )?(in|at|as) |in the first place|(started|began) to interest me|interested me|cut my teeth|before any of (that|this)|(research|school|class|university|college|side|thesis|capstone|phd|masters?|grad school) projects?|professor|hackathons?)/;

/** Generic present-tense self-description: what the speaker is and cares about (headline). */
const SELF_DESCRIPTION =
  / (i (really )?(care|love|enjoy|tend to|like to|focus|specialize|specialise|think of myself|am passionate|'m passionate|still write|still code|work across|sit between|gravitate|thrive)|i'm (passionate|happiest|strongest|known)|my (focus|specialty|speciality|specialization|sweet spot|passion|strength|strengths|expertise|background|bread and butter)|what i do|i've (mostly|mainly|always) (worked|been|focused|built)|(across|in) (fintech|healthcare|e-?commerce|retail|gaming|media|saas|ad ?tech|logistics|banking|insurance|education|government|startups|enterprise|consumer|b2b))/;

/** A title placed in a team or employer: a role description. */
const TEAM_ROLE = / (on|in) (the|our|their) [a-z-]+ ([\w'-]+ )?team | on the team /;

/** Past events of a specific job: the telling of a role (recent or earlier). */
const PAST_EVENT =
  / (i|we) (led|built|designed|wrote|shipped|proposed|started|joined|had|was|were|went|became|launched|migrated|moved|introduced|rebuilt|created|found|noticed|set up|added|got|took|ran|drove|cut|reduced|replaced|convinced|rolled|turned|spent|learned|owned|managed|hired)|(when|after) i (joined|started|arrived|got there)/;

/** Present tense about the current job: recent, never earlier. */
const CURRENT =
  / (currently|right now|at the moment|these days|nowadays|today i|i'm (now )?(leading|building|working|at|on|responsible)|i lead|i own|i manage) /;

/** Why this role: links the speaker to the job they are interviewing for. */
const CLOSE =
  / ((that's|that is|which is|this is|and that's) (really |exactly |basically |also |kind of |honestly |partly |a big part of )?why |(that's|that is|which is|this is) (exactly |really |basically |pretty much |just )?what (i'd|i would|i want|i wanna|i'd love|i love|i hope|i can|i could) |(pretty much|exactly|basically|precisely) the (problem|problems|work|thing|things|kind of [a-z]+) (i've|i have|i) (been )?(solving|solved|doing|done|working on|built|building|want|love|enjoy)|why i'm (talking|speaking|interviewing|reaching out|sitting here|in this)|(talking|speaking) (to|with) you|interviewing (with|for|at) |this (role|position|job|team|opportunity|company)|your (team|company|product|platform|mission|roadmap|stack|customers|users|org|organization|posting|job|role|description|space|domain|problem|problems|scale)|you're |you are |you all|you guys|why i'm (here|a|so|excited|interested|applying)|(good|great|strong|natural|perfect|right) (fit|match)|excited (about|to|by)|excites me|(that's|that is|which is) (why|what) (i'm|i am|draws|excites|brings|attracts)|(i'd|i would) love to|what i'm looking for|looking for (a|my next|the next)|next (step|chapter)|bring (that|this|my|these|all)|what (drew|draws|attracted|attracts) me|join (you|your|the team|a team)|the role|the opportunity|here at|apply|applied|applying|the job description|the posting|you need|you're facing|at your)/;

/** A trailing wrap-up with no link to this role: not a close. */
const WRAP_UP =
  / (that's|that is|that's kind of|that's basically|that's pretty much|and that's) (me|it|my (background|story|resume|career|journey|path|experience)|where i am( now| today)?|a (quick|brief) (summary|overview)|the (short|long) (version|story)|about it)| in a nutshell| so yeah$| yeah that's /;

/** A cue within the first few words of a unit leads it. */
const LEAD_CHARS = 24;
const RELATIVE = /^ (which|who|where|whose) /;

/** Per-unit scores for the four walkthrough sections (before position and budget priors). */
export interface WalkthroughUnitScores {
  headline: number;
  recent: number;
  earlier: number;
  close: number;
  /** The unit opens a new role (a boundary into recent/earlier is likely right before it). */
  roleIntro: boolean;
  /** The unit holds an earlier-experience cue. */
  earlierCue: boolean;
  /** The cue opens the unit ("Early in my career…"): it starts a new stretch of the story. */
  earlierLead: boolean;
}

function count(re: RegExp, t: string): number {
  return re.test(t) ? 1 : 0;
}

/**
 * Scores one unit. `hasMetric` marks units holding a measured number (IMPACT detail).
 * `relPos` is the unit's middle as a share of the answer's length (0 start, 1 end).
 */
export function scoreWalkthroughUnit(
  unit: Unit,
  hasMetric: boolean,
  relPos: number,
): WalkthroughUnitScores {
  const t = unit.text;
  // "I'm a data engineer on the attribution team" describes a role, not the speaker's headline.
  const identity = count(IDENTITY, t) * (TEAM_ROLE.test(t) ? 0.3 : 1);
  const intro = count(ROLE_INTRO, t);
  const earlier = RECENCY.test(t) ? 0 : count(EARLIER, t);
  const current = count(CURRENT, t);
  const close = count(CLOSE, t);
  const self = count(SELF_DESCRIPTION, t);
  const past = count(PAST_EVENT, t);
  const wrap = count(WRAP_UP, t);
  const detail =
    (hasMetric ? 1 : 0) +
    count(I_ACTION, t) +
    count(OUTCOME_VERBS, t) * 0.5 +
    Math.min(2, techMentions(t).length) * 0.25;
  const s: WalkthroughUnitScores = {
    headline:
      identity * (intro ? 1 : 2.5) +
      self * 1.2 -
      intro * 0.8 -
      past * 0.8 -
      detail * 0.5 -
      Math.max(0, relPos - 0.2) * 6,
    recent: detail * 0.6 + past * 0.4 + current * 1.2 - earlier * 1.5,
    earlier: earlier * 2 + past * 0.2 - current * 2 - detail * 0.4,
    // Units without a close cue lean slightly away from close, so a close starts at its cue.
    close:
      close * 2.5 -
      (close ? 0 : 0.4) -
      wrap * 1.5 -
      Math.max(0, 0.7 - relPos) * 8 -
      (hasMetric ? 1 : 0),
    roleIntro: intro > 0,
    earlierCue: earlier > 0,
    // A relative clause ("…, which was my first engineering job") describes the role just named.
    earlierLead:
      earlier > 0 && (EARLIER.exec(t)?.index ?? Infinity) < LEAD_CHARS && !RELATIVE.test(t),
  };
  if (wrap && !close) s.close -= 1.5;
  return s;
}

/** True when the unit introduces a role (employer, title, or a move between jobs). */
export function isRoleIntro(text: string): boolean {
  return ROLE_INTRO.test(text);
}
