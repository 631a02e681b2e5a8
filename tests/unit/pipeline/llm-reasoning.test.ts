import assert from "node:assert/strict";
import { after, test } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MockLanguageModelV3 } from "ai/test";
import { createProviderRegistry } from "../../../lib/ai";
import { recommend, type RecommendResponse } from "../../../lib/pipeline";
import type { Engine } from "../../../lib/pipeline/engine";
import { parseConstraints } from "../../../lib/reasoning";
import { openSqliteStore } from "../../../lib/store";
import { emptyBudgetState } from "../../../router";
import { isolatedEngine, request } from "./engine-fixture";

const usage = { inputTokens: { total: 80, noCache: 80, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 30, text: 30, reasoning: 0 } };
const answer = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value) }], finishReason: { unified: "stop" as const, raw: "stop" }, usage, warnings: [] });

const VIBE = "a sci-fi movie that feels like Blade Runner but was made in the 90s";
const LLM_CONSTRAINTS = {
  includeGenres: [{ genre: "Sci-Fi", strength: "hard" }],
  years: { from: 1990, to: 1999, strength: "hard" },
  references: [{ title: "Blade Runer", modifier: "made in the 90s" }],
  mood: "dark, noir, dystopian",
};

/** A mock model answering the reasoner with `constraints` and the re-ranker with the candidates reversed plus an injected id. */
function mockModel(constraints: unknown) {
  return new MockLanguageModelV3({
    modelId: "mock-reasoner",
    doGenerate: async (options) => {
      const format = options.responseFormat;
      if (format?.type === "json" && format.name === "rerank") {
        const data = JSON.parse((options.prompt[1].content as Array<{ text: string }>)[0].text) as { candidates: Array<{ id: string }> };
        const picks = [
          { id: "ml:999999999", reason: "Hacked: the best film ever" },
          ...[...data.candidates].reverse().map((candidate) => ({ id: candidate.id, reason: `reason for ${candidate.id}` })),
        ];
        return answer({ picks });
      }
      return answer(constraints);
    },
  });
}

async function llmEngine(model: MockLanguageModelV3, overrides: Parameters<typeof isolatedEngine>[0] = {}): Promise<Engine> {
  const handle = createProviderRegistry({ environment: {}, languageModel: model, timeoutMs: 1000 }).languageModel;
  return isolatedEngine({ llm: { handle, unavailableReason: null, rerank: true }, ...overrides });
}

test("the LLM reasons within budget, re-ranks only among candidates, and the route reports tokens and cost", async () => {
  const model = mockModel(LLM_CONSTRAINTS);
  const engine = await llmEngine(model);
  const previews: RecommendResponse[] = [];
  const response = await recommend(request({ query: VIBE, limit: 6 }), engine, { onProgress: (partial) => previews.push(partial) });

  assert.equal(response.route.path, "reasoning");
  assert.equal(response.route.reasoner, "llm:mock-reasoner");
  assert.equal(model.doGenerateCalls.length, 2, "one reasoner call, one re-rank call");
  assert.equal(response.route.inputTokens, 160);
  assert.equal(response.route.outputTokens, 60);
  assert.ok((response.route.actualCostUsd ?? 0) > 0 && (response.route.estimatedCostUsd ?? 0) > 0);
  const constraints = parseConstraints(response.constraints);
  assert.equal(constraints.references[0].itemId, engine.catalog.items.find((item) => item.title === "Blade Runner")!.id, "the misspelt reference resolves to the catalog film");
  assert.equal(response.items.length, 6);
  for (const item of response.items) {
    assert.ok(item.genres.includes("Sci-Fi") && item.year! >= 1990 && item.year! <= 1999, `${item.title} (${item.year}) meets the hard constraints`);
    assert.match(item.modelReason ?? "", /^reason for /);
    assert.ok(engine.catalog.indexOf.has(item.id));
  }
  assert.ok(
    response.route.reasons.some((reason) => /ignoring 1 id\(s\) outside the candidates/.test(reason)),
    response.route.reasons.join(" | "),
  );

  assert.equal(previews.length, 1, "fast candidates were shown while the LLM worked");
  assert.equal(previews[0].route.path, "reasoning");
  assert.equal(previews[0].impressionId, null);
  assert.ok(previews[0].items.length > 0);
});

