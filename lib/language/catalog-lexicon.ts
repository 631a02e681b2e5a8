import type { Item } from "../catalog/item";
import { popularityScore } from "../catalog/popularity";
import { normaliseTitle, TitleMatcher, type TitleMatch } from "../retrieval/title-matcher";
import { PeopleLexicon } from "./people-lexicon";
import { buildExactTitleIndex, buildFuzzyTitleIndex, buildContinuationIndex, buildNamesakeIndex, shortTitleAliases, type FuzzyTitleIndex } from "./title-indexes";

/**
 * What the query lexicon needs to know about titles: the title matcher's surface
 * (lib/retrieval/title-matcher.ts). Passing the engine's own instance avoids building it twice.
 */
export interface TitleLookup {
  match(query: string, limit?: number, minimumScore?: number): TitleMatch[];
}

/** The catalog-derived half of the lexicon: people, titles, and the newest release year. */
export interface CatalogLexicon {
  items: readonly Item[];
  people: PeopleLexicon;
  titles: TitleLookup;
  /** Item id → index in `items`. */
  indexOf: Map<string, number>;
  /** Normalised title or alias → item index (most popular on ties), for exact spans in queries. */
  exactTitles: Map<string, number>;
  /**
   * Normalised title → every film of that title (remakes, namesakes), most popular first: a bare
   * title lookup shows the first and offers the others as "did you mean".
   */
  namesakes: Map<string, number[]>;
  /** Every normalised main title with its item, sorted by name: prefix lookups ("harry potter" → the series). */
  sortedTitles: ReadonlyArray<readonly [string, number]>;
  /** Short title → films whose title continues it after a colon, most rated first ("did you mean"). */
  continuations: Map<string, number[]>;
  /** The same names bucketed by first letter, for whole-query typo matching. */
  fuzzyTitles: FuzzyTitleIndex;
  /** Newest release year in the catalog: what "recent" counts back from. */
  latestYear: number;
}

/**
 * Builds the catalog lexicon once per process (≈ 100–300 ms on the full catalog).
 * @param titles an existing title matcher (the keyword search's), or one is built
 */
export function buildCatalogLexicon(items: readonly Item[], titles?: TitleLookup): CatalogLexicon {
  const exactTitles = buildExactTitleIndex(items.map((item) => ({ names: [item.title, ...item.aliases], popularity: popularityScore(item) })));
  const personNames = new Set(items.flatMap((item) => [...item.directors, ...item.cast.slice(0, 10)]).map(normaliseTitle));
  for (const [alias, itemIndex] of shortTitleAliases(
    items.map((item) => item.title),
    personNames,
  ))
    if (!exactTitles.has(alias)) exactTitles.set(alias, itemIndex);
  let latestYear = 0;
  for (const item of items) if (item.year !== null && item.year > latestYear) latestYear = item.year;
  return {
    items,
    people: new PeopleLexicon(items),
    titles: titles ?? new TitleMatcher(items),
    indexOf: new Map(items.map((item, index) => [item.id, index])),
    exactTitles,
    namesakes: buildNamesakeIndex(items),
    continuations: buildContinuationIndex(items),
    sortedTitles: items.map((item, itemIndex) => [normaliseTitle(item.title), itemIndex] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])),
    fuzzyTitles: buildFuzzyTitleIndex(exactTitles),
    latestYear: latestYear || 2000,
  };
}
