import type { Item } from "./item";

/**
 * A popularity prior in log space from MovieLens rating count and, for items MovieLens barely
 * knows (cold start), TMDB vote count scaled down to MovieLens' smaller audience.
 */
export function popularityScore(item: Item): number {
  const fromTmdb = (item.tmdbVoteCount ?? 0) / 40;
  return Math.log1p(Math.max(item.ratingCount, fromTmdb));
}
