import { guardBudget, recordUsage, type BudgetDecision } from "../../router";
import type { CircuitAdmission, PaidCallAdmission, PaidCallGate, PaidCallKind, PaidCallPermit, ProviderOutcome } from "../ai";
import type { Engine } from "./engine";
import { providerBreakers, type ProviderName } from "./provider-breakers";
import { pacedRefusal } from "../pacing";

/** Whose spend a call is: the session and the client address (null when unknown). */
export interface Spender {
  sessionId: string | null;
  client: string | null;
}

/**
 * The metrics' name of each permit's calls (lib/metrics): the reasoner's permit also covers its
 * re-rank, so its calls count as "reasoning".
 */
const CALL_LABEL: Record<PaidCallKind, string> = { reasoner: "reasoning", "re-rank": "re_rank", "DJ script": "dj_script", reply: "reply", speech: "speech" };

/** Which provider a call goes to, and so which circuit breaker watches it. */
const PROVIDER_OF: Record<PaidCallKind, ProviderName> = { reasoner: "llm", "re-rank": "llm", "DJ script": "llm", reply: "llm", speech: "speech" };

/**
 * The one gate every paid provider call goes through (the reasoner with its re-rank, the DJ
 * script, the reply text, speech). Before the call: the provider's circuit breaker, then this
 * process's budget record, then the store's ledger, where the totals of every server process are
 * checked (per session, per client address, global) and the estimate reserved in one write
 * transaction. After it: the permit settles the reservation with what the call cost and tells
 * the breaker how the provider did. A refusal says why, and the caller takes the free path.
 */
async function reserve(
  engine: Engine,
  spender: Spender,
  input: { estimatedUsd: number; llmAvailable: boolean; unavailableReason?: string },
): Promise<{ decision: BudgetDecision; reservation: number | null; atMs: number; ledgerFailed?: true }> {
  const atMs = engine.epochMs();
  const guard = { state: engine.budget.state, config: engine.budget.config, nowMs: atMs, sessionId: spender.sessionId, client: spender.client, ...input };
  const local = guardBudget(guard);
  if (local.use !== "llm" || !engine.store) return { decision: local, reservation: null, atMs };
  try {
    const { id, spent } = await engine.store.reserveLlmSpend({
      sessionId: spender.sessionId,
      client: spender.client,
      at: atMs,
      usd: input.estimatedUsd,
      // The guard's window holds events less than windowMs old.
      since: atMs - guard.config.windowMs + 1,
      approve: (recorded) => guardBudget({ ...guard, recorded }).use === "llm",
    });
    // The same totals the approval saw: "llm" when reserved, the refusal's reason otherwise.
    return { decision: guardBudget({ ...guard, recorded: spent }), reservation: id, atMs };
  } catch (error) {
    // Without the ledger the other processes' spend is unknown: nothing paid runs.
    const why = `LLM spend ledger unavailable (${error instanceof Error ? error.message : String(error)})`;
    return { decision: guardBudget({ ...guard, llmAvailable: false, unavailableReason: why }), reservation: null, atMs, ledgerFailed: true };
  }
}

/** `trial`: this permit holds the breaker's half-open trial, which a cancelled call hands back. */
function permitFor(engine: Engine, spender: Spender, call: PaidCallKind, reservation: number | null, atMs: number, trial: boolean): PaidCallPermit {
  const breaker = providerBreakers(engine)[PROVIDER_OF[call]];
  let settled = false;
  return {
    report(outcome: ProviderOutcome) {
      engine.observer?.paidCall(CALL_LABEL[call], outcome);
      if (outcome === "answered") breaker.succeeded();
      else if (outcome === "failed") breaker.failed(engine.epochMs());
      else if (trial) breaker.abandoned();
    },
    async settle(usd) {
      if (settled) return null;
      settled = true;
      engine.observer?.spent(CALL_LABEL[call], usd);
      engine.budget.state = recordUsage(engine.budget.state, { atMs, sessionId: spender.sessionId, client: spender.client, reasoner: "llm", usd }, engine.budget.config);
      if (reservation === null || !engine.store) return null;
      try {
        await engine.store.settleLlmSpend(reservation, usd);
        return null;
      } catch (error) {
        // A failure keeps the estimate counted: it errs on the side of the budget.
        return `LLM spend not settled (the estimate stays counted): ${error instanceof Error ? error.message : String(error)}`;
      }
    },
  };
}

/** The breaker's answer, checked first: an open circuit needs no ledger transaction. */
function admitProvider(engine: Engine, provider: ProviderName): CircuitAdmission {
  return providerBreakers(engine)[provider].admit(engine.epochMs());
}

/**
 * The reasoning step's decision: the LLM (reasoner, and the re-rank its estimate includes) with
 * a permit, else the offline reasoner, else only the fast path. An open circuit counts as no LLM
 * (the reason says so), and so does a complexity below the pacing bar ("LLM paced: …").
 * Offline runs are counted by the caller (recordUsage) per session and client.
 */
