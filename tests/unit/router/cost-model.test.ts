import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConstraints } from "../../../lib/reasoning/constraints";
import {
  actualCost,
  CONSTRAINT_COMPLETION_TOKENS,
  DEFAULT_PRICE_TABLE,
  estimateRouteCost,
  estimateTokens,
  FAST_PATH_LATENCY_MS,
  tokensToUsd,
  TYPICAL_CONSTRAINT_ANSWER,
  type PriceTable,
} from "../../../router/cost-model";

const table: PriceTable = { tiny: { inputUsdPerMillion: 1, outputUsdPerMillion: 4, firstTokenMs: 100, outputTokensPerSecond: 50 } };

test("tokens from characters, USD from a price per million", () => {
  assert.equal(estimateTokens(0), 0);
  assert.equal(estimateTokens(4), 1);
  assert.equal(estimateTokens(5), 2);
  assert.equal(tokensToUsd(1_000_000, 0, table.tiny), 1);
  assert.equal(tokensToUsd(500_000, 250_000, table.tiny), 1.5);
});

test("the completion estimate comes from the constraint schema and is plausible", () => {
  assert.ok(CONSTRAINT_COMPLETION_TOKENS > 60 && CONSTRAINT_COMPLETION_TOKENS < 400, `${CONSTRAINT_COMPLETION_TOKENS}`);
  // The router's written-out answer is exactly what the schema returns for it: every field, in order.
  assert.equal(JSON.stringify(parseConstraints(TYPICAL_CONSTRAINT_ANSWER)), JSON.stringify(TYPICAL_CONSTRAINT_ANSWER));
  assert.equal(CONSTRAINT_COMPLETION_TOKENS, estimateTokens(JSON.stringify(parseConstraints(TYPICAL_CONSTRAINT_ANSWER)).length));
});

test("the fast path and the offline reasoner cost nothing", () => {
  const fast = estimateRouteCost({ path: "fast", reasoner: "llm", modelId: "tiny", promptCharacters: 4000, priceTable: table });
  assert.deepEqual([fast.usd, fast.llmCalls, fast.inputTokens, fast.latencyMs], [0, 0, 0, FAST_PATH_LATENCY_MS]);
  const offline = estimateRouteCost({ path: "reasoning", reasoner: "offline", modelId: "tiny", promptCharacters: 4000, priceTable: table });
  assert.equal(offline.usd, 0);
  assert.equal(offline.llmCalls, 0);
});

test("an LLM route: prompt from its size, completion from the schema, latency from first token and decoding", () => {
  const estimate = estimateRouteCost({ path: "reasoning", reasoner: "llm", modelId: "tiny", promptCharacters: 4000, priceTable: table });
  const inputTokens = 1000 + 12;
  assert.equal(estimate.inputTokens, inputTokens);
  assert.equal(estimate.outputTokens, CONSTRAINT_COMPLETION_TOKENS);
  assert.equal(estimate.usd, (inputTokens * 1 + CONSTRAINT_COMPLETION_TOKENS * 4) / 1_000_000);
  assert.equal(estimate.latencyMs, Math.round(25 + 100 + (CONSTRAINT_COMPLETION_TOKENS / 50) * 1000));
  assert.equal(estimate.defaultPrice, false);
  const withRerank = estimateRouteCost({ path: "reasoning", reasoner: "llm", modelId: "tiny", promptCharacters: 4000, rerank: { promptCharacters: 8000, picks: 10 }, priceTable: table });
  assert.equal(withRerank.llmCalls, 2);
  assert.equal(withRerank.outputTokens, CONSTRAINT_COMPLETION_TOKENS + 300);
  assert.ok(withRerank.usd > estimate.usd);
});

test("unknown models use the default price and say so; provider prefixes are ignored", () => {
  const unknown = estimateRouteCost({ path: "reasoning", reasoner: "llm", modelId: "my-local-model", promptCharacters: 2000 });
  assert.equal(unknown.defaultPrice, true);
  const prefixed = estimateRouteCost({ path: "reasoning", reasoner: "llm", modelId: "openai/gpt-4o", promptCharacters: 2000 });
  assert.equal(prefixed.defaultPrice, false);
  assert.ok(DEFAULT_PRICE_TABLE["gpt-4o"].inputUsdPerMillion > DEFAULT_PRICE_TABLE["gpt-4o-mini"].inputUsdPerMillion);
});

test("actual cost from reported usage, estimating only what the provider did not report", () => {
  const reported = actualCost([{ modelId: "tiny", inputTokens: 2000, outputTokens: 100, latencyMs: 640 }], { priceTable: table });
  assert.deepEqual(reported, { modelId: "tiny", inputTokens: 2000, outputTokens: 100, usd: (2000 + 400) / 1_000_000, latencyMs: 640, estimated: false });
  const missing = actualCost([{ modelId: "tiny", inputTokens: undefined, outputTokens: 50, latencyMs: 300 }], { priceTable: table, fallbackPromptCharacters: 400 });
  assert.equal(missing.inputTokens, 100 + 12);
  assert.equal(missing.estimated, true);
  const two = actualCost(
    [
      { modelId: "tiny", inputTokens: 10, outputTokens: 10, latencyMs: 100 },
      { modelId: "tiny", inputTokens: 10, outputTokens: 10, latencyMs: 200 },
    ],
    { priceTable: table },
  );
  assert.equal(two.latencyMs, 300);
  assert.equal(two.inputTokens, 20);
});
