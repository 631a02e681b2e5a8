import assert from "node:assert/strict";
import { test } from "node:test";
import { trainAls } from "../../../lib/retrieval/als";
import { createSeededRandom } from "../../../lib/retrieval/seeded-random";
import { sparseFromTriples } from "../../../lib/retrieval/sparse-matrix";
import { clusterOf, cosine, dot, twoClusterMatrix } from "./cf-fixtures";

const options = { dimensions: 4, regularization: 0.5, iterations: 10 };

test("WALS places items of one taste cluster together and apart from the other", () => {
  const model = trainAls(twoClusterMatrix(), options, createSeededRandom(1));
  for (let item = 0; item < 10; item += 1) {
    let best = -1;
    let bestSimilarity = -Infinity;
    for (let other = 0; other < 10; other += 1) {
      if (other === item) continue;
      const similarity = cosine(model.itemFactors, 4, item, other);
      if (similarity > bestSimilarity) [best, bestSimilarity] = [other, similarity];
    }
    assert.equal(clusterOf(best), clusterOf(item), `item ${item}'s nearest item ${best} is in the other cluster`);
  }
  assert.ok(cosine(model.itemFactors, 4, 0, 1) > 0.9);
  assert.ok(cosine(model.itemFactors, 4, 0, 5) < 0.1);
});

test("WALS ranks the held-back item of a user's own cluster above every item of the other cluster", () => {
  const model = trainAls(twoClusterMatrix(), options, createSeededRandom(1));
  for (let user = 0; user < 20; user += 1) {
    const skipped = (user < 10 ? 0 : 5) + (user % 5);
    const skippedScore = dot(model.userFactors, user, model.itemFactors, skipped, 4);
    const otherFirst = user < 10 ? 5 : 0;
    for (let other = otherFirst; other < otherFirst + 5; other += 1) {
      assert.ok(skippedScore > dot(model.userFactors, user, model.itemFactors, other, 4), `user ${user}: item ${skipped} vs ${other}`);
    }
  }
});

test("an item without interactions gets a zero vector", () => {
  const model = trainAls(twoClusterMatrix(), options, createSeededRandom(1));
  assert.deepEqual([...model.itemFactors.subarray(40, 44)], [0, 0, 0, 0]);
});

test("WALS is deterministic for a seed and changes with it", () => {
  const first = trainAls(twoClusterMatrix(), options, createSeededRandom(7));
  const again = trainAls(twoClusterMatrix(), options, createSeededRandom(7));
  const other = trainAls(twoClusterMatrix(), options, createSeededRandom(8));
  assert.deepEqual(first.itemFactors, again.itemFactors);
  assert.deepEqual(first.userFactors, again.userFactors);
  assert.notDeepEqual(first.itemFactors, other.itemFactors);
});

test("conjugate-gradient sweeps reach the exact Cholesky solution's predictions", () => {
  const exact = trainAls(twoClusterMatrix(), { ...options, solver: "cholesky", iterations: 20 }, createSeededRandom(3));
  const approximate = trainAls(twoClusterMatrix(), { ...options, solver: "conjugate-gradient", conjugateGradientSteps: 4, iterations: 20 }, createSeededRandom(3));
  for (let user = 0; user < 20; user += 1) {
    for (let item = 0; item < 10; item += 1) {
      const difference = Math.abs(dot(exact.userFactors, user, exact.itemFactors, item, 4) - dot(approximate.userFactors, user, approximate.itemFactors, item, 4));
      assert.ok(difference < 1e-3, `user ${user} item ${item}: ${difference}`);
    }
  }
});

test("a dislike (negative strength) pushes the prediction below what an unseen item gets", () => {
  // One latent taste (k = 1) so user 0 must share it. Users 1–3 like items 0, 1 and 2; user 0 likes items 0 and 1 and either dislikes item 2 or never saw it.
  const train = (userZeroOnItemTwo: number | null) => {
    const users = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
    const items = [0, 1, 0, 1, 2, 0, 1, 2, 0, 1, 2];
    const strengths = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    if (userZeroOnItemTwo !== null) {
      users.push(0);
      items.push(2);
      strengths.push(userZeroOnItemTwo);
    }
    const model = trainAls(sparseFromTriples(4, 3, users, items, strengths), { dimensions: 1, regularization: 0.1, iterations: 15, solver: "cholesky" }, createSeededRandom(2));
    return dot(model.userFactors, 0, model.itemFactors, 2, 1);
  };
  const unseen = train(null);
  const disliked = train(-5);
  assert.ok(unseen > 0.2, `unseen item of the shared taste should score well, got ${unseen}`);
  assert.ok(disliked < unseen - 0.15, `disliked ${disliked} vs unseen ${unseen}`);
});
