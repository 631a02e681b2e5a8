import { findDurations } from "./durations";
import { genreWordsAt } from "./genre-words";
import { readNumber } from "./number-words";
import type { QueryText, TokenSpan } from "./query-text";

/** "5 movies", "top 10", "three films", "a couple of comedies", "a dozen", "just one film". */
export interface CountMention extends TokenSpan {
  count: number;
  phrase: string;
}

/** Most films a request may ask for; more is a list, not a count ("top 100"). */
const MAX_COUNT = 50;

/** What a count counts, besides genre words ("5 thrillers", "three sci fi"), which genre-words.ts knows. */
const COUNTED = new Set(
  (
    "movie movies film films flick flicks picture pictures feature features gem gems classic classics pick picks rec recs recommendation " +
    "recommendations suggestion suggestions title titles option options idea ideas choice choices selection selections entry entries " +
    "favorite favorites favourite favourites watch watches ones more"
  ).split(" "),
);
/** Words that make the number something else: a duration, an age, a rating, a sequel ("5 star movies", "2 hour films"). */
const NOT_COUNTED = new Set(
  "hour hours hr hrs h minute minutes min mins m year years yr yrs decade decades star stars oscar oscars part parts season seasons episode episodes percent time times d x way th st nd rd".split(" "),
);
/** Words a modifier between a number and its noun may not be: "one of the best", "one like Heat". */
const NOT_MODIFIERS = new Set("of from with in by like than about for that which who to or and but is are was the a an any".split(" "));
/** Modifiers "one" and "a single" allow: "one good thriller" counts one; "one mother film" is unlikely and not read. */
const SINGLE_MODIFIERS = new Set("good great solid decent nice fun funny scary short long old new classic little really single".split(" "));
/** Words before a number that make it a count even with no noun after: "give me 3", "top 5", "list of 7". */
const COUNT_CUES = ["top", "give me", "show me", "get me", "find me", "send me", "list", "list of", "a list of", "recommend", "suggest", "pick", "name", "need", "want", "just", "only", "exactly"];
/** Bounds and hedges a count can carry ("up to 5", "at least 3", "about 10"): read as the number itself. */
const COUNT_HEDGES = ["up to", "at least", "at most", "no more than", "max", "maximum", "about", "around", "roughly", "approximately", "exactly", "some"];
/** A number before these never counts films: a possession ("my 3 kids") or a preposition ("with 2 friends"). */
const NOT_BEFORE = new Set("my our his her their your with for like than as vs and meets episode part season chapter volume vol number no".split(" "));
/** Words after a lone number that end a request: "comedies, 5 please", "just 3". */
const ENDINGS = new Set("please pls plz thanks thx ty total tops max maximum or so".split(" "));

/** The count phrase at `start` ("a dozen", "half a dozen", "a couple of", "twenty five", "7"), or null. */
function readCount(tokens: readonly string[], start: number): { count: number; end: number; single: boolean } | null {
  const at = (offset: number) => tokens[start + offset];
  if (at(0) === "half" && at(1) === "a" && at(2) === "dozen") return { count: 6, end: start + 3, single: false };
  if (at(0) === "a" && at(1) === "half" && at(2) === "dozen") return { count: 6, end: start + 3, single: false };
  if ((at(0) === "a" || at(0) === "one") && at(1) === "dozen") return { count: 12, end: start + 2, single: false };
  // "a couple of", "a couple", "couple of", "a pair of"; a bare "couple" or "pair" is a noun ("a film for a couple").
  const article = at(0) === "a" ? 1 : 0;
  const pairWord = tokens[start + article];
  if (pairWord === "couple" || pairWord === "pair") {
    const end = start + article + 1;
    if (article === 0 && tokens[end] !== "of") return null;
    return { count: 2, end: tokens[end] === "of" ? end + 1 : end, single: false };
  }
  if (at(0) === "a" && at(1) === "few") return { count: 3, end: start + 2, single: false };
  if (at(0) === "a" && at(1) === "handful" && at(2) === "of") return { count: 5, end: start + 3, single: false };
  if (at(0) === "a" && at(1) === "single") return { count: 1, end: start + 2, single: true };
  if (at(0) === "a" || at(0) === "an") return null;
  const number = readNumber(tokens, start);
  if (!number || !Number.isInteger(number.value)) return null;
  if (tokens[number.end] === "dozen") return { count: number.value * 12, end: number.end + 1, single: false };
  return { count: number.value, end: number.end, single: number.value === 1 };
}

