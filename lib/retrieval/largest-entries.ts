/** The `k` candidates with the largest values, largest first, ties to the lower index. */
export function largestEntries(candidates: readonly number[], values: Float64Array, k: number): number[] {
  const order = (a: number, b: number) => values[b] - values[a] || a - b;
  if (candidates.length <= k) return [...candidates].sort(order);
  // The k-th largest value by a native numeric sort, then only the candidates at or above it are
  // sorted with the (slower) comparator: a heap or full comparator sort is several times slower.
  const sorted = Float64Array.from(candidates, (candidate) => values[candidate]).sort();
  const threshold = sorted[sorted.length - k];
  return candidates
    .filter((candidate) => values[candidate] >= threshold)
    .sort(order)
    .slice(0, k);
}
