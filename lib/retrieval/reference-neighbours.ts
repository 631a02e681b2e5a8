import { coLikedOf } from "./co-liked-neighbours";
import { similarItems } from "./cf-neighbours";
import type { ItemKnnModel } from "./item-knn";
import { fuseRankedLists } from "./rank-fusion";
import type { VectorIndex } from "./vector-index";

/** What finding a film's neighbours needs: the WALS vectors and index, and the co-liked lists. */
export interface NeighbourModels {
  index: VectorIndex;
  itemVectors: Float32Array;
  /** "People who loved X also loved" lists (co-liked-neighbours.ts); absent in old bundles. */
  coLiked?: ItemKnnModel | null;
}

/** Weight of the WALS list next to the co-liked list (1) when both exist. */
export const WALS_NEIGHBOUR_WEIGHT = 2;

/**
 * The films most like `itemIndex`, best first: the co-liked list fused (weighted RRF) with the
 * WALS cosine neighbours, so a well-rated film gets what its fans loved and a sparse or
 * cold-start film (no co-liked list) still gets the low-rank model's guess. `itemIndex` itself
 * is never returned.
 */
export function referenceNeighbours(models: NeighbourModels, itemIndex: number, k: number): number[] {
  const wals = similarItems(models.index, models.itemVectors, itemIndex, k).map((neighbour) => neighbour.itemIndex);
  const coLiked = models.coLiked ? coLikedOf(models.coLiked, itemIndex).slice(0, k) : [];
  if (coLiked.length === 0) return wals;
  const fused = fuseRankedLists([
    { name: "co-liked", weight: 1, items: coLiked },
    { name: "wals", weight: WALS_NEIGHBOUR_WEIGHT, items: wals },
  ]);
  return fused.filter((entry) => entry.itemIndex !== itemIndex).slice(0, k).map((entry) => entry.itemIndex);
}
