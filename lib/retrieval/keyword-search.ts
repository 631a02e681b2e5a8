import type { Item } from "../catalog/item";
import { popularityScore } from "../catalog/popularity";
import { Bm25Index } from "./bm25";
import { TitleMatcher } from "./title-matcher";

export interface ScoredItem {
  itemIndex: number;
  score: number;
}

/** Weights of the keyword fusion; a whole-query title match dominates, popularity breaks ties. */
const TITLE_WEIGHT = 1;
const BM25_WEIGHT = 0.6;
const POPULARITY_WEIGHT = 0.25;

/**
 * Keyword retrieval: BM25F over the item fields fused with whole-query title matches and a
 * popularity prior. Scores are comparable within one query only.
 */
export class KeywordSearch {
  readonly bm25: Bm25Index;
  readonly titles: TitleMatcher;
  private readonly popularity: Float64Array;
  private readonly maxPopularity: number;

  /** @param bm25 a prebuilt index over the same items (from the catalog bundle); built here when absent */
  constructor(items: readonly Item[], bm25?: Bm25Index) {
    if (bm25 && bm25.documentCount !== items.length) throw new RangeError(`BM25 index covers ${bm25.documentCount} items, the catalog has ${items.length}`);
    this.bm25 = bm25 ?? new Bm25Index(items);
    this.titles = new TitleMatcher(items);
    this.popularity = Float64Array.from(items, popularityScore);
    // A fold, not Math.max(...array): spreading more than ~125k arguments overflows the call stack.
    this.maxPopularity = this.popularity.reduce((max, value) => Math.max(max, value), 1e-9);
  }

  /**
   * @param query free text
   * @param limit items returned, best first (default 50)
   */
  search(query: string, limit = 50): ScoredItem[] {
    const bm25Hits = this.bm25.search(query, Math.max(200, limit));
    const titleHits = this.titles.match(query, 20);
    const topBm25 = bm25Hits[0]?.score ?? 1;
    const fused = new Map<number, number>();
    for (const hit of bm25Hits) fused.set(hit.itemIndex, (BM25_WEIGHT * hit.score) / topBm25);
    for (const hit of titleHits) fused.set(hit.itemIndex, (fused.get(hit.itemIndex) ?? 0) + TITLE_WEIGHT * hit.score);
    return [...fused]
      .map(([itemIndex, score]) => ({ itemIndex, score: score + (POPULARITY_WEIGHT * this.popularity[itemIndex]) / this.maxPopularity }))
      .sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex)
      .slice(0, limit);
  }
}
