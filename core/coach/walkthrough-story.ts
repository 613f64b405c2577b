/**
 * Story-level leans of a walkthrough, added to the per-unit section scores before the
 * segmentation: the opening before the present role is the headline, and a role block leans
 * earlier when it is brief and cued, recent when it is told in IMPACT detail.
 */
import { statesProblem, statesResult } from './elements';
import { TECH_SET } from './lexicon';
import type { Token, Unit } from './tokens';
import type { WalkthroughUnitScores } from './walkthrough-signals';

/**
 * "I" with any regular past-tense verb ("I repartitioned the job"): the speaker acting. Career and
 * state verbs are left out (they tell the path, not the work).
 */
const OWN_PAST_ACTION =
  / i (also |then |personally |basically |just )?(?!(joined|started|moved|worked|enjoyed|loved|liked|wanted|needed|used|tried|learned|learnt|graduated|interned|switched|transitioned|pivoted|ended|realized|realised|noticed)\b)[a-z]{3,}ed /;

/** Adds a block-level lean: a role told briefly with a summary cue is earlier, in detail recent. */
export function addRoleBlockBias(
  scores: WalkthroughUnitScores[],
  units: readonly Unit[],
  details: readonly number[],
): void {
  let blockStart = 1;
  const flush = (end: number): void => {
    if (end <= blockStart) return;
    let cues = 0;
    let detail = 0;
    for (let i = blockStart; i < end; i++) {
      if (scores[i]?.earlierCue) cues++;
      // Any own past action counts as telling ("I repartitioned the job"), beyond the verb list.
      detail += Math.max(details[i] ?? 0, OWN_PAST_ACTION.test(units[i]?.text ?? '') ? 1 : 0);
    }
    const duration = (units[end - 1]?.end ?? 0) - (units[blockStart]?.start ?? 0);
    const brief = duration < 28 ? 0.6 : -Math.min(1.5, (duration - 28) / 20);
    // Problem and result statements add detail; past this much detail the lean is already at
    // its floor and the block is told, so the (costly) scan stops.
    const enough = Math.max(2, 2 * (cues * 0.9 + brief + 2));
    for (let i = blockStart; i < end && detail < enough; i++) {
      const text = units[i]?.text ?? '';
      if (statesProblem(text) || statesResult(text)) detail += 0.5;
    }
    // Two own actions (or one plus a problem and a result) over 20 s or more: IMPACT detail.
    const told = detail >= 2 && duration >= 15;
    const bias = Math.max(-2, Math.min(2, cues * 0.9 + brief - detail * 0.5));
    for (let i = blockStart; i < end; i++) {
      const s = scores[i];
      if (!s) continue;
      // Only the recent/earlier balance moves: the block must not outweigh a close after it.
      s.earlier += bias * 0.6;
      // A role told in detail is recent whatever a cue inside it says ("…which was my first
      // engineering job, I owned…"): the cue counts half and opens no boundary. A cue that
      // opens its sentence ("Early in my career…") still starts a summary.
      if (told && s.earlierCue && !s.earlierLead) {
        s.earlier -= 1;
        s.recent += 0.75;
        s.earlierCue = false;
      }
    }
  };
  // A role block ends at the next role introduction or at a close cue.
  for (let i = 1; i < scores.length; i++) {
    if (scores[i]?.roleIntro || (scores[i]?.close ?? 0) > 0) {
      flush(i);
      blockStart = i;
    }
  }
  flush(scores.length);
}

/** A present role introduced: "At Korra I manage…", "right now I'm at…", "I've been at…". */
const PRESENT_ROLE =
  / (currently|right now|at the moment|these days|nowadays|today) | (i'm|i am) (now |currently )?(at|with) [a-z]+ |^ at [a-z]+ ([\w'-]+ )?(i|we) (manage|lead|run|own|work|am|'m|'ve been|have been) | (i've|i have) been (at|with) [a-z]+ | my (current|present) (role|job|company|team) |^ (so |and |now |today )?at [a-z]+ ((where|which|i|we|i'm|i've) |$)| where i've been (for|since) /;

/**
 * The opening before the present role is introduced is the headline, even when it looks back
 * ("…before that I was a backend engineer for seven years"): units in the first stretch with no
 * IMPACT detail, followed within the first third by a present-role introduction, lean headline.
 */
export function addHeadlinePrefixBias(
  scores: WalkthroughUnitScores[],
  units: readonly Unit[],
  details: readonly number[],
  total: number,
): void {
  const t0 = units[0]?.start ?? 0;
  let present = -1;
  for (let i = 1; i < units.length; i++) {
    const u = units[i] as Unit;
    if (u.start - t0 > Math.max(25, Math.min(50, total * 0.4))) break;
    if (PRESENT_ROLE.test(u.text)) {
      present = i;
      break;
    }
  }
  if (present < 2) return;
  for (let i = 1; i < present; i++) if ((details[i] ?? 0) > 0) return;
  for (let i = 1; i < present; i++) {
    const s = scores[i];
    if (!s) continue;
    s.headline += 2;
    s.recent -= 1;
    s.roleIntro = false;
    s.earlierCue = false;
  }
}

/** Capitalised words that are not names of employers. */
const NOT_A_NAME =
  /^(i|i'm|i've|i'd|i'll|ok|okay|so|and|but|then|also|yeah|um|uh|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|english|american|european)$/;
/** Forward-looking words that a close says with the company's name. */
const TOWARD =
  / (want|wanted|hope|looking|next|join|joining|bring|excited|love|fit|why|brings|drew|draws|where i|kind of place|place i) /;

/**
 * Units in the last third that name an employer not mentioned before, with forward-looking words
 * ("…which brings me to Lumen", "Helix is where I want to take this next"): the company being
 * interviewed for, so the close. Needs capitals, which raw ASR text lacks.
 */
export function unitsNamingNewCompany(
  tokens: readonly Token[],
  units: readonly Unit[],
): Set<number> {
  const out = new Set<number>();
  const seen = new Set<string>();
  const t0 = units[0]?.start ?? 0;
  const total = Math.max(1, (units[units.length - 1]?.end ?? 0) - t0);
  for (const u of units) {
    const late = (u.start - t0) / total >= 0.65;
    let names = false;
    for (let i = u.first; i <= u.last; i++) {
      const t = tokens[i];
      if (!t) continue;
      const sentenceStart = i === 0 || tokens[i - 1]?.sentenceEnd === true;
      const capital = /^[A-Z][a-z]/.test(t.raw) && !sentenceStart && !NOT_A_NAME.test(t.norm);
      if (capital && !TECH_SET.has(t.norm) && !seen.has(t.norm)) names = true;
      seen.add(t.norm);
    }
    if (late && names && TOWARD.test(u.text)) out.add(u.index);
  }
  return out;
}
