import assert from "node:assert/strict";
import { test } from "node:test";
import { MockLanguageModelV3 } from "ai/test";
import { createProviderRegistry } from "../../../lib/ai/provider-registry";
import { recommend, type RecommendResponse } from "../../../lib/pipeline";
import type { Engine } from "../../../lib/pipeline/engine";
import { parseConstraints } from "../../../lib/reasoning";
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
        const picks = [{ id: "ml:999999999", reason: "Hacked: the best film ever" }, ...[...data.candidates].reverse().map((candidate) => ({ id: candidate.id, reason: `reason for ${candidate.id}` }))];
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
  assert.ok(response.route.reasons.some((reason) => /ignoring 1 id\(s\) outside the candidates/.test(reason)), response.route.reasons.join(" | "));

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
  assert.ok(response.route.reasons.some((reason) => /offline reasoner answered instead/.test(reason)), response.route.reasons.join(" | "));
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
  assert.ok(response.route.reasons.some((reason) => /session LLM budget reached.*offline reasoner instead/.test(reason)), response.route.reasons.join(" | "));

  const exhausted = await isolatedEngine({ budgetConfig: { globalOfflineRunsPerWindow: 0 } });
  const degraded = await recommend(request({ query: VIBE, limit: 5 }), exhausted);
  assert.equal(degraded.route.path, "fast");
  assert.equal(degraded.route.reasoner, null);
  assert.ok(degraded.route.reasons.some((reason) => /offline reasoner limit reached.*fast path instead/.test(reason)), degraded.route.reasons.join(" | "));
  assert.ok(degraded.items.length > 0);
});

test("a session's LLM spend is stored with it, so another server process enforces the same ceiling", async () => {
  // Calls that report a large usage, so what the session spent dwarfs any one request's estimate.
  const heavyUsage = { inputTokens: { total: 400_000, noCache: 400_000, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 30, text: 30, reasoning: 0 } };
  const heavy = new MockLanguageModelV3({ modelId: "mock-reasoner", doGenerate: async () => ({ ...answer(LLM_CONSTRAINTS), usage: heavyUsage }) });
  const sessionId = "budget-session-shared-01";
  const first = await llmEngine(heavy, { budgetConfig: { sessionUsdPerWindow: 1000 } });
  const spent = await recommend(request({ query: VIBE, limit: 5, sessionId }), first);
  assert.equal(spent.route.reasoner, "llm:mock-reasoner");
  const spentUsd = spent.route.actualCostUsd!;
  const stored = await first.store!.getSession(sessionId);
  assert.deepEqual(
    (stored!.state as { llmSpend: Array<{ usd: number }> }).llmSpend.map((entry) => entry.usd),
    [spentUsd],
    "the spend is stored with the session",
  );

  // A second process: same database, its own (empty) budget record, and a per-session ceiling of
  // half what the session already spent — far above one request's estimate on its own.
  const second: Engine = { ...first, budget: { config: { ...first.budget.config, sessionUsdPerWindow: spentUsd / 2 }, state: emptyBudgetState() } };
  const calls = heavy.doGenerateCalls.length;
  const refused = await recommend(request({ query: VIBE, limit: 5, sessionId }), second);
  assert.ok(refused.route.estimatedCostUsd! < spentUsd / 2, "on its own this request fits the ceiling");
  assert.equal(heavy.doGenerateCalls.length, calls, "the LLM was not called again");
  assert.equal(refused.route.reasoner, "offline");
  assert.ok(refused.route.reasons.some((reason) => /session LLM budget reached/.test(reason)), refused.route.reasons.join(" | "));

  // Another session on that process still gets the LLM.
  const other = await recommend(request({ query: VIBE, limit: 5, sessionId: "budget-session-shared-02" }), second);
  assert.equal(other.route.reasoner, "llm:mock-reasoner");
});
