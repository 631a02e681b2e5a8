import type { Item } from "../catalog/item";
import type { AlsModel } from "./als";
import { DEFAULT_CONTENT_VECTOR_OPTIONS, fillContentVectors, type ContentVectorOptions, type ContentVectorResult } from "./content-vectors";
import type { SparseMatrix } from "./sparse-matrix";

/** Where an item's CF vector came from; stored per item in the bundle. */
export const ITEM_VECTOR_ORIGIN = {
  /** No vector (no interactions and no content overlap): reachable by keyword only. */
  none: 0,
  /** Learned by WALS from interactions. */
  trained: 1,
  /** Cold start: the content-similarity-weighted mean of trained vectors. */
  content: 2,
} as const;

/**
 * Items need this many interactions to be returned by CF vector search. A film rated once has a
 * vector that is little more than its single rater's taste, which lands it next to that rater's
 * favourites ("Toy Story" → an obscure thriller). Rarer items keep their vectors: they can still
 * be liked, folded in and used as queries.
 */
export const DEFAULT_MINIMUM_INDEXED_INTERACTIONS = 3;

export interface CfItemVectors {
  dimensions: number;
  /** itemCount × dimensions, row-major; rows of items without a vector are zero. */
  vectors: Float32Array;
  /** One ITEM_VECTOR_ORIGIN code per item. */
  origin: Uint8Array;
  content: ContentVectorResult;
  /** Items the vector index should hold: trained items with enough interactions (ascending). */
  indexed: Int32Array;
  /** Untrained items, and how many of them the content step was run for (all unless sampled). */
  contentTargets: { total: number; filled: number };
}

/**
 * Final item vectors for the catalog: trained WALS factors for items with interactions in
 * `userItems`, content-derived vectors for the rest (cold start), so every item with any shared
 * genre, keyword or person has neighbours. Cold-start vectors are queries only: the index holds
 * trained items with at least `minimumIndexedInteractions` interactions, so content-derived
 * averages never crowd out real co-watching neighbours. Pure.
 * @param contentSample run the content step for an evenly spaced sample of this many untrained
 *   items only (benchmarks at sizes where it is too slow); null (default) runs it for all
 */
export function buildCfItemVectors(
  items: readonly Item[],
  model: AlsModel,
  userItems: SparseMatrix,
  contentOptions: ContentVectorOptions = DEFAULT_CONTENT_VECTOR_OPTIONS,
  minimumIndexedInteractions = DEFAULT_MINIMUM_INDEXED_INTERACTIONS,
  contentSample: number | null = null,
): CfItemVectors {
  const { dimensions } = model;
  if (model.itemCount !== items.length) throw new Error(`buildCfItemVectors: model has ${model.itemCount} items, catalog ${items.length}`);
  const origin = new Uint8Array(items.length);
  const interactionCounts = new Int32Array(items.length);
  for (let entry = 0; entry < userItems.columns.length; entry += 1) {
    origin[userItems.columns[entry]] = ITEM_VECTOR_ORIGIN.trained;
    interactionCounts[userItems.columns[entry]] += 1;
  }
  const vectors = Float32Array.from(model.itemFactors);
  const targets: number[] = [];
  origin.forEach((code, itemIndex) => {
    if (code === ITEM_VECTOR_ORIGIN.trained) return;
    vectors.fill(0, itemIndex * dimensions, (itemIndex + 1) * dimensions);
    targets.push(itemIndex);
  });
  // A benchmark may give content vectors to an evenly spaced sample only (to time the step at
  // sizes where filling every item would take long);
  // the rest keep zero vectors, like items with no content neighbour.
  const step = contentSample === null ? 1 : Math.max(1, Math.floor(targets.length / contentSample));
  const filledTargets = step === 1 ? targets : targets.filter((_, position) => position % step === 0);
  const content = fillContentVectors(items, vectors, dimensions, (itemIndex) => origin[itemIndex] === ITEM_VECTOR_ORIGIN.trained, filledTargets, contentOptions);
  for (const { itemIndex } of content.filled) origin[itemIndex] = ITEM_VECTOR_ORIGIN.content;
  const indexed: number[] = [];
  interactionCounts.forEach((count, itemIndex) => {
    if (count >= minimumIndexedInteractions) indexed.push(itemIndex);
  });
  return { dimensions, vectors, origin, content, indexed: Int32Array.from(indexed), contentTargets: { total: targets.length, filled: filledTargets.length } };
}

/** The rows `indexes` of a row-major matrix, packed in that order (for a batch index add). */
export function gatherRows(vectors: Float32Array, dimensions: number, indexes: ArrayLike<number>): Float32Array {
  const rows = new Float32Array(indexes.length * dimensions);
  for (let position = 0; position < indexes.length; position += 1) {
    rows.set(vectors.subarray(indexes[position] * dimensions, (indexes[position] + 1) * dimensions), position * dimensions);
  }
  return rows;
}