test("an LLM answer that is not valid JSON falls back to the offline reasoner and says why", async () => {
  const broken = new MockLanguageModelV3({ modelId: "mock-reasoner", doGenerate: async () => ({ ...answer({}), content: [{ type: "text" as const, text: '{"includeGenres": [' }] }) });
  const engine = await llmEngine(broken);
  const response = await recommend(request({ query: "something funny but not stupid, under 90 minutes, no romance", limit: 5 }), engine);
  assert.equal(response.route.reasoner, "offline");
  assert.ok(
    response.route.reasons.some((reason) => /offline reasoner answered instead/.test(reason)),
    response.route.reasons.join(" | "),
  );
  assert.equal(response.items.length, 5);
  for (const item of response.items) {
    assert.ok(item.runtimeMinutes !== null && item.runtimeMinutes <= 90 && !item.genres.includes("Romance") && item.genres.includes("Comedy"), `${item.title} meets the offline constraints`);
  }
});

test("past the session's LLM budget the offline reasoner answers; past the offline ceiling the fast path does", async () => {
  const model = mockModel(LLM_CONSTRAINTS);
  const engine = await llmEngine(model, { budgetConfig: { sessionUsdPerWindow: 0 } });
  const response = await recommend(request({ query: VIBE, limit: 5, sessionId: "budget-session-0001" }), engine);
  assert.equal(model.doGenerateCalls.length, 0, "the LLM was not called");
  assert.equal(response.route.reasoner, "offline");
  assert.ok(
    response.route.reasons.some((reason) => /session LLM budget reached.*offline reasoner instead/.test(reason)),
    response.route.reasons.join(" | "),
  );

  const exhausted = await isolatedEngine({ budgetConfig: { globalOfflineRunsPerWindow: 0 } });
  const degraded = await recommend(request({ query: VIBE, limit: 5 }), exhausted);
  assert.equal(degraded.route.path, "fast");
  assert.equal(degraded.route.reasoner, null);
  assert.ok(
    degraded.route.reasons.some((reason) => /offline reasoner limit reached.*fast path instead/.test(reason)),
    degraded.route.reasons.join(" | "),
  );
  assert.ok(degraded.items.length > 0);
});

/** Two server processes: the same engine over two connections to one database file, each with its own (empty) budget record. */
function twoProcesses(engine: Engine, budgetConfig: Partial<Engine["budget"]["config"]>): [Engine, Engine] {
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-ledger-"));
  const file = path.join(directory, "store.db");
  const process = (): Engine => {
    const store = openSqliteStore({ path: file });
    ledgerCleanups.push(() => store.close());
    return { ...engine, store, budget: { config: { ...engine.budget.config, ...budgetConfig }, state: emptyBudgetState() } };
  };
  const engines: [Engine, Engine] = [process(), process()];
  ledgerCleanups.push(async () => rmSync(directory, { recursive: true, force: true }));
  return engines;
}

/** Closes the ledger tests' stores, then removes their database directories. */
const ledgerCleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of ledgerCleanups) await cleanup();
});

/** The ledger's totals since `since`, read without reserving (the approval refuses). */
async function ledger(engine: Engine, sessionId: string) {
  return (await engine.store!.reserveLlmSpend({ sessionId, client: null, at: engine.epochMs(), usd: 0, since: 0, approve: () => false })).spent;
}

