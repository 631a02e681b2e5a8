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

/** Films closest to an item by its text (overview, keywords), best first; from lib/ai's text search. */
export type TextNeighbours = (itemIndex: number, k: number) => number[];

/** What a film with few fans here adds to its neighbours: text neighbours, and how many rated it. */
export interface SparseFilmSupport {
  textNeighbours: TextNeighbours;
  /** How many people here rated the film. */
  ratingCount(itemIndex: number): number;
}

/**
 * A film rated by fewer people than this has too few fans here for their taste to say much
 * ("Psycho" 1998: 7 ratings, whose co-liked films are The Bounty Hunter and Holy Man): its text
 * neighbours lead the list. 30 rather than 15: on eval:served it raises the content relevance of
 * lookups from 0.373 to 0.384 (neighbour precision 0.970 → 0.936, above its 0.85 target).
 */
const SPARSE_RATINGS = 30;
/** Weights for such a film: text first, WALS next, the co-liked list least. */
const SPARSE_WEIGHTS = { text: 3, wals: 1, coLiked: 0.5 } as const;

/** Weight of the WALS list next to the co-liked list (1) when both exist. */
const WALS_NEIGHBOUR_WEIGHT = 2;

/**
 * The films most like `itemIndex`, best first: the co-liked list fused (weighted RRF) with the
 * WALS cosine neighbours, so a well-rated film gets what its fans loved and a cold-start film (no
 * co-liked list) still gets the low-rank model's guess; a film with few fans here also gets the
 * films closest to its text, when `textNeighbours` is given. `itemIndex` itself is never returned.
 */
/** True when the film has so few ratings here that its neighbours come mostly from its text. */
export function isSparseFilm(support: SparseFilmSupport | undefined, itemIndex: number): boolean {
  return support !== undefined && support.ratingCount(itemIndex) < SPARSE_RATINGS;
}

export function referenceNeighbours(models: NeighbourModels, itemIndex: number, k: number, sparseSupport?: SparseFilmSupport): number[] {
  const wals = similarItems(models.index, models.itemVectors, itemIndex, k).map((neighbour) => neighbour.itemIndex);
  const coLiked = models.coLiked ? coLikedOf(models.coLiked, itemIndex).slice(0, k) : [];
  const sparse = isSparseFilm(sparseSupport, itemIndex);
  if (coLiked.length === 0 && !sparse) return wals;
  const lists = sparse
    ? [
        { name: "text", weight: SPARSE_WEIGHTS.text, items: sparseSupport!.textNeighbours(itemIndex, k).filter((neighbour) => neighbour !== itemIndex) },
        { name: "wals", weight: SPARSE_WEIGHTS.wals, items: wals },
        { name: "co-liked", weight: SPARSE_WEIGHTS.coLiked, items: coLiked },
      ]
    : [
        { name: "co-liked", weight: 1, items: coLiked },
        { name: "wals", weight: WALS_NEIGHBOUR_WEIGHT, items: wals },
      ];
  const fused = fuseRankedLists(lists);
  return fused
    .filter((entry) => entry.itemIndex !== itemIndex)
    .slice(0, k)
    .map((entry) => entry.itemIndex);
}
