import assert from "node:assert/strict";
import { test } from "node:test";
import { budgetConfigFromEnvironment, DEFAULT_BUDGET, emptyBudgetState, guardBudget, recordUsage, type BudgetConfig, type BudgetState } from "../../../router/budget-guard";

const config: BudgetConfig = { windowMs: 60_000, sessionUsdPerWindow: 0.01, globalUsdPerWindow: 0.03, globalOfflineRunsPerWindow: 3, sessionOfflineRunsPerWindow: 2, clientShare: 1 };
const guard = (state: BudgetState, nowMs: number, sessionId: string | null, estimatedUsd = 0.004, llmAvailable = true) => guardBudget({ state, config, nowMs, sessionId, estimatedUsd, llmAvailable });
const spend = (state: BudgetState, atMs: number, sessionId: string | null, usd: number) => recordUsage(state, { atMs, sessionId, reasoner: "llm", usd }, config);
const offline = (state: BudgetState, atMs: number, sessionId: string | null) => recordUsage(state, { atMs, sessionId, reasoner: "offline", usd: 0 }, config);

test("within budget the LLM is used", () => {
  const decision = guard(emptyBudgetState(), 0, "a");
  assert.equal(decision.use, "llm");
  assert.match(decision.reason, /^within LLM budget/);
});

test("a session past its ceiling degrades to the offline reasoner; other sessions are unaffected", () => {
  let state = spend(emptyBudgetState(), 0, "a", 0.004);
  state = spend(state, 1000, "a", 0.004);
  // 0.008 spent + 0.004 estimated > 0.01
  const decision = guard(state, 2000, "a");
  assert.equal(decision.use, "offline");
  assert.equal(decision.sessionUsd, 0.008);
  assert.match(decision.reason, /^session LLM budget reached: \$0\.0080 spent of \$0\.0100 per 1 min; offline reasoner instead$/);
  assert.equal(guard(state, 2000, "b").use, "llm");
});

test("the global ceiling applies to everyone", () => {
  let state = emptyBudgetState();
  for (const [index, session] of ["a", "b", "c", "d", "e", "f", "g"].entries()) state = spend(state, index, session, 0.004);
  const decision = guard(state, 10, "z");
  assert.equal(decision.use, "offline");
  assert.match(decision.reason, /^global LLM budget reached: \$0\.0280 spent/);
});

test("spend leaves the window and the LLM comes back", () => {
  let state = spend(emptyBudgetState(), 0, "a", 0.009);
  assert.equal(guard(state, 59_999, "a").use, "offline");
  assert.equal(guard(state, 60_000, "a").use, "llm");
  state = spend(state, 70_000, "a", 0.001);
  assert.deepEqual(
    state.events.map((event) => event.atMs),
    [70_000],
    "recordUsage drops events outside the window",
  );
});