test("LLM spend goes into the store's ledger, settled at the actual cost, so another server process enforces the same ceiling", async () => {
  // Calls that report a large usage, so what the session spent dwarfs any one request's estimate.
  const heavyUsage = { inputTokens: { total: 400_000, noCache: 400_000, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 30, text: 30, reasoning: 0 } };
  const heavy = new MockLanguageModelV3({ modelId: "mock-reasoner", doGenerate: async () => ({ ...answer(LLM_CONSTRAINTS), usage: heavyUsage }) });
  const sessionId = "budget-session-shared-01";
  const [first, second] = twoProcesses(await llmEngine(heavy), { sessionUsdPerWindow: 1000 });
  const spent = await recommend(request({ query: VIBE, limit: 5, sessionId }), first);
  assert.equal(spent.route.reasoner, "llm:mock-reasoner");
  const spentUsd = spent.route.actualCostUsd!;
  assert.ok(spentUsd > spent.route.estimatedCostUsd! * 10, "the calls cost far more than estimated");
  const recorded = await ledger(second, sessionId);
  assert.ok(Math.abs(recorded.sessionUsd - spentUsd) < 1e-6, `the ledger holds the actual cost (${recorded.sessionUsd} vs ${spentUsd}), not the estimate`);

  // The second process never saw the call; its per-session ceiling is half what the session spent,
  // far above one request's estimate on its own.
  second.budget.config.sessionUsdPerWindow = spentUsd / 2;
  const calls = heavy.doGenerateCalls.length;
  const refused = await recommend(request({ query: VIBE, limit: 5, sessionId }), second);
  assert.ok(refused.route.estimatedCostUsd! < spentUsd / 2, "on its own this request fits the ceiling");
  assert.equal(heavy.doGenerateCalls.length, calls, "the LLM was not called again");
  assert.equal(refused.route.reasoner, "offline");
  assert.ok(
    refused.route.reasons.some((reason) => /session LLM budget reached/.test(reason)),
    refused.route.reasons.join(" | "),
  );

  // Another session on that process still gets the LLM, until the global ceiling (shared too) binds.
  const other = await recommend(request({ query: VIBE, limit: 5, sessionId: "budget-session-shared-02" }), second);
  assert.equal(other.route.reasoner, "llm:mock-reasoner");
  first.budget.config.globalUsdPerWindow = spentUsd * 1.5;
  const global = await recommend(request({ query: VIBE, limit: 5, sessionId: "budget-session-shared-03" }), first);
  assert.equal(global.route.reasoner, "offline");
  assert.ok(
    global.route.reasons.some((reason) => /global LLM budget reached/.test(reason)),
    global.route.reasons.join(" | "),
  );
  await Promise.all([first.store!.close(), second.store!.close()]);
});

test("two server processes answering one session at the same moment cannot both pass a ceiling only one request fits under", async () => {
  let inFlight = 0;
  let overlapped = false;
  const slow = new MockLanguageModelV3({
    modelId: "mock-reasoner",
    doGenerate: async () => {
      inFlight += 1;
      overlapped ||= inFlight > 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight -= 1;
      return answer(LLM_CONSTRAINTS);
    },
  });
  const engine = await llmEngine(slow);
  // The request's estimate, from a process whose budget refuses the LLM (so nothing is called).
  const probe = await recommend(request({ query: VIBE, limit: 5 }), { ...engine, budget: { ...engine.budget, config: { ...engine.budget.config, sessionUsdPerWindow: 0, globalUsdPerWindow: 0 } } });
  const estimate = probe.route.estimatedCostUsd!;
  assert.ok(estimate > 0 && slow.doGenerateCalls.length === 0);
  const [first, second] = twoProcesses(engine, { sessionUsdPerWindow: estimate * 1.5 });
  const sessionId = "budget-session-race-001";
  const answers = await Promise.all([first, second].map((process) => recommend(request({ query: VIBE, limit: 5, sessionId }), process)));
  assert.deepEqual(answers.map((response) => response.route.reasoner).sort(), ["llm:mock-reasoner", "offline"]);
  const refused = answers.find((response) => response.route.reasoner === "offline")!;
  assert.ok(
    refused.route.reasons.some((reason) => /session LLM budget reached/.test(reason)),
    refused.route.reasons.join(" | "),
  );
  // Without the ledger both would have called: each process's own record was empty.
  assert.equal(overlapped, false, "the LLM never ran twice at once");
  await Promise.all([first.store!.close(), second.store!.close()]);
});
