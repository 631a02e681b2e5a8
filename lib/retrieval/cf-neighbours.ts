import type { VectorIndex } from "./vector-index";

export interface CfNeighbour {
  itemIndex: number;
  score: number;
}

/**
 * The `k` items whose CF vectors are closest to item `itemIndex`'s ("more like this"), the item
 * itself excluded. Scores are the index's similarities (cosine for a "cos" index). Returns [] for
 * an item without a vector (all-zero row).
 */
export function similarItems(index: VectorIndex, itemVectors: Float32Array, itemIndex: number, k: number): CfNeighbour[] {
  const dimensions = index.dimensions;
  const query = itemVectors.subarray(itemIndex * dimensions, (itemIndex + 1) * dimensions);
  if (query.length !== dimensions || query.every((value) => value === 0)) return [];
  const { indexes, scores } = index.search(query, k + 1);
  const neighbours: CfNeighbour[] = [];
  for (let position = 0; position < indexes.length && neighbours.length < k; position += 1) {
    if (indexes[position] !== itemIndex) neighbours.push({ itemIndex: indexes[position], score: scores[position] });
  }
  return neighbours;
}

export interface RecommendOptions {
  /** Items never returned (already seen, already liked or disliked). */
  exclude?: ReadonlySet<number>;
  /**
   * Candidates fetched from the index before re-ranking by the model's score x·y (default 200).
   * A cosine index ranks by angle only; WALS scores are dot products, where the vector norm
   * carries how broadly an item is liked, so a wider cosine pool is re-scored exactly.
   */
  candidatePool?: number;
}

/**
 * Top `k` items for a (folded-in) user vector, scored by the WALS prediction x·y_i. Returns []
 * for a zero vector (no feedback yet).
 */
export function recommendForUser(index: VectorIndex, itemVectors: Float32Array, userVector: Float32Array, k: number, options: RecommendOptions = {}): CfNeighbour[] {
  const dimensions = index.dimensions;
  if (userVector.every((value) => value === 0)) return [];
  const exclude = options.exclude ?? new Set<number>();
  const pool = Math.max(k + exclude.size, options.candidatePool ?? 200);
  const { indexes } = index.search(userVector, pool);
  const scored: CfNeighbour[] = [];
  for (const itemIndex of indexes) {
    if (exclude.has(itemIndex)) continue;
    const offset = itemIndex * dimensions;
    let score = 0;
    for (let column = 0; column < dimensions; column += 1) score += userVector[column] * itemVectors[offset + column];
    scored.push({ itemIndex, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex).slice(0, k);
}
