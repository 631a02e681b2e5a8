/** How similarity is measured: cosine of the angle, or the raw inner product. */
export type VectorMetric = "cos" | "ip";

/** The k best matches of one query, best first. */
export interface VectorSearchResult {
  /** Item indexes (positions in `Catalog.items`). */
  indexes: Int32Array;
  /** Similarities, higher is better: cosine similarity for "cos", the dot product for "ip". */
  scores: Float32Array;
}

/**
 * Nearest-neighbour search over dense vectors keyed by item index. Implementations: the exact
 * brute-force ExactVectorIndex (tests, tiny catalogs) and the HNSW UsearchVectorIndex (serving).
 */
export interface VectorIndex {
  readonly dimensions: number;
  readonly metric: VectorMetric;
  /** Number of vectors stored. */
  readonly size: number;
  /**
   * Adds `indexes.length` vectors, row-major in `vectors` (length = count × dimensions).
   * Throws on a length mismatch, a negative or non-integer index, or a read-only (viewed) index.
   */
  add(indexes: ArrayLike<number>, vectors: Float32Array): void;
  /** The `k` most similar stored vectors to `query` (fewer when the index holds fewer). */
  search(query: Float32Array, k: number): VectorSearchResult;
  /** Writes the index to `filePath` (the implementation's own format). */
  save(filePath: string): void;
}

/** Throws unless `vectors` holds exactly `count` rows of `dimensions` values. */
export function assertVectorBatch(count: number, vectors: Float32Array, dimensions: number): void {
  if (vectors.length !== count * dimensions) {
    throw new Error(`Vector batch mismatch: ${count} indexes need ${count * dimensions} values of ${dimensions}-d vectors, got ${vectors.length}`);
  }
}

/** Throws unless every entry is an item index: an integer in 0..2^31 − 1 (results are Int32Arrays). */
export function assertItemIndexes(indexes: ArrayLike<number>): void {
  for (let position = 0; position < indexes.length; position += 1) {
    const index = indexes[position];
    if (!Number.isInteger(index) || index < 0 || index > 0x7fffffff) throw new Error(`Item index must be an integer in 0..2^31-1, got ${index}`);
  }
}
