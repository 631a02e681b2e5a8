import type { Item } from "../catalog/item";
import type { Constraints } from "./constraints";

/** A retrieved item and its relevance from retrieval (any scale; only the order and ratios matter). */
export interface Candidate {
  itemIndex: number;
  score: number;
}

/**
 * Each distinct catalog candidate with its best retrieval score, leaving out invalid indexes and
 * the reference titles themselves ("like Heat" is not answered with Heat).
 */
export function candidatePool(candidates: readonly Candidate[], items: readonly Item[], constraints: Constraints): Map<number, number> {
  const referenceIds = new Set(constraints.references.map((reference) => reference.itemId).filter((id): id is string => id !== null));
  const unique = new Map<number, number>();
  for (const candidate of candidates) {
    if (candidate.itemIndex < 0 || candidate.itemIndex >= items.length) continue;
    if (referenceIds.has(items[candidate.itemIndex].id)) continue;
    unique.set(candidate.itemIndex, Math.max(unique.get(candidate.itemIndex) ?? Number.NEGATIVE_INFINITY, candidate.score));
  }
  return unique;
}
