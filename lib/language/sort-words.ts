import { matchPhrases, NUMBER_WORD_PATTERN, parseNumber, type QueryText, type TokenSpan } from "./query-text";

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

/** "5 movies", "top 10", "three films", "a couple of comedies". */
export interface CountMention extends TokenSpan {
  count: number;
  phrase: string;
}

const SORT_PATTERNS: Array<[SortWord, RegExp]> = [
  ["best-rated", /\b(ranked by rating|sorted by rating|by rating|by ratings|highest rated first|best rated first|best rated|top rated|highest rated|highly rated|best reviewed|well rated|well reviewed|critically acclaimed|acclaimed|award winning|oscar winning|oscar winners?|masterpieces?|greatest|best of all time|all time best|best ever|must see|must watch|classics?|the best|best|top notch|top)\b(?! (?:\d+|friend|friends|man|in show)\b)/g],
  ["newest", /\b(newest|latest|most recent|newest first|latest releases|most recent first|newest to oldest|by release date)\b/g],
  ["oldest", /\b(oldest|earliest|oldest first)\b/g],
  // "less popular", "not so popular" ask the other way: the discovery knob, not this sort.
  ["popular", /\b(sorted by popularity|ranked by popularity|by popularity|most popular first|most popular|(?<!(?:less|so|that|too|very|not) )popular|blockbusters?|well known|famous|crowd pleasers?|mainstream|everyone has seen|big hits?|hits)\b/g],
  ["shortest", /\b(shortest|quickest)\b/g],
];

const DISCOVERY_PATTERNS: Array<[number, RegExp]> = [
  [0.85, /\b(hidden gems?|underrated|under the radar|obscure|lesser known|little known|not mainstream|deep cuts?|overlooked|unknown|undiscovered|off the beaten path|cult|cult classics?|indie|independent)\b/g],
  [0.6, /\b(surprise me|something different|something unusual|something unexpected|something i havent seen|havent heard of)\b/g],
  [0.75, /\b(less popular|(?:not|arent|isnt|wasnt|werent) (?:so |that |too |very )?(?:popular|well known|famous)|less well known|less famous|few people have seen|few have seen|not many people have seen|under seen|underseen)\b/g],
  [0.1, /\b(crowd pleasers?|mainstream|blockbusters?|(?<!(?:less|so|that|too|very) )popular|famous|well known|everyone has seen)\b/g],
];

/** What a count counts: films by any name, including a genre in the plural ("six film noirs", "a dozen whodunits"). */
const COUNT_NOUNS =
  "movies|films|pictures|features|gems|classics|picks|recommendations|suggestions|titles|options|ideas|flicks|ones|more|" +
  "comedies|dramas|thrillers|horrors|westerns|documentaries|docs|mysteries|whodunits|whodunnits|adventures|romances|musicals|cartoons|" +
  "animations|noirs|fantasies|capers|heists|romcoms|rom coms|biopics|epics|satires|slashers|mockumentaries";
/** "a dozen", "two dozen", "half a dozen": counted in dozens. */
const DOZENS = String.raw`half a dozen|(?:a|one|two|three|four) dozen`;
const patterns = {
  // Up to three words between the number and the noun: "8 sci fi movies", "12 science fiction films".
  count: new RegExp(String.raw`\b(?:top |give me |show me |list |recommend |suggest |just |only )?(${DOZENS}|a couple of|a few|a handful of|\d{1,2}|${NUMBER_WORD_PATTERN}) (?:(?!(?:hours?|hrs?|minutes?|mins?|years?|decades?)\b)[a-z]+ ){0,3}?(${COUNT_NOUNS})\b`, "g"),
  top: /\btop (\d{1,2}|three|five|ten|twenty)\b/g,
};

/** Finds sort-order words; the first one wins when several appear. */
export function findSortMentions(query: QueryText): SortMention[] {
  const found: SortMention[] = [];
  for (const [sort, pattern] of SORT_PATTERNS) {
    for (const { start, end, match } of matchPhrases(query, pattern)) {
      if (found.some((mention) => mention.start < end && start < mention.end)) continue;
      found.push({ start, end, sort, phrase: match[1] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Finds discovery preferences ("hidden gems", "mainstream"). */
export function findDiscoveryMentions(query: QueryText): DiscoveryMention[] {
  const found: DiscoveryMention[] = [];
  for (const [discovery, pattern] of DISCOVERY_PATTERNS) {
    for (const { start, end, match } of matchPhrases(query, pattern)) {
      if (found.some((mention) => mention.start < end && start < mention.end)) continue;
      found.push({ start, end, discovery, phrase: match[1] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "half a dozen" → 6, "a dozen" → 12, "two dozen" → 24. */
function dozens(text: string): number {
  if (text.startsWith("half")) return 6;
  const multiplier = text.replace(/ ?dozen$/, "");
  return 12 * (multiplier === "" || multiplier === "a" ? 1 : parseNumber(multiplier));
}

/** Finds how many films were asked for (2–50); "a", "one" and bare numbers are not counts. */
export function findCountMentions(query: QueryText): CountMention[] {
  const found: CountMention[] = [];
  for (const pattern of [patterns.top, patterns.count]) {
    for (const { start, end, match } of matchPhrases(query, pattern)) {
      const text = match[1].replace(/^a /, "").replace(/ of$/, "");
      const count = text === "handful" ? 5 : /dozen$/.test(text) ? dozens(text) : parseNumber(text);
      if (!Number.isFinite(count) || count < 2 || count > 50 || !Number.isInteger(count)) continue;
      if (found.some((mention) => mention.start < end && start < mention.end)) continue;
      found.push({ start, end, count, phrase: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
