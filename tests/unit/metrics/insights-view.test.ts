import assert from "node:assert/strict";
import { test } from "node:test";
import { histogramQuantile } from "../../../lib/metrics/insights/histogram-quantile";
import { metricsInsights } from "../../../lib/metrics/insights/insights-view";
import { wilsonInterval } from "../../../lib/metrics/insights/wilson-interval";
import { createSnapshotAccumulator } from "../../../lib/metrics/snapshot-accumulator";

const BOUNDS = [0.01, 0.1, 1];

test("histogram quantiles interpolate inside the bucket, as histogram_quantile does", () => {
  // 10 observations: 4 in (0, 0.01], 4 in (0.01, 0.1], 2 in (0.1, 1].
  const counts = [4, 4, 2, 0];
  assert.equal(histogramQuantile(0.2, BOUNDS, counts), 0.005);
  assert.ok(Math.abs(histogramQuantile(0.6, BOUNDS, counts)! - 0.055) < 1e-12);
  assert.ok(Math.abs(histogramQuantile(0.9, BOUNDS, counts)! - 0.55) < 1e-12);
  assert.equal(histogramQuantile(0.99, BOUNDS, [0, 0, 0, 3]), 1, "past every bound: the largest bound, a floor");
  assert.equal(histogramQuantile(0.5, BOUNDS, [0, 0, 0, 0]), null);
});

test("Wilson intervals: inside [0, 1], around the rate, narrower with more trials", () => {
  const small = wilsonInterval(3, 10)!;
  const large = wilsonInterval(300, 1000)!;
  assert.equal(small.rate, 0.3);
  assert.ok(small.low > 0.1 && small.low < 0.3 && small.high > 0.3 && small.high < 0.61, JSON.stringify(small));
  assert.ok(large.high - large.low < small.high - small.low);
  assert.equal(wilsonInterval(0, 5)!.low, 0);
  assert.ok(wilsonInterval(0, 5)!.high > 0);
  assert.equal(wilsonInterval(0, 0), null);
});

test("the panels from snapshots of two processes: totals, buckets, spend over the trailing window, arms, percentiles", () => {
  const minute = 60_000;
  const snapshots = [];
  // Two processes, one snapshot a minute each, for five minutes; each minute process A answers one fast request and spends $0.01.
  for (const [process, start] of [
    ["a", 0],
    ["b", 1_000],
  ] as const) {
    const accumulator = createSnapshotAccumulator(BOUNDS, start);
    for (let minuteIndex = 1; minuteIndex <= 5; minuteIndex++) {
      if (process === "a") {
        accumulator.observer.answered({
          route: { path: "fast", reasoner: null, latencyMs: 5, inputTokens: null, outputTokens: null },
          items: [{ explanation: { kind: "popular" } }, { explanation: { kind: "popular" } }],
        });
        accumulator.observer.spent("reasoning", 0.01);
        accumulator.observer.requestServed("/api/recommend", "200", 0.005);
      } else {
        accumulator.observer.answered({ route: { path: "reasoning", reasoner: "offline", latencyMs: 50, inputTokens: null, outputTokens: null }, items: [{ explanation: { kind: "popular" } }] });
        accumulator.observer.feedback("popular", "like", 1);
        accumulator.observer.requestServed("/api/recommend", "200", 0.05);
      }
      snapshots.push(accumulator.take(start + minuteIndex * minute)!);
    }
  }
  const view = metricsInsights(snapshots, { now: 5 * minute + 1_000, budgetWindowMs: 3 * minute, bucketMs: minute });
  assert.equal(view.snapshots, 10);
  assert.equal(view.totals.requests, 10);
  assert.deepEqual(view.totals.answers, { fast: 5, offline: 5, llm: 0 });
  assert.ok(Math.abs(view.totals.spendUsd - 0.05) < 1e-12);
  assert.equal(view.totals.feedback, 5);
  assert.equal(view.timeline.length, 6);
  assert.equal(
    view.timeline.reduce((sum, point) => sum + point.fast + point.offline, 0),
    10,
  );
  // The last point's window (3 min) holds three of process A's spend snapshots.
  assert.ok(Math.abs(view.timeline.at(-1)!.windowSpendUsd - 0.03) < 1e-12, JSON.stringify(view.timeline.at(-1)));
  const popular = view.arms.find((arm) => arm.arm === "popular")!;
  assert.deepEqual({ shown: popular.shown, reward: popular.reward, feedback: popular.feedback }, { shown: 15, reward: 5, feedback: 5 });
  assert.ok(Math.abs(popular.rate! - 1 / 3) < 1e-12 && popular.low! < 1 / 3 && popular.high! > 1 / 3);
  const recommendLatency = view.latency.find((row) => row.kind === "path" && row.label === "/api/recommend")!;
  assert.equal(recommendLatency.count, 10);
  assert.ok(recommendLatency.p50Ms! <= 10 && recommendLatency.p99Ms! > 10, JSON.stringify(recommendLatency));
  assert.deepEqual(
    view.latency.filter((row) => row.kind === "reasoner").map((row) => [row.label, row.count]),
    [
      ["fast", 5],
      ["offline", 5],
    ],
  );
});

test("no snapshots: an empty view, not an error", () => {
  const view = metricsInsights([], { now: 1_000_000, budgetWindowMs: 3_600_000 });
  assert.equal(view.snapshots, 0);
  assert.equal(view.totals.requests, 0);
  assert.deepEqual(view.arms, []);
  assert.equal(view.timeline.length, 1);
});
