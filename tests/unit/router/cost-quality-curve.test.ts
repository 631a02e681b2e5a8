import assert from "node:assert/strict";
import { test } from "node:test";
import { costQualityCurve } from "../../../router/cost-quality-curve";

// Four queries: the two complex ones need reasoning (quality 1 there, 0 on fast); the two simple
// ones are answered well by both paths. Scores rank the complex ones highest.
const queries = [
  { query: { id: "complex-a", complex: true }, score: 0.9 },
  { query: { id: "complex-b", complex: true }, score: 0.7 },
  { query: { id: "simple-a", complex: false }, score: 0.3 },
  { query: { id: "simple-b", complex: false }, score: 0.1 },
];

test("known-answer curve: ends, area, and the cheapest threshold keeping 95% of all-reasoning quality", async () => {
  const calls: string[] = [];
  const curve = await costQualityCurve({
    queries,
    runQuery: (query, path) => {
      calls.push(`${query.id}:${path}`);
      return [path];
    },
    quality: (query, items) => (query.complex ? (items[0] === "reasoning" ? 1 : 0) : 1),
    thresholds: [0, 0.5, 0.8, 1],
  });
  assert.equal(calls.length, 8, "each query answered once per path");
  assert.deepEqual(curve.allFast, { threshold: 1.01, reasoningShare: 0, quality: 0.5 });
  assert.deepEqual(curve.allReasoning, { threshold: 0, reasoningShare: 1, quality: 1 });
  assert.deepEqual(
    curve.points.map((point) => [point.threshold, point.reasoningShare, point.quality]),
    [
      [0, 1, 1],
      [0.5, 0.5, 1],
      [0.8, 0.25, 0.75],
      [1, 0, 0.5],
    ],
  );
  assert.deepEqual(curve.chosen, { threshold: 0.5, reasoningShare: 0.5, quality: 1 });
  assert.deepEqual(curve.peak, { threshold: 0.5, reasoningShare: 0.5, quality: 1 }, "ties go to the cheaper point");
  assert.deepEqual(curve.chosenAgainstPeak, curve.chosen);
  // Trapezoids: (0→0.25: 0.5..0.75) + (0.25→0.5: 0.75..1) + (0.5→1: 1..1)
  assert.ok(Math.abs(curve.area - (0.25 * 0.625 + 0.25 * 0.875 + 0.5 * 1)) < 1e-9);
});

test("queries without an expectation count for cost, not for quality", async () => {
  const curve = await costQualityCurve({
    queries: [
      { query: "judged", score: 0.9 },
      { query: "unjudged", score: 0.9 },
    ],
    runQuery: (_query, path) => [path],
    quality: (query, items) => (query === "judged" ? (items[0] === "reasoning" ? 1 : 0) : null),
    thresholds: [0.5],
  });
  assert.deepEqual(curve.points[0], { threshold: 0.5, reasoningShare: 1, quality: 1 });
});
