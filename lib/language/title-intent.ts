import { normaliseTitle } from "../retrieval/title-matcher";
import type { QueryAnalysis } from "./query-analysis";
import type { CatalogLexicon } from "./catalog-lexicon";
import { LIKING_AFTER, LIKING_AFTER_WINDOW } from "./liking-words";

/** A bare-title request: the film asked for and the other films that carry its title. */
export interface TitleLookup {
  itemIndex: number;
  /** False for a typo or a prefix ("the godfahter", "terminator 2"). */
  exact: boolean;
  /** Other films of the same title (remakes, namesakes), most popular first: "did you mean". */
  namesakes: number[];
  /** A year the request named that none of the namesakes has ("Dune 2021"), else null. */
  unmatchedYear: number | null;
}

/** What the titles in a request ask for; retrieval reads this instead of searching their words. */
export interface TitleIntent {
  /** Set when the request is one title: a lookup, that film first, then its neighbours. */
  lookup: TitleLookup | null;
  /** The request names a series by the words its titles start with ("harry potter"): its films, most rated first. */
  series: { name: string; items: number[] } | null;
  /** Films whose neighbours are wanted, never the films themselves ("like Heat", "I loved Inception"). */
  references: number[];
  /** References the person said they like or love: they count as session likes. */
  statedLikes: number[];
  /** Films the request rules out ("not Heat", "seen Heat"). */
  excluded: number[];
  /**
   * Titles the request refers to that the catalog lacks ("like Oppenheimer", "like Dune 2021"):
   * said to be missing, never silently swapped for another film; `didYouMean` holds the closest
   * catalog titles, best first.
   */
  unknown: UnknownTitle[];
}

export interface UnknownTitle {
  /** As the person wrote it, with the year when one was given ("Dune 2021"). */
  text: string;
  didYouMean: number[];
}

/** Words within a few tokens before a title that say the person likes it. */
const LIKING_WORDS = new Set(["love", "loved", "loving", "loves", "like", "liked", "enjoy", "enjoyed", "adore", "adored", "favourite", "favorite", "fave", "fan", "obsessed", "rewatched"]);
/** How far before a title a liking word may stand ("my favourite film of all time is Heat"). */
const LIKING_WINDOW = 6;
/** Words right before a title that compare rather than like: "movies like Heat", "similar to Heat". */
const COMPARISON_BEFORE = new Set(["like", "to", "as", "than", "of", "vein"]);
/** Subjects that turn "like" into liking: "I like Heat", "we really like Heat". */
const LIKING_SUBJECTS = new Set(["i", "we", "really", "totally", "also", "just", "both"]);

/** Words after which a capitalised unknown name is a film the person refers to ("like Oppenheimer"). */
const UNKNOWN_REFERENCE_CUES = new Set(["like", "loved", "liked", "enjoyed", "adored", "watched", "seen", "to", "of"]);
/** Words around a series name that do not belong to it ("the harry potter movies"). */
const SERIES_WRAPPERS = new Set(["the", "movie", "movies", "film", "films", "series", "saga", "franchise", "all", "every", "watch", "show", "me"]);
/** Films a series answer lists first, at most. */
const MAX_SERIES_FILMS = 12;

/**
 * The films whose titles begin with the request's words (wrappers aside), most rated first; null
 * when none do. Two or more name a series ("harry potter", "the star trek movies"); one is that
 * film ("eternal sunshine").
 */
function titlesStartingWith(tokens: readonly string[], lexicon: CatalogLexicon): { name: string; items: number[] } | null {
  const words = tokens.filter((token) => !SERIES_WRAPPERS.has(token));
  if (words.length < 2 || words.length > 6 || words.length < tokens.length - 3) return null;
  const prefix = `${words.join(" ")} `;
  const sorted = lexicon.sortedTitles;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle][0] < prefix) low = middle + 1;
    else high = middle;
  }
  const items: number[] = [];
  for (let index = low; index < sorted.length && sorted[index][0].startsWith(prefix); index += 1) items.push(sorted[index][1]);
  if (items.length === 0) return null;
  items.sort((a, b) => lexicon.items[b].ratingCount - lexicon.items[a].ratingCount || a - b);
  return { name: words.join(" "), items: items.slice(0, MAX_SERIES_FILMS) };
}

