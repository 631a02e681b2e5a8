import { guardBudget, type BudgetDecision } from "../../router";
import type { Engine } from "./engine";

type GuardInput = Parameters<typeof guardBudget>[0];

/**
 * The budget decision for an LLM call, made final against the store's spend ledger when there is
 * a store. This process's own record decides first (and alone without a store); when it allows
 * the LLM, the ledger's totals from every server process are checked and the estimate reserved in
 * one write transaction, so two processes answering the same session (or the last dollars of the
 * global budget) at once cannot both pass a ceiling that only one of them fits under.
 * `reservation` is the ledger row to settle with the actual cost (null when nothing was reserved).
 */
export async function decideLlmBudget(engine: Engine, guard: GuardInput): Promise<{ decision: BudgetDecision; reservation: number | null }> {
  const local = guardBudget(guard);
  if (local.use !== "llm" || !engine.store) return { decision: local, reservation: null };
  const { id, spent } = await engine.store.reserveLlmSpend({
    sessionId: guard.sessionId,
    at: guard.nowMs,
    usd: guard.estimatedUsd,
    // The guard's window holds events less than windowMs old.
    since: guard.nowMs - guard.config.windowMs + 1,
    approve: (recorded) => guardBudget({ ...guard, recorded }).use === "llm",
  });
  // The same totals the approval saw: "llm" when reserved, the refusal's reason otherwise.
  return { decision: guardBudget({ ...guard, recorded: spent }), reservation: id };
}

/**
 * Replaces a reservation's estimate with what the calls cost. A failure keeps the estimate
 * counted (it errs on the side of the budget) and returns the reason, for route.reasons.
 */
export async function settleLlmSpend(engine: Engine, reservation: number | null, usd: number): Promise<string | null> {
  if (reservation === null || !engine.store) return null;
  try {
    await engine.store.settleLlmSpend(reservation, usd);
    return null;
  } catch (error) {
    return `LLM spend not settled (the estimate stays counted): ${error instanceof Error ? error.message : String(error)}`;
  }
}
