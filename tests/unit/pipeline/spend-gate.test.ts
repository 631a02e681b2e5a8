import assert from "node:assert/strict";
import { test } from "node:test";
import { APICallError } from "ai";
import { MockLanguageModelV3, MockSpeechModelV3 } from "ai/test";
import { createProviderRegistry } from "../../../lib/ai";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { audioMediaType, createAiSdkSynthesizer, gatedSynthesizer, synthesizeWithFallback, writeDjScript, type NarrationRequest, type SpeechSynthesizer } from "../../../lib/narration";
import { recommend } from "../../../lib/pipeline";
import type { Engine } from "../../../lib/pipeline/engine";
import { spendGate } from "../../../lib/pipeline/spend-gate";
import { speechUsd } from "../../../router";
import { isolatedEngine, request } from "./engine-fixture";

const usage = { inputTokens: { total: 80, noCache: 80, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 30, text: 30, reasoning: 0 } };
const answer = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value) }], finishReason: { unified: "stop" as const, raw: "stop" }, usage, warnings: [] });
const VIBE = "a sci-fi movie that feels like Blade Runner but was made in the 90s";

/** An engine whose clock the test moves (budget windows, breaker cool-downs). */
async function clockedEngine(overrides: Parameters<typeof isolatedEngine>[0] = {}): Promise<{ engine: Engine; clock: { ms: number } }> {
  const clock = { ms: Date.UTC(2026, 10, 23, 20) };
  const engine = await isolatedEngine({ epochMs: () => clock.ms, ...overrides });
  engine.budget.breaker = { failureThreshold: 3, coolDownMs: 30_000 };
  return { engine, clock };
}

async function ledgerUsd(engine: Engine, client: string | null = null) {
  return (await engine.store!.reserveLlmSpend({ sessionId: null, client, at: engine.epochMs(), usd: 0, since: 0, approve: () => false })).spent;
}

test("the gate reserves the estimate in the ledger before the call and settles the actual cost after it", async () => {
  const { engine } = await clockedEngine();
  const gate = spendGate(engine, { sessionId: "gate-session-0001", client: "10.0.0.1" });
  const admission = await gate({ call: "DJ script", estimatedUsd: 0.004 });
  assert.ok(admission.allowed);
  assert.deepEqual(await ledgerUsd(engine, "10.0.0.1"), { sessionUsd: 0, globalUsd: 0.004, clientUsd: 0.004 }, "the estimate is held while the call runs");
  admission.permit.report("answered");
  assert.equal(await admission.permit.settle(0.001), null);
  assert.deepEqual(await ledgerUsd(engine, "10.0.0.1"), { sessionUsd: 0, globalUsd: 0.001, clientUsd: 0.001 });
  assert.deepEqual(
    engine.budget.state.events.map((event) => [event.client, event.usd]),
    [["10.0.0.1", 0.001]],
    "and in this process's own record",
  );
});

test("past a client's share the gate refuses with the reason, writes nothing, and another client still spends", async () => {
  const { engine } = await clockedEngine({ budgetConfig: { globalUsdPerWindow: 0.1, clientShare: 0.1 } });
  const greedy = spendGate(engine, { sessionId: null, client: "10.0.0.1" });
  let admitted = 0;
  for (let call = 0; call < 10; call++) {
    const admission = await greedy({ call: "reply", estimatedUsd: 0.003 });
    if (!admission.allowed) {
      assert.equal(admission.reason, "reply skipped: this client's share of the LLM budget reached: $0.0090 spent of $0.0100 per 1 h; reply from the templates");
      continue;
    }
    admitted += 1;
    await admission.permit.settle(0.003);
  }
  assert.equal(admitted, 3, "three calls of $0.003 fit in a $0.01 share");
  assert.equal((await engine.store!.counts()).llmSpend, 3, "a refusal writes no ledger row");
  assert.equal((await spendGate(engine, { sessionId: null, client: "10.0.0.2" })({ call: "reply", estimatedUsd: 0.003 })).allowed, true);
});

