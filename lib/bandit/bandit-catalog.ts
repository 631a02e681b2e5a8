import type { Item } from "../catalog/item";

/** Ratings a film needs before its average can rank it within a genre. */
const GENRE_RANK_MINIMUM_RATINGS = 20;
/** Pseudo-ratings at the catalog mean in the Bayesian average (shrinks small-sample averages). */
const BAYESIAN_PRIOR_COUNT = 20;

export interface GenreRank {
  genre: string;
  /** 1 = best Bayesian-average rating in the genre. */
  rank: number;
  /** Films in the genre with enough ratings to be ranked. */
  of: number;
}

/**
 * The catalog as the explanation arms need it: the items plus a few catalog-wide facts
 * (popularity ranks, genre ranks) computed once at load, so preconditions stay O(1).
 */
export interface BanditCatalog {
  items: readonly Item[];
  /** 1-based rank of each item by MovieLens rating count (1 = most rated); ties share order of index. */
  ratingCountRank: Int32Array;
  /** Items with at least one MovieLens rating. */
  ratedItemCount: number;
  /** Mean MovieLens rating over all rated items (weighted by count). */
  meanRating: number;
  /** Each item's genre ranks, best (lowest rank) first; empty when it has too few ratings. */
  genreRanks: GenreRank[][];
  /** Lower-cased words of an item's genres, keywords and tags, built on first use. */
  vocabulary(itemIndex: number): ReadonlyMap<string, string>;
}

/** Splits text into lower-case word tokens of two or more letters or digits. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
}

/** Builds the catalog facts the arms use. O(n log n) in items; run once per loaded catalog. */
export function createBanditCatalog(items: readonly Item[]): BanditCatalog {
  const order = items.map((_, index) => index).sort((left, right) => items[right].ratingCount - items[left].ratingCount || left - right);
  const ratingCountRank = new Int32Array(items.length);
  order.forEach((itemIndex, position) => (ratingCountRank[itemIndex] = position + 1));
  let ratingSum = 0;
  let ratingCount = 0;
  let ratedItemCount = 0;
  for (const item of items) {
    if (item.ratingCount > 0 && item.ratingMean !== null) {
      ratingSum += item.ratingMean * item.ratingCount;
      ratingCount += item.ratingCount;
      ratedItemCount++;
    }
  }
  const meanRating = ratingCount > 0 ? ratingSum / ratingCount : 3.5;
  const bayesian = (item: Item) => ((item.ratingMean ?? meanRating) * item.ratingCount + meanRating * BAYESIAN_PRIOR_COUNT) / (item.ratingCount + BAYESIAN_PRIOR_COUNT);

  const byGenre = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (item.ratingCount < GENRE_RANK_MINIMUM_RATINGS || item.ratingMean === null) return;
    for (const genre of item.genres) {
      const list = byGenre.get(genre) ?? [];
      list.push(index);
      byGenre.set(genre, list);
    }
  });
  const genreRanks: GenreRank[][] = items.map(() => []);
  for (const [genre, members] of byGenre) {
    members.sort((left, right) => bayesian(items[right]) - bayesian(items[left]) || left - right);
    members.forEach((itemIndex, position) => genreRanks[itemIndex].push({ genre, rank: position + 1, of: members.length }));
  }
  for (const ranks of genreRanks) ranks.sort((left, right) => left.rank / left.of - right.rank / right.of);

  const vocabularies = new Map<number, Map<string, string>>();
  const vocabulary = (itemIndex: number) => {
    let words = vocabularies.get(itemIndex);
    if (!words) {
      words = new Map();
      const item = items[itemIndex];
      // Each word maps back to the phrase it came from, so a renderer can quote the real tag.
      for (const phrase of [...item.genres, ...item.tags, ...item.keywords]) {
        for (const word of wordTokens(phrase)) if (!words.has(word)) words.set(word, phrase);
      }
      vocabularies.set(itemIndex, words);
    }
    return words;
  };

  return { items, ratingCountRank, ratedItemCount, meanRating, genreRanks, vocabulary };
}
