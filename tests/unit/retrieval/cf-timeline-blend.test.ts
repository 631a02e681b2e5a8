import assert from "node:assert/strict";
import { test } from "node:test";
import { recommendForUser } from "../../../lib/retrieval/cf-neighbours";
import { ExactVectorIndex } from "../../../lib/retrieval/exact-vector-index";
import type { ItemKnnModel } from "../../../lib/retrieval/item-knn";

/**
 * Five items on a quarter circle (cosine to the user vector [1, 0]: 1, 0.99, 0.71, 0.11, 0) and a
 * timeline model where item 0's neighbours are item 4 (weight 5) and item 2 (weight 1).
 * With k = 2 and a pool of 3, the cosine pool is {0, 1, 2}; item 0 is the session's own (excluded).
 * Blend over the pool {1, 2} ∪ timeline {4, 2}: x·y = 0.9, 0.5, 0 and timeline = 0, 1, 5 for
 * items 1, 2, 4; standardised: x·y 1.18, 0.09, −1.27; timeline −0.93, −0.46, 1.39.
 */
const vectors = new Float32Array([1, 0, 0.9, 0.1, 0.5, 0.5, 0.1, 0.9, 0, 1]);
const index = new ExactVectorIndex(2, "cos");
index.add([0, 1, 2, 3, 4], vectors);
const timeline: ItemKnnModel = { itemCount: 5, starts: Int32Array.from([0, 2, 2, 2, 2, 2]), neighbourItems: Int32Array.from([4, 2]), similarities: Float32Array.from([5, 1]) };
const user = Float32Array.from([1, 0]);
const picks = (weight: number | null) =>
  recommendForUser(index, vectors, user, 2, { candidatePool: 3, exclude: new Set([0]), timeline: weight === null ? undefined : { model: timeline, weight, history: [0] } }).map(
    (pick) => pick.itemIndex,
  );

test("without the timeline, the cosine pool is re-ranked by x·y", () => {
  assert.deepEqual(picks(null), [1, 2]);
  assert.deepEqual(picks(0), [1, 2], "weight 0 is plain WALS");
});

test("the timeline's neighbours join the pool and the standardised scores are added", () => {
  assert.deepEqual(picks(1), [1, 4], "1: 1.18 − 0.93 = 0.25; 4: −1.27 + 1.39 = 0.12; 2: 0.09 − 0.46 = −0.37");
  assert.deepEqual(picks(3), [4, 2], "4: −1.27 + 4.17; 2: 0.09 − 1.39; 1: 1.18 − 2.78");
  const scored = recommendForUser(index, vectors, user, 2, { candidatePool: 3, exclude: new Set([0]), timeline: { model: timeline, weight: 1, history: [0] } });
  assert.ok(Math.abs(scored[0].score - 0.2508) < 1e-3, `score ${scored[0].score}`);
});

test("excluded items never come back through the timeline", () => {
  const result = recommendForUser(index, vectors, user, 5, { candidatePool: 3, exclude: new Set([0, 4]), timeline: { model: timeline, weight: 3, history: [0] } });
  assert.ok(!result.some((pick) => pick.itemIndex === 4 || pick.itemIndex === 0));
});

test("only the timeline's strongest `pool` neighbours join the pool", () => {
  // Item 0's timeline row: 4 (5), 3 (4), 2 (1), 1 (0.5). Pool 2: cosine {0, 1} plus timeline {4, 3};
  // item 2 (timeline 1, cosine third) stays out, so the blend is standardised over {0, 1, 3, 4}.
  const wide: ItemKnnModel = { itemCount: 5, starts: Int32Array.from([0, 4, 4, 4, 4, 4]), neighbourItems: Int32Array.from([4, 3, 2, 1]), similarities: Float32Array.from([5, 4, 1, 0.5]) };
  const result = recommendForUser(index, vectors, user, 2, { candidatePool: 2, timeline: { model: wide, weight: 1, history: [0] } });
  const pool = [0, 1, 3, 4];
  const dots = new Map([
    [0, 1],
    [1, 0.9],
    [3, 0.1],
    [4, 0],
  ]);
  const timelineScores = new Map([
    [0, 0],
    [1, 0.5],
    [3, 4],
    [4, 5],
  ]);
  const z = (values: Map<number, number>) => {
    const mean = pool.reduce((sum, item) => sum + values.get(item)!, 0) / pool.length;
    const deviation = Math.sqrt(pool.reduce((sum, item) => sum + (values.get(item)! - mean) ** 2, 0) / pool.length);
    return (item: number) => (values.get(item)! - mean) / deviation;
  };
  const [zDot, zTimeline] = [z(dots), z(timelineScores)];
  const expected = pool.map((item) => ({ item, score: zDot(item) + zTimeline(item) })).sort((a, b) => b.score - a.score);
  assert.deepEqual(
    result.map((pick) => pick.itemIndex),
    expected.slice(0, 2).map((entry) => entry.item),
  );
  result.forEach((pick, position) => assert.ok(Math.abs(pick.score - expected[position].score) < 1e-5, `${pick.score} vs ${expected[position].score}`));
});
