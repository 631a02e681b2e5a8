import { actualCost, decideRoute, estimateRouteCost, recordUsage, type ActualCost, type CostEstimate } from "../../router";
import { constraintsSchema, reasonerPrompt, reasonOffline, reasonWithLlm, type Constraints, type SessionState } from "../reasoning";
import { GENRES } from "../catalog/genres";
import { providerOutcome, type PaidCallPermit } from "../ai";
import type { Engine } from "./engine";
import { decideReasoning } from "./spend-gate";

/** How many final candidates the LLM re-ranks: the smartest model for the fewest items. */
export const RERANK_CANDIDATES = 20;
/** Approximate re-rank prompt characters per candidate (title, year, genres, keywords, overview). */
export const RERANK_CHARACTERS_PER_CANDIDATE = 450;

export interface ReasonStepResult {
  /** What answered: the LLM, the offline reasoner, or nothing (the budget sent it to the fast path). */
  use: "llm" | "offline" | "fast";
  /** Null when `use` is "fast". */
  constraints: Constraints | null;
  /** For route.reasoner: "offline" or "llm:<model>"; null when `use` is "fast". */
  reasoner: string | null;
  reasons: string[];
  /** The estimate the budget guard judged (before the call). */
  estimate: CostEstimate;
  /** What the LLM call cost, when one ran (also when it failed). */
  actual: ActualCost | null;
  /** Whether the LLM may also re-rank (configured, and the budget allowed the estimate with it). */
  rerank: boolean;
  /** The spend gate's permit for this request's LLM calls (reasoner and re-rank), to settle with what they cost; null when none ran. */
  permit: PaidCallPermit | null;
}

const titlesOf = (engine: Engine, ids: readonly string[]) =>
  ids.flatMap((id) => {
    const index = engine.catalog.indexOf.get(id);
    return index === undefined ? [] : [engine.catalog.items[index].title];
  });

/** Title similarity a model-named reference needs to count as that catalog film. */
const REFERENCE_MATCH = 0.85;

/**
 * The LLM names reference films by title and cannot know catalog ids: each reference gets the
 * id of the catalog film its title matches (typos allowed), or none, so an invented or unknown
 * title only loses its CF neighbours and can never become a result.
 */
function resolveReferences(engine: Engine, constraints: Constraints): Constraints {
  if (constraints.references.length === 0) return constraints;
  const references = constraints.references.map((reference) => {
    if (reference.itemId !== null && engine.catalog.indexOf.has(reference.itemId)) return reference;
    const match = engine.keywordSearch.titles.match(reference.title, 1, REFERENCE_MATCH)[0];
    return { ...reference, itemId: match ? engine.catalog.items[match.itemIndex].id : null };
  });
  return { ...constraints, references };
}

/**
 * The reasoning step: the budget guard decides between the LLM, the offline reasoner and the
 * fast path (from the route's estimated cost with the prompt actually built); the LLM answers
 * with constraints in the shared schema, and on any fault (timeout, HTTP error, invalid JSON,
 * schema violation) the offline reasoner answers and the reasons say why. Usage is recorded in
 * the budget window either way.
 */
export async function reasonStep(
  engine: Engine,
  input: {
    query: string;
    session: SessionState;
    sessionId: string | null;
    client?: string | null;
    signal?: AbortSignal;
    /** The router's complexity score (null or absent when the route was forced: scored here when pacing needs it). */
    complexity?: number | null;
  },
): Promise<ReasonStepResult> {
  const { llm, budget } = engine;
  const handle = llm.handle;
  const promptInput = {
    request: input.query,
    session: {
      previousConstraints: input.session.constraints,
      liked: titlesOf(engine, [...input.session.liked].reverse()),
      disliked: titlesOf(engine, [...input.session.disliked].reverse()),
      previousRequests: input.session.requests,
    },
    currentYear: engine.currentYear,
    genres: GENRES,
  };
  const prompt = handle ? reasonerPrompt(promptInput) : null;
  const estimate = estimateRouteCost({
    path: "reasoning",
    reasoner: handle ? "llm" : "offline",
    modelId: handle?.modelId ?? "",
    promptCharacters: prompt ? prompt.system.length + prompt.content.length : 0,
    rerank: handle && llm.rerank ? { promptCharacters: RERANK_CANDIDATES * RERANK_CHARACTERS_PER_CANDIDATE, picks: RERANK_CANDIDATES } : null,
    priceTable: llm.priceTable,
  });
  const spender = { sessionId: input.sessionId, client: input.client ?? null };
  // A forced route has no router score; under pacing it is scored, so forcing it cannot skip the bar.
  const complexity =
    input.complexity ??
    (engine.pacing ? decideRoute(input.query, { lexicon: engine.lexicon, session: { hasPreviousAnswer: input.session.lastItemIds.length > 0 } }, { threshold: engine.routerThreshold }).score : null);
  const { decision, permit } = await decideReasoning(engine, spender, { estimatedUsd: estimate.usd, llmAvailable: handle !== null, complexity });
  // Without an LLM, say why none is configured (unless the offline ceiling sent it to the fast path).
  const reasons = [handle || decision.use === "fast" ? decision.reason : (llm.unavailableReason ?? decision.reason)];
  if (decision.use === "fast") return { use: "fast", constraints: null, reasoner: null, reasons, estimate, actual: null, rerank: false, permit };

  let actual: ActualCost | null = null;
  if (decision.use === "llm" && handle && prompt) {
    const outcome = await reasonWithLlm({ ...promptInput, handle, schema: constraintsSchema, abortSignal: input.signal, now: engine.now });
    permit?.report(providerOutcome(outcome.ok ? null : outcome.failure));
    actual = actualCost(
      [{ modelId: handle.modelId, inputTokens: outcome.ok ? outcome.inputTokens : undefined, outputTokens: outcome.ok ? outcome.outputTokens : undefined, latencyMs: outcome.latencyMs }],
      { priceTable: llm.priceTable, fallbackPromptCharacters: prompt.system.length + prompt.content.length },
    );
    if (outcome.ok) {
      reasons.push(`LLM ${handle.modelId} read the request in ${Math.round(outcome.latencyMs)} ms`);
      return { use: "llm", constraints: resolveReferences(engine, outcome.constraints), reasoner: `llm:${handle.modelId}`, reasons, estimate, actual, rerank: llm.rerank, permit };
    }
    engine.observer?.fellBack("reasoning", outcome.failure.kind);
    reasons.push(outcome.fallbackReason);
  }
  const offline = reasonOffline(input.query, { lexicon: engine.lexicon, session: input.session, currentYear: engine.currentYear });
  budget.state = recordUsage(budget.state, { atMs: engine.epochMs(), ...spender, reasoner: "offline", usd: 0 }, budget.config);
  if (offline.followUp) reasons.push("follow-up to the previous request");
  return { use: "offline", constraints: offline.constraints, reasoner: "offline", reasons, estimate, actual, rerank: false, permit };
}
