import type { Item } from "../catalog/item";
import { applyConstraints, type ApplyOptions, type ApplyResult } from "./apply-constraints";
import { candidatePool, type Candidate } from "./candidate-pool";
import type { Constraints } from "./constraints";
import { hardConstraintFilter } from "./hard-constraint-filter";
import { popularityOrder } from "./popularity-order";

/** How many of the most popular catalog items the fallback adds: bounds its cost to a few ms. */
const CATALOG_FALLBACK_POOL = 3000;

/** applyConstraints' strictCount, from the flat-array filter alone. */
function strictlyMeeting(candidates: readonly Candidate[], items: readonly Item[], constraints: Constraints): number {
  const meets = hardConstraintFilter(constraints, items);
  let count = 0;
  for (const itemIndex of candidatePool(candidates, items, constraints).keys()) if (meets(itemIndex)) count += 1;
  return count;
}

/**
 * applyConstraints, then, when fewer than `limit` candidates meet every hard constraint, again
 * over the candidates plus the catalog's most popular items (`CATALOG_FALLBACK_POOL`), so that
 * relaxation chooses from the catalog rather than only from what retrieval found. (Every item
 * meeting the constraints as stated is already among the candidates when they come from
 * gatherCandidates, whose catalog scan finds them.) Added items rank below retrieved ones.
 */
export function applyConstraintsWithCatalogFallback(
  candidates: readonly Candidate[],
  items: readonly Item[],
  constraints: Constraints,
  options: ApplyOptions & { fallbackPoolSize?: number; fallbackBelow?: number },
): ApplyResult & { usedCatalogFallback: boolean } {
  // `fallbackBelow`: widen only when fewer than this many meet the constraints (default `limit`),
  // so a caller asking for extra candidates does not pay for the catalog pass to fill them. The
  // count comes from the flat-array filter, so a request that must widen skips a full
  // constraint pass (with its relaxation steps) over the retrieved candidates alone.
  if (options.relax === false || strictlyMeeting(candidates, items, constraints) >= (options.fallbackBelow ?? options.limit)) {
    return { ...applyConstraints(candidates, items, constraints, options), usedCatalogFallback: false };
  }
  const retrieved = new Set(candidates.map((candidate) => candidate.itemIndex));
  let floor = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) if (candidate.score > 0 && candidate.score < floor) floor = candidate.score;
  if (!Number.isFinite(floor)) floor = 1;
  const order = popularityOrder(items, options.popularity);
  const poolSize = options.fallbackPoolSize ?? CATALOG_FALLBACK_POOL;
  const widened: Candidate[] = [...candidates];
  let added = 0;
  for (let rank = 0; rank < order.length && added < poolSize; rank += 1) {
    const index = order[rank];
    if (retrieved.has(index)) continue;
    // Below every retrieved candidate, in popularity order.
    widened.push({ itemIndex: index, score: floor * 0.5 * (1 - rank / order.length) });
    added += 1;
  }
  const second = applyConstraints(widened, items, constraints, options);
  return {
    ...second,
    relaxations: second.relaxations.length > 0 ? [...second.relaxations, `relaxed over the ${added} most popular catalog films as well as the retrieved ones`] : second.relaxations,
    usedCatalogFallback: true,
  };
}
