import type { LlmFailure } from "./structured-generation";

/**
 * What a paid provider call (one that costs the operator money) needs from the spend gate
 * (lib/pipeline/spend-gate.ts): permission before the call, and the actual cost after it. The
 * types live here so that lib/narration and lib/chat can take a gate without depending on the
 * pipeline.
 */
export type PaidCallKind = "reasoner" | "re-rank" | "DJ script" | "reply" | "speech";

/** What one provider call said about the provider, for its circuit breaker. */
export type ProviderOutcome = "answered" | "failed" | "abandoned";

export interface PaidCallPermit {
  /** Tells the provider's circuit breaker how one call under this permit went. */
  report(outcome: ProviderOutcome): void;
  /**
   * Replaces the estimate held for the call with what it cost (recorded in this process's budget
   * window and settled in the store's ledger). Call once. Never throws.
   * @returns a reason for route.reasons when the ledger could not be settled, else null
   */
  settle(usd: number): Promise<string | null>;
}

export type PaidCallAdmission = { allowed: true; permit: PaidCallPermit } | { allowed: false; reason: string };

/** Asks whether a call may spend `estimatedUsd` now; a refusal says why (budget, circuit open). */
export type PaidCallGate = (request: { call: PaidCallKind; estimatedUsd: number }) => Promise<PaidCallAdmission>;

/**
 * What a failed LLM call says about the provider. Timeouts, HTTP errors, rate limits and lost
 * connections count against it. A cancelled call says nothing. An answer that was not the JSON
 * asked for still came from a provider that is up (the fallback handles the answer; opening the
 * circuit would also stop the calls that do work).
 */
export function providerOutcome(failure: LlmFailure | null): ProviderOutcome {
  if (failure === null) return "answered";
  switch (failure.kind) {
    case "aborted":
      return "abandoned";
    case "invalid-json":
    case "schema-violation":
      return "answered";
    default:
      return "failed";
  }
}
