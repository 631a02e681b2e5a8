/**
 * How a request was served, logged in its impression's context (`context.serving`) so the log
 * evaluator (lib/evaluation/drift.ts) can watch the route mix, fallbacks and latency per window
 * from the store alone, in every process.
 */
export type ServingRecord = {
  /** What answered: the fast path, the offline reasoner or the LLM reasoner. */
  route: "fast" | "offline" | "llm";
  /** The path the router (or the request) asked for before any fallback. */
  requested: "fast" | "reasoning";
  /**
   * Why a reasoning request was not answered by the LLM although one is configured, else null:
   * "fast-by-spend-gate" (the budget sent it to the fast path), "offline-by-spend-gate" (the gate
   * or the provider breaker chose the offline reasoner), "llm-failed" (the LLM was called and
   * failed: timeout, HTTP error, invalid answer).
   */
  fallback: "fast-by-spend-gate" | "offline-by-spend-gate" | "llm-failed" | null;
  /** Milliseconds from the request's start to its write (the store's commit excluded). */
  latencyMs: number;
};

export function servingRecord(input: { reasoner: string | null; budgetFallback: boolean; llmCalled: boolean; llmConfigured: boolean; latencyMs: number }): ServingRecord {
  const route = input.reasoner === null ? "fast" : input.reasoner.startsWith("llm") ? "llm" : "offline";
  const requested = input.budgetFallback || input.reasoner !== null ? "reasoning" : "fast";
  let fallback: ServingRecord["fallback"] = null;
  if (input.budgetFallback) fallback = "fast-by-spend-gate";
  else if (route === "offline" && input.llmCalled) fallback = "llm-failed";
  else if (route === "offline" && input.llmConfigured) fallback = "offline-by-spend-gate";
  return { route, requested, fallback, latencyMs: Math.round(input.latencyMs * 100) / 100 };
}