test("past the offline reasoner's run ceilings the fast path answers", () => {
  let state = emptyBudgetState();
  state = offline(state, 0, "a");
  state = offline(state, 1, "a");
  const session = guardBudget({ state, config, nowMs: 2, sessionId: "a", estimatedUsd: 0, llmAvailable: false });
  assert.equal(session.use, "fast");
  assert.match(session.reason, /^no LLM configured; session offline reasoner limit reached \(2 of 2 runs per 1 min\), fast path instead$/);
  state = offline(state, 2, "b");
  const global = guardBudget({ state, config, nowMs: 3, sessionId: "c", estimatedUsd: 0, llmAvailable: false });
  assert.equal(global.use, "fast");
  assert.match(global.reason, /offline reasoner limit reached \(3 of 3 runs/);
});

test("without an LLM, reasoning requests use the offline reasoner and say why", () => {
  const decision = guard(emptyBudgetState(), 0, null, 0, false);
  assert.deepEqual([decision.use, decision.reason], ["offline", "no LLM configured; offline reasoner instead"]);
});

test("config from an environment object, invalid values ignored", () => {
  assert.deepEqual(budgetConfigFromEnvironment({}), DEFAULT_BUDGET);
  const config = budgetConfigFromEnvironment({ REELCAST_LLM_BUDGET_SESSION_USD: "0.5", REELCAST_LLM_BUDGET_GLOBAL_USD: "minus one", REELCAST_LLM_BUDGET_WINDOW_MS: "600000" });
  assert.equal(config.sessionUsdPerWindow, 0.5);
  assert.equal(config.globalUsdPerWindow, DEFAULT_BUDGET.globalUsdPerWindow);
  assert.equal(config.windowMs, 600_000);
});

test("with one server process per core, each enforces its share of the offline run ceiling; LLM spend is shared through the store, so its ceilings apply whole", () => {
  const config = budgetConfigFromEnvironment({ REELCAST_WORKER_COUNT: "2", REELCAST_LLM_BUDGET_GLOBAL_USD: "5", REELCAST_OFFLINE_RUNS_GLOBAL: "1001" });
  assert.equal(config.globalUsdPerWindow, 5);
  assert.equal(config.globalOfflineRunsPerWindow, 500);
  assert.equal(config.sessionUsdPerWindow, DEFAULT_BUDGET.sessionUsdPerWindow);
});

test("offline runs are counted in buckets: the state stays small under load and old runs leave the window", () => {
  const hour: BudgetConfig = { ...DEFAULT_BUDGET, windowMs: 3_600_000, globalOfflineRunsPerWindow: 50_000, sessionOfflineRunsPerWindow: 2_000 };
  let state = emptyBudgetState();
  for (let run = 0; run < 30_000; run++) state = recordUsage(state, { atMs: run * 100, sessionId: `s${run % 10}`, reasoner: "offline", usd: 0 }, hour);
  assert.ok(state.offlineBuckets.length <= 61, `${state.offlineBuckets.length} buckets`);
  assert.equal(state.events.length, 0);
  const now = 30_000 * 100;
  const decision = guardBudget({ state, config: hour, nowMs: now, sessionId: "s1", estimatedUsd: 0, llmAvailable: false });
  // 3,000,000 ms of runs at one per 100 ms, all inside the hour: 30,000 runs, 3,000 for s1.
  assert.equal(decision.use, "fast");
  assert.match(decision.reason, /session offline reasoner limit reached \(3000 of 2000 runs per 1 h\)/);
  const later = guardBudget({ state, config: hour, nowMs: now + 3_600_000, sessionId: "s1", estimatedUsd: 0, llmAvailable: false });
  assert.equal(later.use, "offline", "an hour later every run has left the window");
});

test("spend every server process recorded (the store's ledger) counts when it exceeds this process's own record", () => {
  const local = spend(emptyBudgetState(), 0, "a", 0.002);
  const recorded = { sessionUsd: 0.007, globalUsd: 0.009 };
  const decision = guardBudget({ state: local, config, nowMs: 1000, sessionId: "a", estimatedUsd: 0.004, llmAvailable: true, recorded });
  assert.equal(decision.use, "offline");
  assert.equal(decision.sessionUsd, 0.007);
  assert.match(decision.reason, /session LLM budget reached: \$0\.0070 spent/);
  // The process's own record wins when it is larger.
  const ownLarger = guardBudget({ state: spend(local, 900, "a", 0.006), config, nowMs: 1000, sessionId: "a", estimatedUsd: 0.001, llmAvailable: true, recorded });
  assert.equal(ownLarger.sessionUsd, 0.008);
  // Another session is not charged for a's spend, but the global total binds everyone.
  assert.equal(guardBudget({ state: local, config, nowMs: 1000, sessionId: "b", estimatedUsd: 0.004, llmAvailable: true, recorded: { sessionUsd: 0, globalUsd: 0.009 } }).use, "llm");
  const global = guardBudget({ state: local, config, nowMs: 1000, sessionId: "b", estimatedUsd: 0.004, llmAvailable: true, recorded: { sessionUsd: 0, globalUsd: 0.028 } });
  assert.equal(global.use, "offline");
  assert.match(global.reason, /global LLM budget reached: \$0\.0280 spent/);
});
