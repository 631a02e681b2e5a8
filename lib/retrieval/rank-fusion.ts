/** One ranked list entering fusion, with how much it counts. */
export interface RankedList {
  name: string;
  weight: number;
  /** Item indexes, best first. */
  items: readonly number[];
}

export interface FusedItem {
  itemIndex: number;
  score: number;
  /** Which lists contributed, for explanations and debugging. */
  sources: string[];
}

/**
 * Weighted reciprocal rank fusion (Cormack et al. 2009): score = Σ weight / (k + rank). It needs
 * no score calibration between BM25, title similarity and CF dot products, which live on
 * unrelated scales. `prior(itemIndex)` adds a per-item term (the popularity prior).
 * @param k rank-discount constant (default 60, the paper's value)
 */
export function fuseRankedLists(lists: readonly RankedList[], prior: (itemIndex: number) => number = () => 0, k = 60): FusedItem[] {
  const fused = new Map<number, FusedItem>();
  for (const list of lists) {
    list.items.forEach((itemIndex, rank) => {
      const entry = fused.get(itemIndex) ?? { itemIndex, score: 0, sources: [] };
      entry.score += list.weight / (k + rank + 1);
      if (!entry.sources.includes(list.name)) entry.sources.push(list.name);
      fused.set(itemIndex, entry);
    });
  }
  for (const entry of fused.values()) entry.score += prior(entry.itemIndex);
  return [...fused.values()].sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex);
}