export async function decideReasoning(
  engine: Engine,
  spender: Spender,
  input: { estimatedUsd: number; llmAvailable: boolean; complexity?: number | null },
): Promise<{ decision: BudgetDecision; permit: PaidCallPermit | null }> {
  // The pacing bar first (lib/pacing): a paced request takes neither the breaker's trial nor a
  // ledger transaction. Without pacing configured this is always null.
  const complexity = input.complexity ?? null;
  const paced = input.llmAvailable ? pacedRefusal(engine.pacing, complexity) : null;
  const admission = input.llmAvailable && !paced ? admitProvider(engine, "llm") : null;
  const skipped = admission && !admission.allowed ? admission.reason : undefined;
  const refused = paced ?? skipped;
  const { decision, reservation, atMs, ledgerFailed } = await reserve(engine, spender, { estimatedUsd: input.estimatedUsd, llmAvailable: input.llmAvailable && !refused, unavailableReason: refused });
  // The pacer's controller reads the recent decisions: what share of which scores got the LLM.
  if (engine.pacing && complexity !== null && input.llmAvailable) engine.pacing.decisions.record({ at: atMs, score: complexity, llm: decision.use === "llm" });
  if (decision.use === "llm") return { decision, permit: permitFor(engine, spender, "reasoner", reservation, atMs, admission?.allowed === true && admission.trial) };
  engine.observer?.fellBack(CALL_LABEL.reasoner, !input.llmAvailable ? "no_llm" : paced ? "paced" : skipped ? "circuit_open" : ledgerFailed ? "ledger_unavailable" : "budget");
  if (decision.use === "fast") engine.observer?.fellBack("offline_reasoner", "offline_budget");
  // A half-open trial this request will not make goes to the next one.
  if (admission?.allowed && admission.trial) providerBreakers(engine).llm.abandoned();
  return { decision, permit: null };
}

/** What runs instead of each call when the gate says no, for the reason. */
const FREE_PATH: Record<PaidCallKind, string> = {
  reasoner: "offline reasoner instead",
  "re-rank": "candidates kept in constraint order",
  "DJ script": "DJ script from the templates",
  reply: "reply from the templates",
  speech: "free voice instead",
};

/**
 * A gate for one request's single calls (DJ script, reply, speech, and a re-rank made after the
 * reasoner's own permit). A refusal reads "<call> skipped: <why>; <free path>".
 */
export function spendGate(engine: Engine, spender: Spender): PaidCallGate {
  return async ({ call, estimatedUsd }): Promise<PaidCallAdmission> => {
    const provider = PROVIDER_OF[call];
    const admission = admitProvider(engine, provider);
    if (!admission.allowed) {
      engine.observer?.fellBack(CALL_LABEL[call], "circuit_open");
      return { allowed: false, reason: `${call} skipped: ${admission.reason}; ${FREE_PATH[call]}` };
    }
    const { decision, reservation, atMs, ledgerFailed } = await reserve(engine, spender, { estimatedUsd, llmAvailable: true });
    if (decision.use === "llm") return { allowed: true, permit: permitFor(engine, spender, call, reservation, atMs, admission.trial) };
    engine.observer?.fellBack(CALL_LABEL[call], ledgerFailed ? "ledger_unavailable" : "budget");
    if (admission.trial) providerBreakers(engine)[provider].abandoned();
    return { allowed: false, reason: `${call} skipped: ${decision.refusal ?? decision.reason}; ${FREE_PATH[call]}` };
  };
}

/**
 * The global LLM spend inside the current budget window and its ceiling, as the gate would judge
 * them now (for the metrics' budget gauges): the ledger's total, which holds every server
 * process's spend, else this process's own record.
 */
export async function readSpendWindow(engine: Engine): Promise<{ spentUsd: number; ceilingUsd: number; windowSeconds: number }> {
  const atMs = engine.epochMs();
  const config = engine.budget.config;
  const local = guardBudget({ state: engine.budget.state, config, nowMs: atMs, sessionId: null, estimatedUsd: 0, llmAvailable: true });
  let spentUsd = local.globalUsd;
  if (engine.store) {
    spentUsd = Math.max(spentUsd, await engine.store.llmSpendSince(atMs - config.windowMs + 1));
  }
  return { spentUsd, ceilingUsd: config.globalUsdPerWindow, windowSeconds: config.windowMs / 1000 };
}

/** Checks only the breaker (for a second call under a permit already reserved, such as the re-rank). */
export function providerSkipReason(engine: Engine, call: PaidCallKind): string | null {
  const admission = admitProvider(engine, PROVIDER_OF[call]);
  return admission.allowed ? null : `${call} skipped: ${admission.reason}; ${FREE_PATH[call]}`;
}
