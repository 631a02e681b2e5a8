import type { RecommendedItem, RecommendResponse, RouteInfo } from "../../lib/pipeline/contract";

/** A card as the response contract carries it; the caller sets what its test is about. */
export function recommendedItem(overrides: Partial<RecommendedItem> & { id: string; title: string }): RecommendedItem {
  return {
    year: 1995,
    genres: ["Drama"],
    runtimeMinutes: 100,
    language: "en",
    directors: [],
    cast: [],
    overview: null,
    rating: null,
    links: { imdb: null, tmdb: null },
    verdicts: [],
    score: 1,
    explanation: null,
    modelReason: null,
    ...overrides,
  };
}

/** A route as the pipeline reports it: the fast path unless `overrides` say otherwise. */
export function routeInfo(overrides: Partial<RouteInfo> = {}): RouteInfo {
  return {
    path: "fast",
    score: null,
    threshold: null,
    reasons: [],
    plainReason: "",
    reasoner: null,
    estimatedCostUsd: null,
    estimatedLatencyMs: null,
    actualCostUsd: null,
    inputTokens: null,
    outputTokens: null,
    latencyMs: 1,
    ...overrides,
  };
}

/** A whole response with nothing understood, relaxed or referred to, unless `overrides` say so. */
export function recommendResponse(overrides: Partial<RecommendResponse> = {}): RecommendResponse {
  return {
    route: routeInfo(),
    constraints: null,
    items: [],
    relaxations: [],
    metEveryConstraint: null,
    didYouMean: [],
    references: [],
    lookup: null,
    series: null,
    people: [],
    unknownTitles: [],
    catalogYears: null,
    impressionId: null,
    sessionId: null,
    ...overrides,
  };
}
