import type { Engine } from "../lib/pipeline/engine";
import { movedNeighbours } from "../lib/pipeline/moved-neighbours";
import { slatePoolSize } from "../lib/pipeline/slate-step";
import { applyConstraintsWithCatalogFallback, gatherCandidates, reasonOffline, type Constraints } from "../lib/reasoning";

/** Cards per answer, as the pipeline serves by default. */
export const ANSWER_SIZE = 10;

/**
 * The reasoning path's order for constraints, as lib/pipeline/recommend.ts gathers candidates and
 * applies constraints, without the bandit and the LLM (both only re-order within relevance).
 */
function reasoningOrder(engine: Engine, constraints: Constraints, count: number): number[] {
  const items = engine.catalog.items;
  const search = engine.textSearch;
  const sparseSupport = search
    ? {
        textNeighbours: (itemIndex: number, k: number) => search.searchVector(search.itemVector(itemIndex), k + 1).map((hit) => hit.itemIndex),
        ratingCount: (itemIndex: number) => items[itemIndex].ratingCount,
      }
    : undefined;
  const { candidates } = gatherCandidates(constraints, {
    items,
    keyword: engine.keywordSearch,
    cf: engine.cf,
    popularity: engine.popularity,
    indexOf: engine.catalog.indexOf,
    sparseSupport,
    movedNeighbours: movedNeighbours(engine),
  });
  const applied = applyConstraintsWithCatalogFallback(candidates, items, constraints, {
    limit: Math.max(count, slatePoolSize(ANSWER_SIZE)),
    fallbackBelow: ANSWER_SIZE,
    popularity: engine.popularity,
    directionScores: engine.contentDirections.scores,
  });
  return applied.items.slice(0, count).map((item) => item.itemIndex);
}

export interface WishComparison {
  /** What the offline reasoner read from the request with the wish. */
  constraints: Constraints;
  /** The same request without its directions ("like X"): its first 30. */
  plainTop30: number[];
  /** The request as asked ("like X but less violent"): its first 10. */
  wishedTop10: number[];
}

/**
 * "Like X but <wish>" against "like X": the offline reasoner reads the request once; the plain
 * answer is the same constraints minus the directions and the discovery wish. `amountScale`
 * multiplies every direction's amount and the discovery's distance from the neutral 0.5
 * (eval:directions' weight sweep).
 */
export function compareWish(engine: Engine, request: string, amountScale = 1): WishComparison {
  const read = reasonOffline(request, { lexicon: engine.lexicon, currentYear: engine.currentYear }).constraints;
  const wished = {
    ...read,
    directions: read.directions.map((entry) => ({ ...entry, amount: entry.amount * amountScale })),
    discovery: read.discovery === null ? null : Math.min(1, Math.max(0, 0.5 + (read.discovery - 0.5) * amountScale)),
  };
  return { constraints: read, plainTop30: reasoningOrder(engine, { ...read, directions: [], discovery: null }, 30), wishedTop10: reasoningOrder(engine, wished, ANSWER_SIZE) };
}
