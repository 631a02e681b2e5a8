import assert from "node:assert/strict";
import { test } from "node:test";
import { binFeatures, binOf, binThresholds, predictRow, predictRows, trainBoostedTrees } from "../../../lib/retrieval/gradient-boosted-trees";
import { createSeededRandom } from "../../../lib/retrieval/seeded-random";

test("few distinct values get one bin each, split at midpoints", () => {
  const thresholds = binThresholds([3, 1, 1, 2, 3, 3], 64);
  assert.deepEqual([...thresholds], [1.5, 2.5]);
  assert.deepEqual(
    [1, 2, 3].map((value) => binOf(thresholds, value)),
    [0, 1, 2],
  );
});

test("binning edge cases: constant column, NaN, infinities, many distinct values", () => {
  assert.equal(binThresholds([7, 7, 7], 64).length, 0);
  assert.equal(binThresholds([], 64).length, 0);
  // NaN is ignored for thresholds and lands in bin 0.
  const withNaN = binThresholds([NaN, 1, 2], 64);
  assert.deepEqual([...withNaN], [1.5]);
  assert.equal(binOf(withNaN, NaN), 0);
  const infinite = binThresholds([-Infinity, 0, Infinity], 64);
  assert.deepEqual([...infinite], [-Infinity, 0]);
  assert.deepEqual(
    [-Infinity, 0, Infinity].map((value) => binOf(infinite, value)),
    [0, 1, 2],
  );
  // 1000 distinct values into 16 bins: 15 increasing thresholds, bins roughly equal in size.
  const values = Array.from({ length: 1000 }, (_, index) => index);
  const many = binThresholds(values, 16);
  assert.equal(many.length, 15);
  for (let index = 1; index < many.length; index += 1) assert.ok(many[index] > many[index - 1]);
  const sizes = new Array(16).fill(0);
  for (const value of values) sizes[binOf(many, value)] += 1;
  assert.ok(Math.min(...sizes) >= 50 && Math.max(...sizes) <= 80, `bin sizes ${sizes}`);
  // Heavy ties: 90 % zeros never produce an empty top bin or duplicate thresholds.
  const tied = binThresholds([...new Array(900).fill(0), ...Array.from({ length: 100 }, (_, index) => index + 1)], 64);
  assert.equal(new Set(tied).size, tied.length);
  assert.ok(tied[tied.length - 1] < 100);
  assert.throws(() => binThresholds([1], 300));
});

test("bins and raw-value predictions agree", () => {
  const random = createSeededRandom(1);
  const rows = Float32Array.from({ length: 3000 }, () => random() * 10 - 5);
  const binned = binFeatures(rows, 3, 32);
  for (let row = 0; row < 1000; row += 1) {
    for (let feature = 0; feature < 3; feature += 1) {
      const value = rows[row * 3 + feature];
      const bin = binned.bins[feature * 1000 + row];
      const thresholds = binned.thresholds[feature];
      if (bin < thresholds.length) assert.ok(value <= thresholds[bin]);
      if (bin > 0) assert.ok(value > thresholds[bin - 1]);
    }
  }
});

function xorData(seed: number, count: number) {
  const random = createSeededRandom(seed);
  const rows = new Float32Array(count * 3);
  const labels = new Uint8Array(count);
  for (let row = 0; row < count; row += 1) {
    const [a, b, noise] = [random() * 2 - 1, random() * 2 - 1, random()];
    rows.set([a, b, noise], row * 3);
    // A non-linear (XOR-like) rule no single feature or linear score can express, with 10 % label noise.
    const clean = a * b > 0 ? 1 : 0;
    labels[row] = random() < 0.1 ? 1 - clean : clean;
  }
  return { rows, labels };
}

const logLoss = (scores: ArrayLike<number>, labels: ArrayLike<number>) => {
  let sum = 0;
  for (let row = 0; row < labels.length; row += 1) {
    const probability = Math.min(Math.max(1 / (1 + Math.exp(-scores[row])), 1e-9), 1 - 1e-9);
    sum -= labels[row] ? Math.log(probability) : Math.log(1 - probability);
  }
  return sum / labels.length;
};

