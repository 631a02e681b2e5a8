/**
 * What the serving core tells whoever watches it: one answer, one paid provider call, what it
 * cost, a free path taken instead of a paid one, one feedback event. The pipeline and the spend
 * gate call these through `engine.observer` and know nothing of how they are counted; the server
 * wires them to Prometheus counters and to the periodic metrics snapshots (lib/metrics/
 * server-metrics.ts). Implementations must be cheap and must never throw.
 */

/** Which reasoner answered a request: the fast path, the offline reasoner, or the LLM. */
export type ReasonerLabel = "fast" | "offline" | "llm";

export const REASONER_LABELS: readonly ReasonerLabel[] = ["fast", "offline", "llm"];

/** The parts of a recommendation answer the counters read (RecommendResponse fits). */
export interface ObservedAnswer {
  route: { path: "fast" | "reasoning"; reasoner: string | null; latencyMs: number; inputTokens: number | null; outputTokens: number | null };
  items: ReadonlyArray<{ explanation: { kind: string } | null }>;
}

/** How one paid call went (lib/ai/paid-call.ts ProviderOutcome). */
export type PaidCallOutcome = "answered" | "failed" | "abandoned";

export interface ServingObserver {
  /** A recommendation answered (every face: /api/recommend, the chat, the CLI with an observer). */
  answered(answer: ObservedAnswer): void;
  /** One call to a paid provider under a permit; `call` is the permit's kind ("reasoning", "DJ script", …). */
  paidCall(call: string, outcome: PaidCallOutcome): void;
  /** What a permit's calls cost, USD, once settled. */
  spent(call: string, usd: number): void;
  /** A free path taken instead of a paid call, and why ("budget", "circuit_open", "timeout", …). */
  fellBack(call: string, cause: string): void;
  /**
   * A new feedback event on a shown slot: the explanation arm it was shown with and how the
   * slot's reward moved (after − before, 0 when neither carried one), so that summing the
   * changes gives each slot's final reward.
   */
  feedback(arm: string, event: string, rewardChange: number): void;
}

/** The reasoner label of an answer's route ("llm:<model>" counts as "llm"). */
export function reasonerOf(route: ObservedAnswer["route"]): ReasonerLabel {
  if (route.path === "fast" || route.reasoner === null) return "fast";
  return route.reasoner.startsWith("llm") ? "llm" : "offline";
}