test("the breaker: after 3 failures the provider is skipped (no ledger transaction) until the cool-down, then one trial goes", async () => {
  const { engine, clock } = await clockedEngine();
  const gate = spendGate(engine, { sessionId: null, client: "10.0.0.1" });
  for (let call = 0; call < 3; call++) {
    const admission = await gate({ call: "DJ script", estimatedUsd: 0.001 });
    assert.ok(admission.allowed);
    admission.permit.report("failed");
    await admission.permit.settle(0);
  }
  const rows = (await engine.store!.counts()).llmSpend;
  const skipped = await gate({ call: "reply", estimatedUsd: 0.001 });
  assert.equal(skipped.allowed, false);
  if (!skipped.allowed) assert.match(skipped.reason, /^reply skipped: LLM provider skipped after 3 failures in a row \(circuit open, retrying in 30 s\); reply from the templates$/);
  assert.equal((await gate({ call: "speech", estimatedUsd: 0.001 })).allowed, true, "the speech provider has its own breaker");
  assert.equal((await engine.store!.counts()).llmSpend, rows + 1);
  clock.ms += 30_000;
  const trial = await gate({ call: "DJ script", estimatedUsd: 0.001 });
  assert.ok(trial.allowed, "one trial after the cool-down");
  assert.equal((await gate({ call: "DJ script", estimatedUsd: 0.001 })).allowed, false, "only one");
  trial.permit.report("answered");
  assert.equal((await gate({ call: "DJ script", estimatedUsd: 0.001 })).allowed, true, "a good trial closes the circuit");
});

test("recommend: a dead LLM costs one timeout per cool-down, not one per request; the reasons say it was skipped", async () => {
  const dead = new MockLanguageModelV3({
    modelId: "mock-dead",
    doGenerate: async () => {
      throw new APICallError({ message: "Service Unavailable", url: "http://127.0.0.1/v1/chat/completions", requestBodyValues: {}, statusCode: 503, isRetryable: true });
    },
  });
  const handle = createProviderRegistry({ environment: {}, languageModel: dead, timeoutMs: 500 }).languageModel;
  const { engine, clock } = await clockedEngine({ llm: { handle, unavailableReason: null, rerank: false } });
  for (let turn = 0; turn < 8; turn++) {
    const response = await recommend(request({ query: VIBE, limit: 5 }), engine, { client: "10.0.0.1" });
    assert.equal(response.route.reasoner, "offline");
    assert.equal(response.items.length, 5);
    if (turn >= 3)
      assert.ok(
        response.route.reasons.some((reason) => /^LLM provider skipped after 3 failures in a row \(circuit open, retrying in \d+ s\); offline reasoner instead$/.test(reason)),
        response.route.reasons.join(" | "),
      );
  }
  assert.equal(dead.doGenerateCalls.length, 3, "8 requests, 3 provider calls");
  clock.ms += 30_000;
  for (let turn = 0; turn < 3; turn++) await recommend(request({ query: VIBE, limit: 5 }), engine, { client: "10.0.0.1" });
  assert.equal(dead.doGenerateCalls.length, 4, "one trial per cool-down");
});

test("recommend: a client past its share of the offline runs gets the fast path; another client gets the offline reasoner", async () => {
  const { engine } = await clockedEngine({ budgetConfig: { globalOfflineRunsPerWindow: 20, clientShare: 0.1 } });
  const paths: string[] = [];
  for (let turn = 0; turn < 3; turn++) paths.push((await recommend(request({ query: VIBE, limit: 5 }), engine, { client: "10.0.0.1" })).route.path);
  assert.deepEqual(paths, ["reasoning", "reasoning", "fast"], "2 runs (a tenth of 20), then the fast path");
  const other = await recommend(request({ query: VIBE, limit: 5 }), engine, { client: "10.0.0.2" });
  assert.equal(other.route.reasoner, "offline");
});

const NARRATION: NarrationRequest = {
  query: "something tense",
  items: [{ title: "Heat", year: 1995, genres: ["Crime", "Thriller"], runtimeMinutes: 170, directors: ["Michael Mann"], explanation: null }],
  routePath: "fast",
  seed: "s",
  previousOpeningId: null,
};

