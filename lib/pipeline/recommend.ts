import type { ParsedRecommendRequest, RecommendResponse } from "./contract";
import type { Engine } from "./engine";
import { presentItem } from "./present-item";

/**
 * The one pipeline behind /api/recommend, /api/chat and `npm run ask`: takes a validated
 * request, returns the response contract. Until the router, reasoning, bandit and narration
 * land, every request takes the keyword path and says so.
 */
export async function recommend(request: ParsedRecommendRequest, engine: Engine): Promise<RecommendResponse> {
  const started = engine.now();
  const hits = engine.keywordSearch.search(request.query, request.limit);
  const items = hits.map((hit) => presentItem(engine.catalog.items[hit.itemIndex], hit.score, null));
  return {
    route: {
      path: "fast",
      score: null,
      threshold: null,
      reasons: ["keyword path: BM25 + title match (router not yet available)"],
      reasoner: null,
      estimatedCostUsd: null,
      latencyMs: Math.round((engine.now() - started) * 100) / 100,
    },
    constraints: null,
    items,
    narration: null,
    impressionId: null,
    sessionId: request.sessionId ?? null,
  };
}