/** Other films offered with a lookup, at most. */
const MAX_DID_YOU_MEAN = 6;

/** Small words inside a capitalised film name ("All at Once", "Lord of the Rings"). */
const JOINING_WORDS = new Set(["all", "at", "of", "the", "a", "an", "and", "in", "on", "to", "for"]);
/** Title-matcher score a "did you mean" suggestion needs. */
const DID_YOU_MEAN_MINIMUM = 0.5;

/** Where `phrase` (normalised words) stands in the original text: [start, end) in characters. */
function originalSpan(original: string, phrase: string): [number, number] {
  const first = phrase.split(" ")[0];
  const last = phrase.split(" ").at(-1)!;
  const lower = original.toLowerCase();
  const start = lower.indexOf(first);
  const lastAt = lower.indexOf(last, Math.max(0, start));
  return start < 0 || lastAt < 0 ? [0, original.length] : [start, lastAt + last.length];
}

/** True when every word of `phrase` starts with a capital letter in the original request (small joining words aside). */
function writtenAsTitle(original: string, phrase: string): boolean {
  const [start, end] = originalSpan(original, phrase);
  const words = original.slice(start, end).split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((word, index) => /^[^a-z]*[A-Z0-9]/.test(word) || (index > 0 && JOINING_WORDS.has(word.toLowerCase())));
}

const YEAR_TOKEN = /^(1[89]\d\d|20\d\d)$/;

function statesLiking(tokens: readonly string[], start: number, end: number): boolean {
  for (let index = end; index < Math.min(tokens.length, end + LIKING_AFTER_WINDOW); index += 1) {
    if (LIKING_AFTER.has(tokens[index])) return true;
    if (tokens[index] === "but") break;
  }
  return statesLikingBefore(tokens, start);
}

function statesLikingBefore(tokens: readonly string[], start: number): boolean {
  const before = tokens[start - 1];
  const beforeThat = tokens[start - 2];
  if (before === "like") return beforeThat !== undefined && LIKING_SUBJECTS.has(beforeThat);
  if (before === "of") return beforeThat === "fan" || beforeThat === "fans";
  // "I'd love something similar to Heat": the liking word is about the wish, not the film.
  if (before !== undefined && COMPARISON_BEFORE.has(before)) return false;
  for (let index = Math.max(0, start - LIKING_WINDOW); index < start; index += 1) {
    const token = tokens[index];
    if (token === "like" ? index > 0 && LIKING_SUBJECTS.has(tokens[index - 1]) : LIKING_WORDS.has(token)) return true;
  }
  return false;
}

/**
 * Reads what the titles of an analysed request ask for. A whole-query title is a lookup (with
 * its namesakes, and a year in the request choosing among them); every other title the analysis
 * kept is a reference, excluded ones aside: the words around it ("I loved", "what next",
 * "vibes") are context, not search terms. Pure.
 */