test("the DJ script: refused by the gate, the templates write it and say why, and the model is not called", async () => {
  const { engine } = await clockedEngine({ budgetConfig: { globalUsdPerWindow: 0 } });
  const model = new MockLanguageModelV3({ modelId: "mock-dj", doGenerate: async () => answer({ script: "Good evening. Heat is on tonight, a tense crime classic." }) });
  const handle = createProviderRegistry({ environment: {}, languageModel: model, timeoutMs: 500 }).languageModel;
  const script = await writeDjScript(NARRATION, { model: handle, gate: spendGate(engine, { sessionId: null, client: "10.0.0.1" }) });
  assert.equal(script.source, "template");
  assert.match(script.reason ?? "", /^DJ script skipped: global LLM budget reached: \$0\.0000 spent of \$0\.0000 per 1 h; DJ script from the templates$/);
  assert.equal(model.doGenerateCalls.length, 0);

  const { engine: funded } = await clockedEngine();
  const written = await writeDjScript(NARRATION, { model: handle, gate: spendGate(funded, { sessionId: null, client: "10.0.0.1" }) });
  assert.equal(written.source, "llm:mock-dj");
  assert.equal(model.doGenerateCalls.length, 1);
  const spent = await ledgerUsd(funded, "10.0.0.1");
  assert.ok(spent.clientUsd > 0 && spent.clientUsd < 0.001, `settled at the provider's usage: $${spent.clientUsd}`);
});

test("speech: bytes that are not audio never go out as audio: the next voice speaks, and the cost and the failure count", async () => {
  assert.equal(audioMediaType(new TextEncoder().encode('{"error":{"message":"quota"}}')), null);
  assert.equal(audioMediaType(Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0])), "audio/mpeg");
  assert.equal(audioMediaType(Uint8Array.from([0xff, 0xfb, 0x90, 0x64])), "audio/mpeg");
  let calls = 0;
  const garbage = new MockSpeechModelV3({
    modelId: "tts-1",
    doGenerate: async () => ({ audio: (calls++, new TextEncoder().encode("<html>502 Bad Gateway</html>")), warnings: [], response: { timestamp: new Date(0), modelId: "tts-1" } }),
  });
  const { engine } = await clockedEngine();
  const skipped: string[] = [];
  const paid = gatedSynthesizer(createAiSdkSynthesizer(garbage, { label: "openai:tts-1" }), {
    gate: spendGate(engine, { sessionId: null, client: "10.0.0.1" }),
    modelId: "tts-1",
    onSkipped: (reason) => skipped.push(reason),
  });
  const free: SpeechSynthesizer = { voice: "espeak-ng", synthesize: async () => ({ audio: new Uint8Array([1]), mediaType: "audio/wav", voice: "espeak-ng" }) };
  const text = "Good evening, night owls.";
  for (let call = 0; call < 4; call++) assert.equal((await synthesizeWithFallback([paid, free], text)).voice, "espeak-ng");
  assert.equal(calls, 3, "the fourth call found the speech circuit open");
  assert.match(skipped[0], /^speech failed \(the speech provider sent 28 bytes that are not WAV or MP3 audio\); free voice instead$/);
  assert.match(skipped[3], /^speech skipped: speech provider skipped after 3 failures in a row/);
  const spent = await ledgerUsd(engine, "10.0.0.1");
  assert.ok(Math.abs(spent.clientUsd - 3 * speechUsd("tts-1", text.length)) < 1e-12, "an answer that was not audio was still billed");
});

test("speech past the budget: refused before the call, the free voice speaks, and without one it is a 503 the browser voice answers", async () => {
  const { engine } = await clockedEngine({ budgetConfig: { globalUsdPerWindow: 0 } });
  let calls = 0;
  const model = new MockSpeechModelV3({
    modelId: "tts-1",
    doGenerate: async () => {
      calls += 1;
      throw new Error("no speech");
    },
  });
  const skipped: string[] = [];
  const paid = gatedSynthesizer(createAiSdkSynthesizer(model, { label: "openai:tts-1" }), {
    gate: spendGate(engine, { sessionId: null, client: "10.0.0.1" }),
    modelId: "tts-1",
    onSkipped: (reason) => skipped.push(reason),
  });
  await assert.rejects(synthesizeWithFallback([paid], "Hello there."), (error: unknown) => error instanceof ReelcastError && error.code === "unavailable:narration");
  assert.equal(calls, 0);
  assert.match(skipped[0], /^speech skipped: global LLM budget reached: .*; free voice instead$/);
});
