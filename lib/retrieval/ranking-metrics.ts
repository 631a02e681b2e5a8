/**
 * Indexes of the `k` highest scores, best first; ties go to the lower index so results are
 * deterministic. Entries equal to -Infinity are never returned (use it to exclude items).
 * @param candidates only these indexes compete (default: every index of `scores`)
 */
export function topKIndexes(scores: ArrayLike<number>, k: number, candidates?: readonly number[]): number[] {
  const heapIndexes: number[] = [];
  // A size-k min-heap keyed by (score, -index): the root is the weakest kept entry.
  const weaker = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const siftDown = (position: number) => {
    for (;;) {
      const left = 2 * position + 1;
      const right = left + 1;
      let smallest = position;
      if (left < heapIndexes.length && weaker(heapIndexes[left], heapIndexes[smallest])) smallest = left;
      if (right < heapIndexes.length && weaker(heapIndexes[right], heapIndexes[smallest])) smallest = right;
      if (smallest === position) return;
      [heapIndexes[position], heapIndexes[smallest]] = [heapIndexes[smallest], heapIndexes[position]];
      position = smallest;
    }
  };
  const count = candidates ? candidates.length : scores.length;
  for (let position = 0; position < count; position += 1) {
    const index = candidates ? candidates[position] : position;
    if (scores[index] === -Infinity) continue;
    if (heapIndexes.length < k) {
      heapIndexes.push(index);
      for (let position = heapIndexes.length - 1; position > 0;) {
        const parent = (position - 1) >> 1;
        if (!weaker(heapIndexes[position], heapIndexes[parent])) break;
        [heapIndexes[position], heapIndexes[parent]] = [heapIndexes[parent], heapIndexes[position]];
        position = parent;
      }
    } else if (k > 0 && weaker(heapIndexes[0], index)) {
      heapIndexes[0] = index;
      siftDown(0);
    }
  }
  return heapIndexes.sort((a, b) => scores[b] - scores[a] || a - b);
}

/**
 * Recall@k normalised by what is reachable: hits in the top k / min(k, |relevant|), so a perfect
 * list scores 1 even when a user has more than k relevant items (Liang et al., 2018). Returns 0
 * when nothing is relevant.
 */
export function recallAtK(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (let position = 0; position < Math.min(k, ranked.length); position += 1) if (relevant.has(ranked[position])) hits += 1;
  return hits / Math.min(k, relevant.size);
}

/** NDCG@k with binary relevance and log2 discounts; the ideal list puts min(k, |relevant|) hits first. */
export function ndcgAtK(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  let gain = 0;
  for (let position = 0; position < Math.min(k, ranked.length); position += 1) {
    if (relevant.has(ranked[position])) gain += 1 / Math.log2(position + 2);
  }
  let ideal = 0;
  for (let position = 0; position < Math.min(k, relevant.size); position += 1) ideal += 1 / Math.log2(position + 2);
  return gain / ideal;
}
