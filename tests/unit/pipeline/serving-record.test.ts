import assert from "node:assert/strict";
import { test } from "node:test";
import { servingRecord } from "../../../lib/pipeline/serving-record";

const base = { reasoner: null, budgetFallback: false, llmCalled: false, llmConfigured: true, latencyMs: 3.14159 };

test("the route, the requested path and the fallback cause of each way a request is served", () => {
  assert.deepEqual(servingRecord(base), { route: "fast", requested: "fast", fallback: null, latencyMs: 3.14 });
  assert.deepEqual(servingRecord({ ...base, budgetFallback: true }), { route: "fast", requested: "reasoning", fallback: "fast-by-spend-gate", latencyMs: 3.14 });
  assert.deepEqual(servingRecord({ ...base, reasoner: "llm:gpt-x", llmCalled: true }), { route: "llm", requested: "reasoning", fallback: null, latencyMs: 3.14 });
  assert.deepEqual(servingRecord({ ...base, reasoner: "offline", llmCalled: true }), { route: "offline", requested: "reasoning", fallback: "llm-failed", latencyMs: 3.14 });
  assert.deepEqual(servingRecord({ ...base, reasoner: "offline" }), { route: "offline", requested: "reasoning", fallback: "offline-by-spend-gate", latencyMs: 3.14 });
  // Without an LLM configured, the offline reasoner is the configuration, not a fallback.
  assert.deepEqual(servingRecord({ ...base, reasoner: "offline", llmConfigured: false }), { route: "offline", requested: "reasoning", fallback: null, latencyMs: 3.14 });
});
