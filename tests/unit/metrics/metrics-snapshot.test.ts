import assert from "node:assert/strict";
import { test } from "node:test";
import { emptySnapshot, mergeSnapshots, metricsSnapshotSchema } from "../../../lib/metrics/metrics-snapshot";
import { createSnapshotAccumulator } from "../../../lib/metrics/snapshot-accumulator";

const BOUNDS = [0.01, 0.1, 1];

const answer = (path: "fast" | "reasoning", reasoner: string | null, latencyMs: number, kinds: string[], tokens: [number, number] | null = null) => ({
  route: { path, reasoner, latencyMs, inputTokens: tokens?.[0] ?? null, outputTokens: tokens?.[1] ?? null },
  items: kinds.map((kind) => ({ explanation: { kind } })),
});

test("the accumulator counts one period and hands it over; an idle period hands over nothing", () => {
  const accumulator = createSnapshotAccumulator(BOUNDS, 1_000);
  const observer = accumulator.observer;
  observer.requestServed("/api/recommend", "200", 0.005);
  observer.requestServed("/api/recommend", "200", 0.05);
  observer.requestServed("/api/recommend", "429", 0.0005);
  observer.answered(answer("fast", null, 3, ["because-you-liked", "popular"]));
  observer.answered(answer("reasoning", "offline", 40, ["popular"]));
  observer.answered(answer("reasoning", "llm:gpt-test", 900, ["matches-mood"], [1200, 80]));
  observer.paidCall("reasoning", "answered");
  observer.spent("reasoning", 0.0021);
  observer.fellBack("reasoning", "no_llm");
  observer.feedback("popular", "like", 1);
  observer.feedback("popular", "undo", -1);
  observer.feedback("matches-mood", "click", 0.5);
  observer.storeFailed("locked");
  observer.rateLimited("requests");
  const snapshot = accumulator.take(61_000);
  assert.ok(snapshot);
  assert.equal(metricsSnapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot))).success, true, "stored as JSON and read back");
  assert.deepEqual({ from: snapshot.from, to: snapshot.to }, { from: 1_000, to: 61_000 });
  assert.deepEqual(snapshot.requests, { "/api/recommend": { "200": 2, "429": 1 } });
  assert.deepEqual(snapshot.requestLatency["/api/recommend"].counts, [2, 1, 0, 0]);
  assert.deepEqual(snapshot.reasonerLatency.fast.counts, [1, 0, 0, 0]);
  assert.deepEqual(snapshot.reasonerLatency.offline.counts, [0, 1, 0, 0]);
  assert.deepEqual(snapshot.reasonerLatency.llm.counts, [0, 0, 1, 0]);
  assert.deepEqual(snapshot.tokens, { input: 1200, output: 80 });
  assert.deepEqual(snapshot.arms, { "because-you-liked": { shown: 1, reward: 0, feedback: 0 }, popular: { shown: 2, reward: 0, feedback: 2 }, "matches-mood": { shown: 1, reward: 0.5, feedback: 1 } });
  assert.deepEqual(snapshot.fallbacks, { reasoning: { no_llm: 1 } });
  assert.deepEqual(snapshot.llmCalls, { reasoning: { answered: 1 } });
  assert.equal(snapshot.spendUsd.reasoning, 0.0021);
  assert.deepEqual(snapshot.storeErrors, { locked: 1 });
  assert.deepEqual(snapshot.rateLimited, { requests: 1 });
  assert.equal(accumulator.take(121_000), null, "nothing happened since");
});

test("a snapshot the store refused goes back and out with the next period", () => {
  const accumulator = createSnapshotAccumulator(BOUNDS, 0);
  accumulator.observer.requestServed("/", "200", 0.02);
  const refused = accumulator.take(10)!;
  accumulator.observer.requestServed("/", "200", 2);
  accumulator.restore(refused);
  const next = accumulator.take(20)!;
  assert.deepEqual(next.requests, { "/": { "200": 2 } });
  assert.deepEqual(next.requestLatency["/"].counts, [0, 1, 0, 1]);
  assert.equal(next.from, 0);
  assert.equal(next.to, 20);
});

test("snapshots of several processes add up; one with other bucket bounds is skipped, not misread", () => {
  const a = createSnapshotAccumulator(BOUNDS, 0);
  const b = createSnapshotAccumulator(BOUNDS, 5);
  a.observer.requestServed("/api/feedback", "202", 0.001);
  b.observer.requestServed("/api/feedback", "202", 0.5);
  b.observer.spent("dj_script", 0.001);
  a.observer.spent("dj_script", 0.002);
  const other = emptySnapshot([0.5, 5], 0, 10);
  other.requests["/api/feedback"] = { "202": 100 };
  const { merged, skipped } = mergeSnapshots([a.take(10)!, b.take(12)!, other]);
  assert.equal(skipped, 1);
  assert.deepEqual(merged.requests, { "/api/feedback": { "202": 2 } });
  assert.deepEqual(merged.requestLatency["/api/feedback"].counts, [1, 0, 1, 0]);
  assert.ok(Math.abs(merged.spendUsd.dj_script - 0.003) < 1e-12);
  assert.deepEqual({ from: merged.from, to: merged.to }, { from: 0, to: 12 });
});
