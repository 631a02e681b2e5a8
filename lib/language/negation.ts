import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { overlaps } from "./span-cover";

/** A word or phrase that negates what follows: "no", "not", "without", "nothing", "anything but". */
export interface NegationCue extends TokenSpan {
  phrase: string;
  /** "not too scary", "less violent": a preference against, not an exclusion. */
  soft: boolean;
}

/** Phrases that soften rather than exclude: "not too scary" is a preference against, not a filter. */
const SOFT_PHRASES = [
  "not too",
  "not overly",
  "not very",
  "not so",
  "not that",
  "not super",
  "nothing too",
  "nothing overly",
  "nothing very",
  "nothing that",
  "without too much",
  "without much",
  "not much",
  "light on",
  "less",
  "too much",
  "not a lot of",
  "not heavy on",
  "isnt too",
  "shouldnt be too",
  "not excessively",
  "arent too",
  "not too much",
];

/**
 * Phrases that exclude what follows. English negative contractions lose their apostrophe in the
 * tokens ("aren't" → "arent"), so each auxiliary's contraction is a cue of its own.
 */
const HARD_PHRASES = [
  "no",
  "not",
  "nothing",
  "without",
  "never",
  "non",
  "none",
  "zero",
  "except",
  "excluding",
  "exclude",
  "minus",
  "avoid",
  "avoiding",
  "skip",
  "skipping",
  "anything but",
  "but not",
  "dont want",
  "do not want",
  "dont like",
  "do not like",
  "dont need",
  "not into",
  "hate",
  "no more",
  "free of",
  "rather than",
  "instead of",
  "other than",
  "aside from",
  "besides",
  "apart from",
  "sick of",
  "tired of",
  "no need for",
  "nothing with",
  "anything except",
  "everything but",
  "not any",
  "dont show",
  "do not show",
  "dont give",
  "do not give",
  "dont recommend",
  "do not recommend",
  "not interested in",
  "nope",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "doesnt",
  "didnt",
  "wont",
  "shouldnt",
  "shouldnt be",
  "shouldnt have",
  "cant stand",
  "cannot stand",
  "not a fan of",
  "not a big fan of",
  "no fan of",
  "not big on",
  "rather not",
  "would rather not",
  "id rather not",
  "prefer not",
  "prefer no",
  "dont care for",
  "dont enjoy",
  "not keen on",
  "keep away from",
  "stay away from",
  "leave out",
  "no thanks to",
];

const phrasePattern = (phrases: readonly string[]) => new RegExp(String.raw`\b(${[...phrases].sort((a, b) => b.length - a.length).join("|")})\b`, "g");
// Longest first, so "not a fan of" wins over "not" at the same place.
const SOFT_CUES = phrasePattern(SOFT_PHRASES);
const HARD_CUES = phrasePattern(HARD_PHRASES);

/** Tokens allowed between a cue and what it negates ("no more of the romance stuff"). */
const SCOPE_FILLER = new Set(
  "too a an any more of the really very overly so that is it its movies films movie film something anything with in for me please at all kind sort type much super particularly remotely even things stuff thing scenes scene content elements bits too much lots lot heavy on involving about by from directed starring featuring have be are were see watch include including any those".split(
    " ",
  ),
);
/** Tokens that continue a negated list ("no romance or horror"). */
const LIST_JOINERS = new Set(["or", "and", "nor", "either", "neither"]);
/** How far (in tokens) a cue reaches. */
const MAX_SCOPE_TOKENS = 4;

/** Every negation cue; soft cues win where they overlap hard ones ("not too" over "not"). */
export function findNegationCues(query: QueryText): NegationCue[] {
  const soft = matchPhrases(query, SOFT_CUES).map(({ start, end, match }) => ({ start, end, phrase: match[1], soft: true }));
  const hard = matchPhrases(query, HARD_CUES)
    .filter((span) => !soft.some((cue) => overlaps(cue, span)))
    .map(({ start, end, match }) => ({ start, end, phrase: match[1], soft: false }));
  return [...soft, ...hard].sort((a, b) => a.start - b.start);
}

/**
 * Decides which target spans are negated, in query order: a target is negated when a cue ends at
 * most four filler tokens before it, or when it continues a negated list through "or"/"and"/"nor"
 * with nothing else between. Returns, per target, the cue that negates it or null.
 */
export function negatedTargets(query: QueryText, cues: readonly NegationCue[], targets: readonly TokenSpan[]): Array<NegationCue | null> {
  const order = targets.map((target, index) => ({ target, index })).sort((a, b) => a.target.start - b.target.start);
  const result = new Array<NegationCue | null>(targets.length).fill(null);
  let previous: { end: number; cue: NegationCue } | null = null;
  for (const { target, index } of order) {
    let negatedBy: NegationCue | null = null;
    for (const cue of cues) {
      if (cue.end > target.start || target.start - cue.end > MAX_SCOPE_TOKENS) continue;
      const between = query.tokens.slice(cue.end, target.start);
      if (between.every((token) => SCOPE_FILLER.has(token))) negatedBy = cue;
    }
    if (!negatedBy && previous && previous.end <= target.start) {
      const between = query.tokens.slice(previous.end, target.start);
      if (between.length > 0 && between.length <= 3 && between.some((token) => LIST_JOINERS.has(token)) && between.every((token) => LIST_JOINERS.has(token) || SCOPE_FILLER.has(token))) {
        negatedBy = previous.cue;
      }
    }
    result[index] = negatedBy;
    previous = negatedBy ? { end: target.end, cue: negatedBy } : null;
  }
  return result;
}
