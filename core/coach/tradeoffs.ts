/**
 * Trade-offs: a stated choice that names what was given up, or the alternative rejected with a
 * reason. A choice and its price told one after the other are one trade-off; hindsight is a
 * lesson, not a trade-off; a reason without an alternative or a cost is just a decision.
 */
import type { Token, Unit } from './tokens';
import { unitEvidence } from './tokens';
import type { Evidence } from './types';

/** What kind of trade-off language a unit holds. */
export type TradeoffCue = 'choice' | 'alternative' | 'cost';

/** A choice stated against an alternative: "chose X over Y", "instead of Y", "rather than Y". */
const CHOICE =
  / (chose|choose|chosen|picked|pick|went with|go with|going with|opted for|opt for|settled on|preferred|prefer|favored|favoured|bet on|stuck with|switched to|decided (to|on)|we'd (use|build|go)|made the call) ([\w'-]+ ){0,16}(over|versus|vs|rather than|instead of) | (instead of|rather than) ([\w'-]+ ){1,12}(because|which|but|so that|since|even though) /;

/** A rejected alternative: "we could have done Y but", "we considered Y but", "the alternative was". */
const ALTERNATIVE =
  / (could have|could've|we could|i could) ([\w'-]+ ){0,14}but | would have (let|given|meant|made|required|cost|been|needed|kept) ([\w'-]+ ){0,10}but | but (it|that|this) would (still |also )?have (meant|required|needed|cost) | (we|i) could ([\w'-]+ ){1,8}or ([\w'-]+ ){1,10}(but|instead) | (considered|looked at|evaluated|explored|thought about|debated|weighed|compared|prototyped) ([\w'-]+ ){0,10}(but|however|versus|vs|against) | (the|an|one|other) (alternative|option) (was|would have been|would be) | (we|i) ([\w'-]+ )?(rejected|ruled out|passed on|decided against|didn't go with|did not go with|walked away from) /;

/** The price of a choice: "the downside was", "at the cost of", "gave up", "traded". */
const COST =
  / (the |one |a |main |big |biggest |real |obvious )?(downside|drawback|trade-?off|tradeoff|trade off|catch|cost of that|price)s? (was|were|is|being|here|there|of that|we) | (downside|drawback|cost|price) of ([\w'-]+ ){1,3}(is|was) | the (cost|price) (was|is) (that|we|you|it|losing|less|more|higher|slower|a bit) | at the (cost|expense) of | (gave|give|giving|given) up | (traded|trading|trade) ([\w'-]+ ){0,4}(for|away|off) | sacrific| in exchange for | (we|i) (accepted|paid for) | accepted that | accepted (a |the |some )?(higher|lower|slower|worse|more|less|slightly|bigger|extra|weaker|eventual)| meant (giving up|losing|accepting|we (couldn't|could not|had to|lost|gave))| the con (was|is) | which cost | but (we|it) (lose|lost|gave up|couldn't|had to accept)| (less|more|slower|harder|worse) ([\w'-]+ ){0,10}but (it|that|this) (kept|let|gave|made|meant|saved|bought) | (which|that|this|it) meant ([\w'-]+ ){1,12}but (it|we|that|this) (gave|got|let|bought|kept|made|saved|was) | even though (that|it|this) (meant|cost|required|means|costs|adds) | knowing (it|that|this) (made|would make|meant|would mean|added|would add|cost) | but (it )?(still )?means ([\w'-]+ ){0,6}(still|need|have to|can't|lose|more) | (we|i) (just )?(lived|live|had to live|can live|could live) with (that|it|this|the) | (which|that|this|it) (meant|means) (one more|another|an extra|extra|more|less|fewer|slower|losing|giving up|paying|we (lose|lost|had to|have to|couldn't|can't|gave up)) | but means | (which|that) (costs?|cost us) /;

/** Opens a new, separate choice ("we also picked…", "the other decision…"). */
const ANOTHER_CHOICE =
  /^ (and |so )?(we also|i also|also|another|the other|the second|second|secondly|third|thirdly|next|then we also) /;
/**
 * A unit that makes its own choice before naming a price ("we also moved rate limiting into the
 * gateway, which meant…"): a new trade-off, not the price of the one before.
 */
const SELF_CONTAINED =
  /^ (and |so |then )?(we|i) (also |then |later )?(moved|put|dropped|chose|picked|went with|built|switched|kept|used|added|replaced|split|merged|cached|stored|ran|decided|opted|turned|shipped|made) /;

/** A list marker ending the previous unit ("…a few terabytes, second, we did…"). */
const ORDINAL_TAIL = / (second|secondly|third|thirdly|next|also|another one was) $/;

/** Hindsight language: a lesson, not a trade-off. */
const HINDSIGHT =
  / (in hindsight|looking back|next time|if i'm (being )?honest|(i'd|i would) (also |probably |definitely |really |honestly )?(talk|push|start|spend|insist|ask|involve|set up|get|bring|invest|do|write|build|test|plan|hire|measure|make|move|skip|avoid|use) ([\w'-]+ ){0,10}(earlier|sooner|first|before|up ?front|from day one|from the start|instead)|if i (did|were to do|could do|had to do) (it|this) again|(i would|i'd|we'd) (also |probably |definitely |really |have )?(have )?(?!to |had to |needed )[a-z]+ ([\w'-]+ ){0,8}(earlier|sooner|first|differently|instead)|i would have|i'd have|i'd also have|i should have|we should have|i wish|lesson|(i|we) (learned|learnt)|than (i|we) (had )?expected|than expected)/;

/** The speaker's own conditional ("I'd pick…", "I would start…"). */
const OWN_CONDITIONAL = / (i'd|i would) /;

/** Classifies the trade-off language of one unit (text padded with spaces). */
export function tradeoffCue(text: string, nextText = ''): TradeoffCue | undefined {
  if (HINDSIGHT.test(text)) return undefined;
  // Unpunctuated speech is cut into clauses at pauses, which can split "which meant X | but it
  // gave us Y": match over the unit and the next one, but only cues that start in this unit.
  const joined = nextText ? `${text}${nextText.slice(1)}` : text;
  const startsHere = (re: RegExp): boolean => {
    const m = re.exec(joined);
    return m !== null && m.index < text.length - 1;
  };
  if (startsHere(COST)) return 'cost';
  if (startsHere(CHOICE)) return 'choice';
  if (startsHere(ALTERNATIVE)) return 'alternative';
  return undefined;
}

/** One distinct trade-off with the units that tell it. */
export interface Tradeoff {
  firstUnit: number;
  lastUnit: number;
  cues: TradeoffCue[];
  evidence: Evidence;
}

/**
 * Finds the distinct trade-offs. A cue continues the previous trade-off when it sits in the same
 * or the next unit and adds the other half (a price after a choice, a choice after the
 * alternatives were weighed); two choices in a row are two trade-offs.
 */
export function findTradeoffs(tokens: readonly Token[], units: readonly Unit[]): Tradeoff[] {
  const out: Tradeoff[] = [];
  let afterHindsight = false;
  for (const unit of units) {
    const cue = tradeoffCue(unit.text, units[unit.index + 1]?.text);
    const hindsight = HINDSIGHT.test(unit.text);
    // A cost right after a hindsight remark is part of the lesson ("…we lost two weeks").
    // A choice told as a conditional right after it ("…again, I'd pick X instead of Y") too.
    const skip = !cue || (afterHindsight && (cue !== 'choice' || OWN_CONDITIONAL.test(unit.text)));
    afterHindsight = hindsight || (afterHindsight && !cue);
    if (skip) continue;
    const prev = out[out.length - 1];
    // Told one after the other: the next unit, or within a few seconds (clause units).
    const adjacent =
      prev !== undefined &&
      (unit.index - prev.lastUnit <= 1 || unit.start - (units[prev.lastUnit]?.end ?? 0) < 8);
    // A price continues the choice it follows once; a second price is a second trade-off.
    const continues =
      adjacent &&
      prev !== undefined &&
      ((cue === 'cost' && !prev.cues.includes('cost') && !SELF_CONTAINED.test(unit.text)) ||
        (prev.cues.every((c) => c === 'alternative') &&
          !ANOTHER_CHOICE.test(unit.text) &&
          !ORDINAL_TAIL.test(units[unit.index - 1]?.text ?? '')) ||
        (cue === 'alternative' && !prev.cues.includes('alternative')));
    if (continues && prev) {
      prev.lastUnit = unit.index;
      prev.cues.push(cue);
      const first = units[prev.firstUnit];
      if (first)
        prev.evidence = {
          text: `${prev.evidence.text} ${unitEvidence(tokens, unit).text}`,
          start: first.start,
          end: unit.end,
        };
    } else {
      out.push({
        firstUnit: unit.index,
        lastUnit: unit.index,
        cues: [cue],
        evidence: unitEvidence(tokens, unit),
      });
    }
  }
  return out;
}