test("logistic trees learn a non-linear function far better than a constant on fresh data", () => {
  const train = xorData(2, 4000);
  const held = xorData(3, 4000);
  const model = trainBoostedTrees(train.rows, 3, train.labels, { rounds: 100, shrinkage: 0.2, maxLeaves: 7, minRowsPerLeaf: 50, lambda: 1 });
  const predicted = predictRows(model, held.rows);
  const constant = new Float64Array(held.labels.length).fill(model.baseScore);
  const [modelLoss, constantLoss] = [logLoss(predicted, held.labels), logLoss(constant, held.labels)];
  assert.ok(modelLoss < 0.75 * constantLoss, `held-out log loss ${modelLoss} vs constant ${constantLoss}`);
  let correct = 0;
  for (let row = 0; row < held.labels.length; row += 1) if ((predicted[row] > 0 ? 1 : 0) === held.labels[row]) correct += 1;
  assert.ok(correct / held.labels.length > 0.8, `accuracy ${correct / held.labels.length}`);
  // The noise feature is never worth more than the informative ones: most splits use a or b.
  const used = [0, 0, 0];
  for (const tree of model.trees) for (const feature of tree.feature) if (feature >= 0) used[feature] += 1;
  assert.ok(used[2] < used[0] && used[2] < used[1], `splits per feature ${used}`);
});

test("leaves respect the minimum row count and the leaf budget", () => {
  const data = xorData(4, 1000);
  const model = trainBoostedTrees(data.rows, 3, data.labels, { rounds: 5, maxLeaves: 4, minRowsPerLeaf: 300 });
  for (const tree of model.trees) {
    const leaves = [...tree.feature].filter((feature) => feature < 0).length;
    assert.ok(leaves <= 3, `${leaves} leaves with 1000 rows and ≥ 300 per leaf`);
  }
  // Too few rows to split at all: only the base score and root leaves.
  const tiny = trainBoostedTrees(data.rows.subarray(0, 30), 3, data.labels.subarray(0, 10), { rounds: 3, minRowsPerLeaf: 10 });
  assert.ok(tiny.trees.every((tree) => tree.feature.length === 1));
});

test("lambdarank puts the relevant item first within groups", () => {
  // Groups of 10 items; the relevant one has the largest a·b (a non-monotone rule per feature).
  const random = createSeededRandom(5);
  const build = (groups: number) => {
    const rows = new Float32Array(groups * 10 * 2);
    const labels = new Uint8Array(groups * 10);
    const starts = [0];
    for (let group = 0; group < groups; group += 1) {
      let best = -1;
      let bestValue = -Infinity;
      for (let item = 0; item < 10; item += 1) {
        const row = group * 10 + item;
        const [a, b] = [random() * 2 - 1, random() * 2 - 1];
        rows.set([a, b], row * 2);
        if (a * b > bestValue) [best, bestValue] = [row, a * b];
      }
      labels[best] = 1;
      starts.push((group + 1) * 10);
    }
    return { rows, labels, starts };
  };
  const train = build(400);
  const held = build(200);
  const model = trainBoostedTrees(train.rows, 2, train.labels, { objective: "lambdarank", rounds: 60, shrinkage: 0.2, minRowsPerLeaf: 40, lambda: 1 }, train.starts);
  const predicted = predictRows(model, held.rows);
  let top = 0;
  for (let group = 0; group < 200; group += 1) {
    let best = group * 10;
    for (let row = group * 10; row < group * 10 + 10; row += 1) if (predicted[row] > predicted[best]) best = row;
    top += held.labels[best];
  }
  // Chance is 10 %.
  assert.ok(top / 200 > 0.5, `relevant item first in ${top} / 200 groups`);
  assert.throws(() => trainBoostedTrees(train.rows, 2, train.labels, { objective: "lambdarank" }));
});

test("training is deterministic and predictRow matches predictRows", () => {
  const data = xorData(6, 2000);
  const options = { rounds: 20, minRowsPerLeaf: 50 };
  const first = trainBoostedTrees(data.rows, 3, data.labels, options);
  const second = trainBoostedTrees(data.rows, 3, data.labels, options);
  assert.deepEqual(first, second);
  const predicted = predictRows(first, data.rows);
  assert.equal(predictRow(first, data.rows, 5 * 3), predicted[5]);
  // NaN follows bin 0 (left) without throwing.
  assert.ok(Number.isFinite(predictRow(first, [NaN, NaN, NaN])));
});
