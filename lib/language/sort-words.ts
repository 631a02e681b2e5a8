import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { overlaps } from "./span-cover";

// Counts have their own reader (count-words.ts); re-exported here, where callers found them first.
export { findCountMentions, type CountMention } from "./count-words";

export type SortWord = "best-rated" | "newest" | "oldest" | "popular" | "shortest";

/** An ordering the person asked for: "best rated", "newest", "most popular", "classic". */
export interface SortMention extends TokenSpan {
  sort: SortWord;
  phrase: string;
}

/** How obvious the picks should be: "hidden gems" (high) vs "crowd-pleasers" (low). */
export interface DiscoveryMention extends TokenSpan {
  /** 0 = popular picks, 1 = least obvious relevant picks. */
  discovery: number;
  phrase: string;
}

const SORT_PATTERNS: Array<[SortWord, RegExp]> = [
  [
    "best-rated",
    /\b(ranked by rating|sorted by rating|by rating|by ratings|highest rated first|best rated first|best rated|top rated|highest rated|highly rated|best reviewed|well rated|well reviewed|critically acclaimed|acclaimed|award winning|oscar winning|oscar winners?|masterpieces?|greatest|best of all time|all time best|best ever|must see|must watch|classics?|the best|best|top notch|top)\b(?! (?:\d+|friend|friends|man|in show)\b)/g,
  ],
  // "the 80s at the latest" and "1995 at the earliest" bound the years (year-expressions.ts), they order nothing.
  ["newest", /\b(newest|(?<!at (?:the )?)latest|most recent|newest first|latest releases|most recent first|newest to oldest|by release date)\b/g],
  ["oldest", /\b(oldest|(?<!at (?:the )?)earliest|oldest first)\b/g],
  // "less popular", "not so popular" ask the other way: the discovery knob, not this sort.
  [
    "popular",
    /\b(sorted by popularity|ranked by popularity|by popularity|most popular first|most popular|(?<!(?:less|so|that|too|very|not) )popular|blockbusters?|well known|famous|crowd pleasers?|mainstream|everyone has seen|big hits?|hits)\b/g,
  ],
  ["shortest", /\b(shortest|quickest)\b/g],
];

const DISCOVERY_PATTERNS: Array<[number, RegExp]> = [
  [
    0.85,
    /\b(hidden gems?|underrated|under the radar|obscure|lesser known|little known|not mainstream|deep cuts?|overlooked|unknown|undiscovered|off the beaten path|cult|cult classics?|indie|independent)\b/g,
  ],
  [0.6, /\b(surprise me|something different|something unusual|something unexpected|something i havent seen|havent heard of)\b/g],
  [
    0.75,
    /\b(less popular|(?:not|arent|isnt|wasnt|werent) (?:so |that |too |very )?(?:popular|well known|famous)|less well known|less famous|few people have seen|few have seen|not many people have seen|under seen|underseen)\b/g,
  ],
  [0.1, /\b(crowd pleasers?|mainstream|blockbusters?|(?<!(?:less|so|that|too|very) )popular|famous|well known|everyone has seen)\b/g],
];

/** Finds sort-order words; the first one wins when several appear. */
export function findSortMentions(query: QueryText): SortMention[] {
  const found: SortMention[] = [];
  for (const [sort, pattern] of SORT_PATTERNS) {
    for (const span of matchPhrases(query, pattern)) {
      if (found.some((mention) => overlaps(mention, span))) continue;
      found.push({ start: span.start, end: span.end, sort, phrase: span.match[1] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Finds discovery preferences ("hidden gems", "mainstream"). */
export function findDiscoveryMentions(query: QueryText): DiscoveryMention[] {
  const found: DiscoveryMention[] = [];
  for (const [discovery, pattern] of DISCOVERY_PATTERNS) {
    for (const span of matchPhrases(query, pattern)) {
      if (found.some((mention) => overlaps(mention, span))) continue;
      found.push({ start: span.start, end: span.end, discovery, phrase: span.match[1] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
