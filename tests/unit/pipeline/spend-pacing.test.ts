import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { MockLanguageModelV3 } from "ai/test";
import { createProviderRegistry } from "../../../lib/ai";
import { createSpendPacing, DEFAULT_PACING, formatScore, PACING_RECORD_KIND, pacingConfigFromEnvironment, type PacingRecordPayload } from "../../../lib/pacing";
import { recommend } from "../../../lib/pipeline";
import type { Engine } from "../../../lib/pipeline/engine";
import { startSpendPacer } from "../../../lib/server/spend-pacer";
import { openSqliteStore, type Store } from "../../../lib/store";
import { decideRoute } from "../../../router";
import { isolatedEngine, realEngine, request } from "./engine-fixture";

const usage = { inputTokens: { total: 80, noCache: 80, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 30, text: 30, reasoning: 0 } };
const answer = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value) }], finishReason: { unified: "stop" as const, raw: "stop" }, usage, warnings: [] });
/** Complexity ≈ 0.997 and ≈ 0.70: both take the reasoning path. */
const COMPLEX = "a sci-fi movie that feels like Blade Runner but was made in the 90s";
const PLAIN = "hidden gems";
const config = { ...DEFAULT_PACING, targetUsdPerHour: 2, budgetWindowMs: 3_600_000 };
const directory = mkdtempSync(path.join(tmpdir(), "reelcast-pacing-"));
after(() => rmSync(directory, { recursive: true, force: true }));

function mockModel() {
  return new MockLanguageModelV3({ modelId: "mock-reasoner", doGenerate: async () => answer({ includeGenres: [{ genre: "Sci-Fi", strength: "hard" }] }) });
}

async function llmEngine(model: MockLanguageModelV3, overrides: Parameters<typeof isolatedEngine>[0] = {}): Promise<Engine> {
  const handle = createProviderRegistry({ environment: {}, languageModel: model, timeoutMs: 1000 }).languageModel;
  return isolatedEngine({ llm: { handle, unavailableReason: null, rerank: false }, ...overrides });
}

const complexity = (engine: Engine, query: string) => decideRoute(query, { lexicon: engine.lexicon }).score;

function barRecord(bar: number): PacingRecordPayload {
  return {
    version: 1,
    bar,
    previousBar: null,
    targetUsdPerHour: 2,
    observedUsdPerHour: 6,
    budgetWindowUsdPerHour: 6,
    windowMs: 600_000,
    requests: 300,
    llmShare: 1,
    share: 0.3,
    passedShare: 0.3,
    demandUsdPerHour: 6,
    reason: "test",
  };
}

test("REELCAST_LLM_TARGET_USD_PER_HOUR unset: no pacing on the engine, and every reasoning request within the ceilings gets the LLM as before", async () => {
  assert.equal(pacingConfigFromEnvironment({}, 3_600_000), null);
  assert.equal(pacingConfigFromEnvironment({ REELCAST_LLM_TARGET_USD_PER_HOUR: " " }, 3_600_000), null);
  assert.equal(pacingConfigFromEnvironment({ REELCAST_LLM_TARGET_USD_PER_HOUR: "2", REELCAST_PACING_INTERVAL_MS: "5000" }, 3_600_000)?.intervalMs, 5_000);
  assert.throws(() => pacingConfigFromEnvironment({ REELCAST_LLM_TARGET_USD_PER_HOUR: "two" }, 3_600_000), /not a positive number/);
  assert.equal((await realEngine()).pacing ?? null, null, "createEngine without the variable builds no pacing");

  const model = mockModel();
  const engine = await llmEngine(model);
  // A bar in the store changes nothing for an engine without pacing.
  await engine.store!.appendOperatorRecord({ kind: PACING_RECORD_KIND, at: engine.epochMs(), payload: barRecord(0.99) });
  const response = await recommend(request({ query: PLAIN, limit: 5, route: "reasoning" }), engine);
  assert.equal(response.route.reasoner, "llm:mock-reasoner");
  assert.equal(model.doGenerateCalls.length, 1);
  assert.ok(!response.route.reasons.some((reason) => reason.includes("paced")), response.route.reasons.join(" | "));
});

test("two engines over one SQLite file apply the bar one of them published; below it the route says the LLM was paced", async () => {
  const file = path.join(directory, "two-engines.db");
  const stores: Store[] = [openSqliteStore({ path: file }), openSqliteStore({ path: file })];
  const models = [mockModel(), mockModel()];
  const [a, b] = [await llmEngine(models[0], { store: stores[0], pacing: createSpendPacing(config) }), await llmEngine(models[1], { store: stores[1], pacing: createSpendPacing(config) })];
  const high = complexity(a, COMPLEX);
  const low = complexity(a, PLAIN);
  assert.ok(low >= 0.5 && low < high, `${low} < ${high}`);
  const bar = (low + high) / 2;

  // Before any record: no bar, the LLM as before.
  const before = await recommend(request({ query: PLAIN, limit: 5 }), b);
  assert.equal(before.route.reasoner, "llm:mock-reasoner");

  // Engine A's process publishes a bar (as its pacer would); both pacers' next tick read it.
  await stores[0].appendOperatorRecord({ kind: PACING_RECORD_KIND, at: a.epochMs(), payload: barRecord(bar) });
  const pacers = [
    startSpendPacer({ store: stores[0], pacing: a.pacing!, compute: true, now: a.epochMs, timer: false, log: () => undefined }),
    startSpendPacer({ store: stores[1], pacing: b.pacing!, compute: false, timer: false }),
  ];
  for (const pacer of pacers) await pacer.tick();
  assert.equal(a.pacing!.current?.bar, bar);
  assert.equal(b.pacing!.current?.bar, bar);

  const paced = await recommend(request({ query: PLAIN, limit: 5 }), b);
  assert.equal(paced.route.path, "reasoning");
  assert.equal(paced.route.reasoner, "offline");
  assert.equal(models[1].doGenerateCalls.length, 1, "only the request before the bar called the LLM");
  const expected = `LLM paced: complexity ${formatScore(low, bar)} below the bar ${formatScore(bar, low)} to hold $2.00/h; offline reasoner instead`;
  assert.ok(paced.route.reasons.includes(expected), `${expected} not in: ${paced.route.reasons.join(" | ")}`);

  // Above the bar, on the other engine: the LLM.
  const complex = await recommend(request({ query: COMPLEX, limit: 5 }), a);
  assert.equal(complex.route.reasoner, "llm:mock-reasoner");

  // A forced reasoning route is scored too, so forcing it does not skip the bar.
  const forced = await recommend(request({ query: PLAIN, limit: 5, route: "reasoning" }), b);
  assert.equal(forced.route.reasoner, "offline");
  assert.ok(forced.route.reasons.includes(expected), forced.route.reasons.join(" | "));

  // Each engine remembered its reasoning decisions for the controller: scores and who got the LLM.
  assert.deepEqual(
    b.pacing!.decisions.since(0).map((decision) => [Math.round(decision.score * 1000), decision.llm]),
    [
      [Math.round(low * 1000), true],
      [Math.round(low * 1000), false],
      [Math.round(low * 1000), false],
    ],
  );
  assert.deepEqual(
    a.pacing!.decisions.since(0).map((decision) => decision.llm),
    [true],
  );
  for (const store of stores) await store.close();
});