/** Where the noun a count counts ends, over up to three modifiers ("8 sci fi movies"); -1 when there is none. */
function countedNounEnd(tokens: readonly string[], start: number, single: boolean): number {
  // "five of your best comedies", "3 of the scariest": a part of a set, for more than one.
  let first = start;
  if (!single && tokens[first] === "of") first += /^(the|your|my|our|their|his|her|these|those)$/.test(tokens[first + 1] ?? "") ? 2 : 1;
  for (let position = first, modifiers = 0; position < tokens.length && modifiers <= (single ? 1 : 3);) {
    const word = tokens[position];
    if (NOT_COUNTED.has(word) || /\d/.test(word)) return -1;
    const genre = genreWordsAt(tokens, position);
    if (COUNTED.has(word) && !(single && word === "more")) {
      // "a genre noun then a film noun" ("5 horror movies") ends at the film noun.
      return position + 1;
    }
    if (genre > 0) {
      const after = position + genre;
      return COUNTED.has(tokens[after] ?? "") && tokens[after] !== "more" ? after + 1 : after;
    }
    if (NOT_MODIFIERS.has(word) || (single && !SINGLE_MODIFIERS.has(word))) return -1;
    position += 1;
    modifiers += 1;
  }
  return -1;
}

/** The longest phrase from `list` that ends right before token `end`. */
function phraseBefore(tokens: readonly string[], end: number, list: readonly string[]): number {
  let best = end;
  for (const phrase of list) {
    const words = phrase.split(" ");
    const start = end - words.length;
    if (start >= 0 && start < best && words.every((word, offset) => tokens[start + offset] === word)) best = start;
  }
  return best;
}

/**
 * Finds how many films were asked for (1–50). A number counts films when a film noun or genre
 * word follows it ("5 thrillers", "a dozen comedies", "one good western"), or when a request
 * verb stands before it ("give me 3", "top 5", "just one"). Numbers inside durations ("1 hr 45
 * or more") and after a possessive or preposition ("my 3 kids") never count; years are left to
 * year-expressions.ts (the analysis drops a count a year overlaps).
 */
export function findCountMentions(query: QueryText): CountMention[] {
  const tokens = query.tokens;
  const inDuration = new Array<boolean>(tokens.length).fill(false);
  for (const duration of findDurations(query)) for (let index = duration.start; index < duration.end; index += 1) inDuration[index] = true;
  const found: CountMention[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    if (inDuration[start]) continue;
    const read = readCount(tokens, start);
    if (!read || read.count < 1 || read.count > MAX_COUNT) continue;
    const previous = tokens[start - 1];
    if (previous !== undefined && NOT_BEFORE.has(previous)) continue;
    // "one" after a determiner is a pronoun ("the one with", "that one", "no one").
    if (tokens[start] === "one" && /^(the|that|this|any|every|some|which|each|no)$/.test(previous ?? "")) continue;
    const nounEnd = countedNounEnd(tokens, read.end, read.single);
    const cueStart = phraseBefore(tokens, start, COUNT_CUES);
    const cued = cueStart < start;
    const next = tokens[read.end];
    const ending = next === undefined || ENDINGS.has(next);
    // "comedies, 5 please": a number between what is counted and a closing word.
    const countedBefore = previous !== undefined && ENDINGS.has(next ?? "") && (COUNTED.has(previous) || genreWordsAt(tokens, start - 1) === 1);
    // A bare "1" or "one" is a count only with a noun or a cue ("just one", "one film").
    if (nounEnd < 0 && !countedBefore && !(cued && (ending || genreWordsAt(tokens, read.end) === 0))) continue;
    if (nounEnd < 0 && read.count === 1 && !ending) continue;
    const hedgeStart = phraseBefore(tokens, cued ? cueStart : start, COUNT_HEDGES);
    const spanStart = Math.min(cueStart, hedgeStart);
    const end = nounEnd > 0 ? nounEnd : read.end;
    found.push({ start: spanStart, end, count: read.count, phrase: tokens.slice(spanStart, end).join(" ") });
    start = end - 1;
  }
  return found;
}
