import assert from "node:assert/strict";
import { test } from "node:test";
import { trainAls } from "../../../lib/retrieval/als";
import { createFoldInContext, foldInUser } from "../../../lib/retrieval/fold-in";
import { createSeededRandom } from "../../../lib/retrieval/seeded-random";
import { clusterOf, twoClusterMatrix } from "./cf-fixtures";

test("fold-in solves the WALS normal equations: a 1-d known answer", () => {
  // Y = [1, 2], λ = 1, like item 0 with strength 1 (c = 2):
  //   A = YᵀY + λ + (c − 1)·1² = 5 + 1 + 1 = 7, b = c·1 = 2 → x = 2/7.
  const context = createFoldInContext(Float32Array.of(1, 2), 1, 1, 1, 1, null);
  assert.ok(Math.abs(foldInUser(context, { liked: [0] })[0] - 2 / 7) < 1e-6);
  // Disliking item 1 adds (c − 1)·2² = 4 to A and nothing to b → x = 2/11.
  assert.ok(Math.abs(foldInUser(context, { liked: [0], disliked: [1] })[0] - 2 / 11) < 1e-6);
});

test("fold-in with per-item missing weights uses YᵀWY and c − w", () => {
  // w = [0.5, 2]: A = 0.5·1 + 2·4 + λ(1) + (2 − 0.5)·1 = 11, b = 2 → x = 2/11.
  const context = createFoldInContext(Float32Array.of(1, 2), 1, 1, 1, 1, Float32Array.of(0.5, 2));
  assert.ok(Math.abs(foldInUser(context, { liked: [0] })[0] - 2 / 11) < 1e-6);
});

function clusterModel() {
  const model = trainAls(twoClusterMatrix(), { dimensions: 4, regularization: 0.5, iterations: 10 }, createSeededRandom(1));
  const context = createFoldInContext(model.itemFactors, 4, model.regularization, 5, 5, null, (item) => item < 10);
  const scoresFor = (userVector: Float32Array) => Array.from({ length: 10 }, (_, item) => userVector.reduce((sum, value, column) => sum + value * model.itemFactors[item * 4 + column], 0));
  return { model, context, scoresFor };
}

test("folding in two liked westerns ranks every western above every cartoon", () => {
  const { context, scoresFor } = clusterModel();
  const scores = scoresFor(foldInUser(context, { liked: [0, 1] }));
  const ranked = [...scores.keys()].sort((a, b) => scores[b] - scores[a]);
  assert.deepEqual(ranked.slice(0, 5).map(clusterOf), [0, 0, 0, 0, 0]);
});

test("fold-in of a training user's items reproduces the trained user's ranking", () => {
  const { model, context, scoresFor } = clusterModel();
  // User 12 interacted with cartoons 5, 6, 8, 9 (skipping 7) at strength 5.
  const folded = scoresFor(foldInUser(context, { liked: [5, 6, 8, 9] }));
  const trained = Array.from({ length: 10 }, (_, item) => model.userFactors.subarray(48, 52).reduce((sum, value, column) => sum + value * model.itemFactors[item * 4 + column], 0));
  const order = (scores: number[]) => [...scores.keys()].sort((a, b) => scores[b] - scores[a]);
  assert.deepEqual(order(folded), order(trained));
});

test("a dislike lowers the disliked item's score", () => {
  const { context, scoresFor } = clusterModel();
  const plain = scoresFor(foldInUser(context, { liked: [0, 1] }));
  const withDislike = scoresFor(foldInUser(context, { liked: [0, 1], disliked: [2] }));
  assert.ok(withDislike[2] < plain[2] - 0.05, `${withDislike[2]} vs ${plain[2]}`);
});

test("empty feedback gives a zero vector; a bad index throws", () => {
  const { context } = clusterModel();
  assert.deepEqual([...foldInUser(context, { liked: [] })], [0, 0, 0, 0]);
  assert.throws(() => foldInUser(context, { liked: [99] }), /outside/);
  assert.throws(() => foldInUser(context, { liked: [1.5] }), /outside/);
});

// Fold-in speed is a benchmark figure (bench:retrieval --only=cf, docs/BENCHMARKS.md), not a test.