export function titleIntent(analysis: QueryAnalysis, lexicon: CatalogLexicon): TitleIntent {
  const tokens = analysis.query.tokens;
  if (analysis.wholeTitle) {
    const asked = analysis.wholeTitle.itemIndex;
    const group = lexicon.namesakes.get(normaliseTitle(lexicon.items[asked].title)) ?? [asked];
    const years = tokens.filter((token) => YEAR_TOKEN.test(token)).map(Number);
    let chosen = asked;
    let unmatchedYear: number | null = null;
    if (years.length > 0) {
      const byYear = group.find((itemIndex) => lexicon.items[itemIndex].year === years[years.length - 1]);
      if (byYear !== undefined) chosen = byYear;
      else if (lexicon.items[asked].year !== years[years.length - 1]) unmatchedYear = years[years.length - 1];
    } else if (group.includes(asked)) {
      // No year: the most popular of the namesakes is the likelier film.
      chosen = group[0];
    }
    const key = normaliseTitle(lexicon.items[chosen].title);
    const continuing = (lexicon.continuations.get(key) ?? []).filter((itemIndex) => !group.includes(itemIndex));
    const namesakes = [...group.filter((itemIndex) => itemIndex !== chosen), ...continuing].slice(0, MAX_DID_YOU_MEAN);
    return {
      lookup: { itemIndex: chosen, exact: analysis.wholeTitle.kind === "exact", namesakes, unmatchedYear },
      series: null,
      references: [],
      statedLikes: [],
      excluded: [],
      unknown: [],
    };
  }
  // "Eternal Sunshine": the words begin exactly one title, which beats a shorter title inside them.
  // A person's name is a search for their films, not the one title it begins ("Robin Williams: Live on Broadway").
  const byPrefix = analysis.people.length > 0 ? null : titlesStartingWith(tokens, lexicon);
  if (byPrefix && byPrefix.items.length === 1) {
    return { lookup: { itemIndex: byPrefix.items[0], exact: false, namesakes: [], unmatchedYear: null }, series: null, references: [], statedLikes: [], excluded: [], unknown: [] };
  }
  if (byPrefix && analysis.titles.length === 0) return { lookup: null, series: byPrefix, references: [], statedLikes: [], excluded: [], unknown: [] };
  const references: number[] = [];
  const statedLikes: number[] = [];
  const excluded: number[] = [];
  const unknown: UnknownTitle[] = [];
  for (const title of analysis.titles) {
    // "like Dune 2021": the year picks among the films of that title; none has it → missing.
    let itemIndex = title.itemIndex;
    if (title.year !== null) {
      const group = lexicon.namesakes.get(normaliseTitle(lexicon.items[itemIndex].title)) ?? [itemIndex];
      const byYear = group.find((candidate) => lexicon.items[candidate].year === title.year);
      if (byYear === undefined) {
        unknown.push({ text: `${lexicon.items[itemIndex].title} ${title.year}`, didYouMean: group });
        continue;
      }
      itemIndex = byYear;
    }
    if (title.role === "exclude") {
      if (!excluded.includes(itemIndex)) excluded.push(itemIndex);
      continue;
    }
    if (references.includes(itemIndex)) continue;
    references.push(itemIndex);
    if (statesLiking(tokens, title.start, title.end)) statedLikes.push(itemIndex);
  }
  for (const keyword of analysis.keywords) {
    const cue = tokens[keyword.start - 1] ?? "";
    const cued = UNKNOWN_REFERENCE_CUES.has(cue) && (cue !== "to" || tokens[keyword.start - 2] === "similar") && (cue !== "of" || ["vein", "fan", "fans"].includes(tokens[keyword.start - 2] ?? ""));
    if (keyword.negated || !cued || !writtenAsTitle(analysis.query.original, keyword.phrase)) continue;
    const didYouMean = lexicon.titles.match(keyword.phrase, 3, DID_YOU_MEAN_MINIMUM).map((match) => match.itemIndex);
    // "Everything Everywhere All at Once": a known title ("Once") that ends the same capitalised
    // name is part of the unknown one, not a second film.
    let end = keyword.end;
    for (const title of analysis.titles) {
      const between = tokens.slice(end, title.start);
      if (title.start >= end && between.every((token) => JOINING_WORDS.has(token)) && writtenAsTitle(analysis.query.original, tokens.slice(keyword.start, title.end).join(" "))) {
        const dropped = references.indexOf(title.itemIndex);
        if (dropped >= 0) references.splice(dropped, 1);
        const liked = statedLikes.indexOf(title.itemIndex);
        if (liked >= 0) statedLikes.splice(liked, 1);
        end = title.end;
      }
    }
    unknown.push({ text: analysis.query.original.slice(...originalSpan(analysis.query.original, tokens.slice(keyword.start, end).join(" "))), didYouMean });
  }
  return { lookup: null, series: null, references, statedLikes, excluded, unknown };
}
