export interface VectorHit {
  itemIndex: number;
  /** Cosine similarity for unit vectors, −1…1. */
  score: number;
}

/**
 * The inner product of the row starting at `offset` with `query`. Four accumulators break the add
 * dependency chain (~2× faster than one on V8). Every exact scan scores with this, so two scans
 * give bitwise the same scores and ties.
 */
export function rowDot(vectors: Float32Array, offset: number, query: Float32Array, dimensions: number): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  let index = 0;
  for (; index + 3 < dimensions; index += 4) {
    sum0 += vectors[offset + index] * query[index];
    sum1 += vectors[offset + index + 1] * query[index + 1];
    sum2 += vectors[offset + index + 2] * query[index + 2];
    sum3 += vectors[offset + index + 3] * query[index + 3];
  }
  for (; index < dimensions; index += 1) sum0 += vectors[offset + index] * query[index];
  return sum0 + sum1 + sum2 + sum3;
}

/** An exact top-k scan: exactTopK, or a faster one that returns the same hits (catalog/native-exact-scan.ts). */
export type ExactScan = (vectors: Float32Array, dimensions: number, query: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>) => VectorHit[];

/**
 * Exact inner-product top-k over row-major vectors (rows × dimensions): a full scan with a
 * k-sized min-heap. For unit vectors the score is the cosine. 11k × 100 floats scan in ~1 ms (measured: eval:encoders), so
 * the text vectors need no approximate index; a VectorIndex (usearch) can replace this behind
 * the same result shape when the catalog grows.
 * @param exclude item indexes never returned (e.g. the reference item itself)
 * @returns up to `k` hits, best first; ties broken by lower item index
 */
export function exactTopK(vectors: Float32Array, dimensions: number, query: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>): VectorHit[] {
  if (query.length !== dimensions) throw new RangeError(`exactTopK: query has ${query.length} dimensions, vectors have ${dimensions}`);
  const rows = Math.floor(vectors.length / dimensions);
  const limit = Math.max(0, Math.min(k, rows));
  if (limit === 0) return [];
  const heapScores = new Float64Array(limit);
  const heapItems = new Int32Array(limit);
  let size = 0;
  // "worse" = lower score, or equal score and higher index (so lower indexes win ties).
  const worse = (scoreA: number, itemA: number, scoreB: number, itemB: number) => scoreA < scoreB || (scoreA === scoreB && itemA > itemB);
  const siftDown = (start: number) => {
    let position = start;
    for (;;) {
      const left = 2 * position + 1;
      const right = left + 1;
      let smallest = position;
      if (left < size && worse(heapScores[left], heapItems[left], heapScores[smallest], heapItems[smallest])) smallest = left;
      if (right < size && worse(heapScores[right], heapItems[right], heapScores[smallest], heapItems[smallest])) smallest = right;
      if (smallest === position) return;
      [heapScores[position], heapScores[smallest]] = [heapScores[smallest], heapScores[position]];
      [heapItems[position], heapItems[smallest]] = [heapItems[smallest], heapItems[position]];
      position = smallest;
    }
  };
  // A typed copy keeps the inner loop monomorphic whatever array-like the caller passed.
  const typedQuery = query instanceof Float32Array ? query : Float32Array.from(query);
  for (let row = 0; row < rows; row += 1) {
    if (exclude?.has(row)) continue;
    const score = rowDot(vectors, row * dimensions, typedQuery, dimensions);
    if (size < limit) {
      let position = size++;
      heapScores[position] = score;
      heapItems[position] = row;
      while (position > 0) {
        const parent = (position - 1) >> 1;
        if (!worse(heapScores[position], heapItems[position], heapScores[parent], heapItems[parent])) break;
        [heapScores[position], heapScores[parent]] = [heapScores[parent], heapScores[position]];
        [heapItems[position], heapItems[parent]] = [heapItems[parent], heapItems[position]];
        position = parent;
      }
    } else if (worse(heapScores[0], heapItems[0], score, row)) {
      heapScores[0] = score;
      heapItems[0] = row;
      siftDown(0);
    }
  }
  const hits: VectorHit[] = [];
  for (let index = 0; index < size; index += 1) hits.push({ itemIndex: heapItems[index], score: heapScores[index] });
  return hits.sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex);
}
