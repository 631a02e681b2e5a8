import assert from "node:assert/strict";
import { test } from "node:test";
import { budgetConfigFromEnvironment, DEFAULT_BUDGET, emptyBudgetState, guardBudget, recordUsage, type BudgetConfig, type BudgetState } from "../../../router/budget-guard";

// Global: $0.10 and 20 offline runs per minute; a client may take a quarter of each ($0.025, 5 runs).
const config: BudgetConfig = { windowMs: 60_000, sessionUsdPerWindow: 1, globalUsdPerWindow: 0.1, globalOfflineRunsPerWindow: 20, sessionOfflineRunsPerWindow: 1000, clientShare: 0.25 };
const guard = (state: BudgetState, client: string | null, options: { sessionId?: string | null; recorded?: { sessionUsd: number; globalUsd: number; clientUsd?: number } } = {}) =>
  guardBudget({ state, config, nowMs: 1000, sessionId: options.sessionId ?? null, client, estimatedUsd: 0.01, llmAvailable: true, recorded: options.recorded });
const spend = (state: BudgetState, client: string, sessionId: string, usd: number) => recordUsage(state, { atMs: 500, sessionId, client, reasoner: "llm", usd }, config);
const offline = (state: BudgetState, client: string, sessionId: string | null) => recordUsage(state, { atMs: 500, sessionId, client, reasoner: "offline", usd: 0 }, config);

test("a client past its share of the LLM budget gets the offline reasoner, whatever session ids it sends; other clients keep the LLM", () => {
  let state = emptyBudgetState();
  // Fresh sessions from one address: no session ceiling is near, the client's share is.
  state = spend(state, "10.0.0.1", "s1", 0.01);
  assert.equal(guard(state, "10.0.0.1", { sessionId: "s2" }).use, "llm", "0.01 + 0.01 is within 0.025");
  state = spend(state, "10.0.0.1", "s2", 0.01);
  const refused = guard(state, "10.0.0.1", { sessionId: "s3" });
  assert.equal(refused.use, "offline");
  assert.equal(refused.refusal, "this client's share of the LLM budget reached: $0.0200 spent of $0.0250 per 1 min");
  assert.equal(refused.clientUsd, 0.02);
  assert.equal(guard(state, "10.0.0.2", { sessionId: "s9" }).use, "llm");
  assert.equal(guard(state, null).use, "llm", "without a client address only the global and session ceilings apply");
});

test("the ledger's client total (every process) counts when it is larger than this process's own", () => {
  const decision = guard(emptyBudgetState(), "10.0.0.1", { recorded: { sessionUsd: 0, globalUsd: 0.02, clientUsd: 0.02 } });
  assert.equal(decision.use, "offline");
  assert.equal(decision.clientUsd, 0.02);
  assert.equal(guard(emptyBudgetState(), "10.0.0.2", { recorded: { sessionUsd: 0, globalUsd: 0.02, clientUsd: 0 } }).use, "llm");
});

test("offline runs: a client past its share of the run ceiling gets the fast path; the others still get the offline reasoner", () => {
  let state = emptyBudgetState();
  const noLlm = (client: string) => guardBudget({ state, config, nowMs: 1000, sessionId: null, client, estimatedUsd: 0, llmAvailable: false });
  for (let run = 0; run < 4; run++) state = offline(state, "10.0.0.1", `s${run}`);
  assert.equal(noLlm("10.0.0.1").use, "offline");
  state = offline(state, "10.0.0.1", null);
  const refused = noLlm("10.0.0.1");
  assert.equal(refused.use, "fast");
  assert.match(refused.reason, /^no LLM configured; this client's share of the offline reasoner reached \(5 of 5 runs per 1 min\), fast path instead$/);
  assert.equal(noLlm("10.0.0.2").use, "offline");
  assert.deepEqual(
    state.offlineBuckets.map((bucket) => bucket.byClient),
    [{ "10.0.0.1": 5 }],
  );
});

test("a share of 1 turns it off; a state from before clients were counted still works", () => {
  let state = emptyBudgetState();
  for (let index = 0; index < 9; index++) state = spend(state, "10.0.0.1", `s${index}`, 0.01);
  assert.equal(guardBudget({ state, config: { ...config, clientShare: 1 }, nowMs: 1000, sessionId: null, client: "10.0.0.1", estimatedUsd: 0.01, llmAvailable: true }).use, "llm");
  const old: BudgetState = { events: [], offlineBuckets: [{ startMs: 0, runs: 3, bySession: { a: 3 } }] };
  assert.equal(guardBudget({ state: old, config, nowMs: 1000, sessionId: "a", client: "10.0.0.1", estimatedUsd: 0, llmAvailable: false }).use, "offline");
});

test("REELCAST_CLIENT_BUDGET_SHARE: a fraction in (0, 1], else the default (a tenth)", () => {
  assert.equal(DEFAULT_BUDGET.clientShare, 0.1);
  assert.equal(budgetConfigFromEnvironment({}).clientShare, 0.1);
  assert.equal(budgetConfigFromEnvironment({ REELCAST_CLIENT_BUDGET_SHARE: "0.5" }).clientShare, 0.5);
  assert.equal(budgetConfigFromEnvironment({ REELCAST_CLIENT_BUDGET_SHARE: "1" }).clientShare, 1);
  for (const invalid of ["0", "2", "-0.1", "half"]) assert.equal(budgetConfigFromEnvironment({ REELCAST_CLIENT_BUDGET_SHARE: invalid }).clientShare, 0.1, invalid);
});
