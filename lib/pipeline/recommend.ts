import type { ParsedRecommendRequest, RecommendResponse } from "./contract";
import type { Engine } from "./engine";
import { presentItem } from "./present-item";
import { retrieveFast } from "../retrieval/fast-path";

/**
 * The one pipeline behind /api/recommend, /api/chat and `npm run ask`: takes a validated
 * request, returns the response contract. Capabilities not yet wired (router, reasoning,
 * bandit, narration) leave their fields null and say so in route.reasons.
 */
export async function recommend(request: ParsedRecommendRequest, engine: Engine): Promise<RecommendResponse> {
  const started = engine.now();
  const fast = retrieveFast(
    { query: request.query, limit: request.limit, discovery: request.discovery },
    { keyword: engine.keywordSearch, cf: engine.cf, popularity: engine.popularity },
  );
  const items = fast.items.map((hit) => presentItem(engine.catalog.items[hit.itemIndex], hit.score, null));
  return {
    route: {
      path: "fast",
      score: null,
      threshold: null,
      reasons: ["fast path (router not yet available)", ...fast.reasons],
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
