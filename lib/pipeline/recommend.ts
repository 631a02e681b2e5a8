import { decideRoute } from "../../router";
import { applyConstraintsWithCatalogFallback, describeConstraints, gatherCandidates, reasonOffline } from "../reasoning";
import { retrieveFast } from "../retrieval/fast-path";
import type { ParsedRecommendRequest, RecommendResponse, RouteInfo } from "./contract";
import type { Engine } from "./engine";
import { presentItem } from "./present-item";

/**
 * The one pipeline behind /api/recommend, /api/chat and `npm run ask`: takes a validated
 * request, returns the response contract. The router picks the path (or the request forces
 * one); the reasoning path runs the offline reasoner over gathered candidates. Capabilities not
 * yet wired (bandit explanations, impressions, narration, server sessions) stay null.
 */
export async function recommend(request: ParsedRecommendRequest, engine: Engine): Promise<RecommendResponse> {
  const started = engine.now();
  const decision = request.route === "auto" ? decideRoute(request.query, { lexicon: engine.lexicon }, { threshold: engine.routerThreshold }) : null;
  const path = decision?.path ?? (request.route === "reasoning" ? "reasoning" : "fast");
  const reasons = decision ? [...decision.reasons] : [`path forced by the request: ${path}`];
  const route = (extra: Partial<RouteInfo>): RouteInfo => ({
    path,
    score: decision ? Math.round(decision.score * 1000) / 1000 : null,
    threshold: decision?.threshold ?? null,
    reasons,
    reasoner: null,
    // Neither the fast path nor the offline reasoner calls an LLM.
    estimatedCostUsd: 0,
    latencyMs: Math.round((engine.now() - started) * 100) / 100,
    ...extra,
  });

  if (path === "fast") {
    const fast = retrieveFast(
      { query: request.query, limit: request.limit, discovery: request.discovery },
      { keyword: engine.keywordSearch, cf: engine.cf, popularity: engine.popularity },
    );
    reasons.push(...fast.reasons);
    const items = fast.items.map((hit) => presentItem(engine.catalog.items[hit.itemIndex], hit.score, null));
    return { route: route({}), constraints: null, items, narration: null, impressionId: null, sessionId: request.sessionId ?? null };
  }

  const reasoned = reasonOffline(request.query, { lexicon: engine.lexicon, currentYear: engine.currentYear });
  const constraints = request.discovery === undefined ? reasoned.constraints : { ...reasoned.constraints, discovery: request.discovery };
  const gathered = gatherCandidates(constraints, {
    items: engine.catalog.items,
    keyword: engine.keywordSearch,
    cf: engine.cf,
    popularity: engine.popularity,
    indexOf: engine.catalog.indexOf,
  });
  const applied = applyConstraintsWithCatalogFallback(gathered.candidates, engine.catalog.items, constraints, { limit: request.limit, popularity: engine.popularity });
  reasons.push("offline reasoner (no LLM configured)", ...describeConstraints(constraints), ...applied.relaxations);
  const items = applied.items.map((hit) => presentItem(engine.catalog.items[hit.itemIndex], hit.score, null));
  return {
    route: route({ reasoner: "offline" }),
    constraints: constraints as unknown as Record<string, unknown>,
    items,
    narration: null,
    impressionId: null,
    sessionId: request.sessionId ?? null,
  };
}
