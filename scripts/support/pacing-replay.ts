import { createSpendPacing, nextPacing, pacedRefusal, pacingRecordPayload, type PacingConfig, type PacingState } from "../../lib/pacing";
import { emptyBudgetState, guardBudget, type BudgetConfig } from "../../router";

/** One reasoning request of the replayed day. */
export interface ReplayRequest {
  /** Milliseconds since the start of the day. */
  at: number;
  /** The router's complexity score. */
  score: number;
  /** What its LLM calls cost (the cost model's estimate, settled as is). */
  usd: number;
}

export interface ReplayResult {
  /** Per request: 1 when it got the LLM. */
  llm: Uint8Array;
  /** Requests the hourly ceiling refused (the LLM was allowed by the bar, or there was none). */
  refusedByCeiling: number;
  /** Requests below the bar. */
  paced: number;
  /** The bar after each of the pacer's ticks (empty without pacing). */
  bars: Array<{ at: number; bar: number | null }>;
  /** Records the pacer would have written (changes of the bar). */
  records: number;
}

/**
 * Replays a day of reasoning requests through the real decisions: the budget guard's global
 * ceiling (router/budget-guard.ts) over a sliding window of what was spent, and with pacing the
 * real controller (lib/pacing nextPacing) on the pacer's tick, reading what the pacer reads (the
 * ledger over its two windows and the recent decisions) and the real paced refusal per request.
 * The ledger is an in-memory list here rather than the store; the loop's store I/O is tested in
 * tests/unit/server/spend-pacer.test.ts. Each request is its own session and client, so only the
 * global ceiling binds, as for a crowd of visitors. Deterministic for a given list.
 */
export function replayDay(requests: readonly ReplayRequest[], budget: BudgetConfig, pacingConfig: PacingConfig | null): ReplayResult {
  const spent: Array<{ at: number; usd: number }> = [];
  let windowStart = 0;
  let windowUsd = 0;
  const state = emptyBudgetState();
  const pacing = pacingConfig ? createSpendPacing(pacingConfig) : null;
  let controller: PacingState = { bar: null, share: 1 };
  const bars: ReplayResult["bars"] = [];
  let records = 0;
  let nextTick = pacingConfig ? pacingConfig.intervalMs : Number.POSITIVE_INFINITY;

  /** Ledger spend in (at − windowMs, at], as the store sums it. */
  const spentOver = (at: number, windowMs: number) => {
    let usd = 0;
    for (let index = spent.length - 1; index >= 0 && spent[index].at > at - windowMs; index--) usd += spent[index].usd;
    return usd;
  };
  const tick = (at: number) => {
    if (!pacing || !pacingConfig) return;
    const decisions = pacing.decisions.since(at - pacingConfig.observeWindowMs + 1, at);
    const step = nextPacing(controller, { windowUsd: spentOver(at, pacingConfig.observeWindowMs), budgetWindowUsd: spentOver(at, pacingConfig.budgetWindowMs), decisions }, pacingConfig);
    if (step.changed) {
      pacing.current = pacingRecordPayload(step, controller.bar, pacingConfig.targetUsdPerHour, pacingConfig.observeWindowMs);
      records += 1;
    }
    controller = { bar: pacing.current?.bar ?? null, share: step.state.share };
    bars.push({ at, bar: controller.bar });
  };

  const llm = new Uint8Array(requests.length);
  let refusedByCeiling = 0;
  let pacedCount = 0;
  requests.forEach((request, index) => {
    while (nextTick <= request.at) {
      tick(nextTick);
      nextTick += pacingConfig!.intervalMs;
    }
    while (windowStart < spent.length && request.at - spent[windowStart].at >= budget.windowMs) windowUsd -= spent[windowStart++].usd;
    const paced = pacedRefusal(pacing, request.score);
    if (paced) pacedCount += 1;
    const decision = guardBudget({
      state,
      config: budget,
      nowMs: request.at,
      sessionId: null,
      client: null,
      estimatedUsd: request.usd,
      llmAvailable: paced === null,
      unavailableReason: paced ?? undefined,
      recorded: { sessionUsd: 0, globalUsd: Math.max(0, windowUsd) },
    });
    if (decision.use === "llm") {
      llm[index] = 1;
      spent.push({ at: request.at, usd: request.usd });
      windowUsd += request.usd;
    } else if (!paced) refusedByCeiling += 1;
    pacing?.decisions.record({ at: request.at, score: request.score, llm: decision.use === "llm" });
  });
  return { llm, refusedByCeiling, paced: pacedCount, bars, records };
}
