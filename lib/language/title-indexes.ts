import { normaliseTitle } from "../retrieval/title-matcher";

// The catalog's title indexes the query lexicon is built from (lib/language/catalog-lexicon.ts);
// finding titles in a query with them is title-mentions.ts.

/**
 * Exact normalised-title index: title and aliases, case, accents, punctuation and a leading
 * article ignored (the title matcher's normalisation). Ties go to the more popular film.
 */
export function buildExactTitleIndex(names: ReadonlyArray<{ names: readonly string[]; popularity: number }>): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((entry, itemIndex) => {
    for (const name of entry.names) {
      const key = normaliseTitle(name);
      if (!key) continue;
      const existing = index.get(key);
      if (existing === undefined || names[existing].popularity < entry.popularity) index.set(key, itemIndex);
    }
  });
  return index;
}

/**
 * Normalised main title → the films that carry it, most popular first (ties by index). Only
 * names shared by two or more films are kept: the rest need no "did you mean".
 */
export function buildNamesakeIndex(items: ReadonlyArray<{ title: string; ratingCount: number; tmdbVoteCount: number | null }>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, itemIndex) => {
    const key = normaliseTitle(item.title);
    if (!key) return;
    const group = groups.get(key);
    if (group) group.push(itemIndex);
    else groups.set(key, [itemIndex]);
  });
  // "Most rated" means rated here: the 1951 The Day the Earth Stood Still (25 ratings) before its
  // 2008 remake (7 ratings, more TMDB votes); TMDB votes only order films nobody here rated.
  const votes = (itemIndex: number) => items[itemIndex].tmdbVoteCount ?? 0;
  const shared = new Map<string, number[]>();
  for (const [key, group] of groups) {
    if (group.length > 1)
      shared.set(
        key,
        group.sort((a, b) => items[b].ratingCount - items[a].ratingCount || votes(b) - votes(a) || a - b),
      );
  }
  return shared;
}

/** Normalised names bucketed by first character, for cheap whole-query fuzzy matching. */
export type FuzzyTitleIndex = Map<string, Array<{ name: string; itemIndex: number }>>;

export function buildFuzzyTitleIndex(exactTitles: ReadonlyMap<string, number>): FuzzyTitleIndex {
  const index: FuzzyTitleIndex = new Map();
  for (const [name, itemIndex] of exactTitles) {
    const bucket = index.get(name[0]) ?? [];
    bucket.push({ name, itemIndex });
    index.set(name[0], bucket);
  }
  return index;
}

/**
 * Films whose title continues a shorter title after a colon ("The Lord of the Rings" →
 * "The Lord of the Rings: The Fellowship of the Ring", …), most rated first: what a person
 * typing the short title may mean, offered as "did you mean".
 */
export function buildContinuationIndex(items: ReadonlyArray<{ title: string; ratingCount: number }>): Map<string, number[]> {
  const continuations = new Map<string, number[]>();
  items.forEach((item, itemIndex) => {
    const colon = item.title.indexOf(":");
    if (colon < 3) return;
    const key = normaliseTitle(item.title.slice(0, colon));
    if (key.length < 3) return;
    const list = continuations.get(key);
    if (list) list.push(itemIndex);
    else continuations.set(key, [itemIndex]);
  });
  for (const list of continuations.values()) list.sort((a, b) => items[b].ratingCount - items[a].ratingCount || a - b);
  return continuations;
}

/**
 * Short names for long titles: the part before a colon ("Borat" for "Borat: Cultural Learnings
 * of America for Make Benefit Glorious Nation of Kazakhstan"), when no other film starts that
 * way and no film carries it as its own title: how people say such titles.
 */
export function shortTitleAliases(titles: readonly string[], personNames: ReadonlySet<string> = new Set()): Map<string, number> {
  const counts = new Map<string, number[]>();
  titles.forEach((title, itemIndex) => {
    const colon = title.indexOf(":");
    if (colon < 3) return;
    const key = normaliseTitle(title.slice(0, colon));
    if (key.length < 4) return;
    const list = counts.get(key);
    if (list) list.push(itemIndex);
    else counts.set(key, [itemIndex]);
  });
  const own = new Set(titles.map((title) => normaliseTitle(title)));
  const aliases = new Map<string, number>();
  // "Robin Williams: Live on Broadway" must not make "Robin Williams" a title: people are searched by name.
  for (const [key, items] of counts) if (items.length === 1 && !own.has(key) && !personNames.has(key)) aliases.set(key, items[0]);
  return aliases;
}
