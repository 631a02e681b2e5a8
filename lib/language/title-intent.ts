import { normaliseTitle } from "../retrieval/title-matcher";
import type { QueryAnalysis } from "./analyse-query";
import type { CatalogLexicon } from "./catalog-lexicon";

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
  /** Films whose neighbours are wanted, never the films themselves ("like Heat", "I loved Inception"). */
  references: number[];
  /** References the person said they like or love: they count as session likes. */
  statedLikes: number[];
  /** Films the request rules out ("not Heat", "seen Heat"). */
  excluded: number[];
}

/** Words within a few tokens before a title that say the person likes it. */
const LIKING_WORDS = new Set(["love", "loved", "loving", "loves", "like", "liked", "enjoy", "enjoyed", "adore", "adored", "favourite", "favorite", "fave", "fan", "obsessed", "rewatched"]);
/** How far before a title a liking word may stand ("my favourite film of all time is Heat"). */
const LIKING_WINDOW = 6;
/** Words right before a title that compare rather than like: "movies like Heat", "similar to Heat". */
const COMPARISON_BEFORE = new Set(["like", "to", "as", "than", "of", "vein"]);
/** Subjects that turn "like" into liking: "I like Heat", "we really like Heat". */
const LIKING_SUBJECTS = new Set(["i", "we", "really", "totally", "also", "just", "both"]);

const YEAR_TOKEN = /^(1[89]\d\d|20\d\d)$/;

function statesLiking(tokens: readonly string[], start: number): boolean {
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
    return {
      lookup: { itemIndex: chosen, exact: analysis.wholeTitle.kind === "exact", namesakes: group.filter((itemIndex) => itemIndex !== chosen), unmatchedYear },
      references: [],
      statedLikes: [],
      excluded: [],
    };
  }
  const references: number[] = [];
  const statedLikes: number[] = [];
  const excluded: number[] = [];
  for (const title of analysis.titles) {
    if (title.role === "exclude") {
      if (!excluded.includes(title.itemIndex)) excluded.push(title.itemIndex);
      continue;
    }
    if (references.includes(title.itemIndex)) continue;
    references.push(title.itemIndex);
    if (statesLiking(tokens, title.start)) statedLikes.push(title.itemIndex);
  }
  return { lookup: null, references, statedLikes, excluded };
}
