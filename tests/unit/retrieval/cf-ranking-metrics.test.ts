import assert from "node:assert/strict";
import { test } from "node:test";
import { scoreItemKnn, trainItemKnn } from "../../../lib/retrieval/item-knn";
import { ndcgAtK, recallAtK, topKIndexes } from "../../../lib/retrieval/ranking-metrics";
import { sparseFromTriples, transposeSparse } from "../../../lib/retrieval/sparse-matrix";
import { temporalHoldoutMask } from "../../../lib/retrieval/temporal-holdout";
import { twoClusterMatrix } from "./cf-fixtures";

test("topKIndexes returns the best first, breaks ties by lower index and skips -Infinity", () => {
  assert.deepEqual(topKIndexes([0.5, 2, -Infinity, 2, 1], 3), [1, 3, 4]);
  assert.deepEqual(topKIndexes([-Infinity, 1], 5), [1]);
  assert.deepEqual(topKIndexes([3, 2, 1], 0), []);
});

test("recall and NDCG on a hand-computed list", () => {
  const relevant = new Set([7, 9]);
  // Hits at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
  assert.ok(Math.abs(ndcgAtK([7, 1, 9], relevant, 10) - 1.5 / (1 + 1 / Math.log2(3))) < 1e-12);
  assert.equal(recallAtK([7, 1, 9], relevant, 2), 0.5);
  assert.equal(recallAtK([7, 1, 9], relevant, 10), 1);
  // Normalised by min(k, |relevant|): one hit in a top 1 is perfect.
  assert.equal(recallAtK([7], relevant, 1), 1);
  assert.equal(ndcgAtK([1, 2], new Set(), 10), 0);
});

test("temporal holdout keeps each user's latest fifth (at least one row), a random order via shuffled times", () => {
  const users = Int32Array.of(0, 0, 0, 0, 0, 1, 1);
  const timestamps = Int32Array.of(50, 10, 40, 20, 30, 5, 1);
  assert.deepEqual([...temporalHoldoutMask(users, timestamps, 0.2)], [1, 0, 0, 0, 0, 1, 0]);
  const include = Uint8Array.of(0, 1, 1, 1, 1, 1, 1);
  assert.deepEqual([...temporalHoldoutMask(users, timestamps, 0.2, include)], [0, 0, 1, 0, 0, 1, 0]);
  assert.throws(() => temporalHoldoutMask(users, timestamps, 1), /fraction/);
});

test("sparse transpose round-trips", () => {
  const matrix = sparseFromTriples(2, 3, [0, 1, 1], [2, 0, 2], [1, 2, 3]);
  const back = transposeSparse(transposeSparse(matrix));
  assert.deepEqual([...back.rowStarts], [...matrix.rowStarts]);
  assert.deepEqual([...back.columns], [...matrix.columns]);
  assert.deepEqual([...back.values], [...matrix.values]);
  assert.throws(() => sparseFromTriples(1, 1, [0], [3], [1]), /outside/);
});

test("item-kNN: cosine similarities and a user's scores stay inside their cluster", () => {
  const matrix = twoClusterMatrix(1);
  const model = trainItemKnn(matrix, 3);
  for (let item = 0; item < 10; item += 1) {
    for (let entry = model.starts[item]; entry < model.starts[item + 1]; entry += 1) {
      assert.equal(model.neighbourItems[entry] < 5, item < 5, `item ${item} neighbour ${model.neighbourItems[entry]}`);
    }
  }
  // Items 0 and 1 are each used by 8 of users 0–9 and together by 6: cosine 6/8.
  const entry = [...model.neighbourItems.subarray(model.starts[0], model.starts[1])].indexOf(1);
  assert.ok(Math.abs(model.similarities[model.starts[0] + entry] - 0.75) < 1e-6);
  const scores = scoreItemKnn(model, [5, 6]);
  assert.ok(scores[7] > 0 && scores[0] === 0);
});
