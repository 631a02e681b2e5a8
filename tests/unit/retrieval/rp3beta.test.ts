import assert from "node:assert/strict";
import { test } from "node:test";
import { scoreItemKnn } from "../../../lib/retrieval/item-knn";
import { trainRp3beta, trainRp3betaGrid } from "../../../lib/retrieval/rp3beta";
import { sparseFromTriples } from "../../../lib/retrieval/sparse-matrix";
import type { ItemKnnModel } from "../../../lib/retrieval/item-knn";

/**
 * 4 users × 4 items, hand-computed below.
 *   u0: i0 i1      u1: i0 i2      u2: i0 i1 i2 i3      u3: i3
 * Item degrees 3, 2, 2, 2. P_ui rows: u0 ½ ½, u1 ½ ½, u2 ¼ each, u3 1; P_iu rows: i0 ⅓ each,
 * others ½ each. Walk i → u → j (α = 1, diagonal dropped):
 *   i0: i1 ⅓(½ + ¼) = 0.25, i2 0.25, i3 ⅓·¼ = 1/12
 *   i1: i0 ½(½ + ¼) = 0.375, i2 ½·¼ = 0.125, i3 0.125
 *   i2: i0 0.375, i1 0.125, i3 0.125
 *   i3: i0 ½·¼ = 0.125, i1 0.125, i2 0.125   (u3 only leads back to i3)
 */
function fixture(weights: number[] = [1, 1, 1, 1, 1, 1, 1, 1, 1]) {
  const users = [0, 0, 1, 1, 2, 2, 2, 2, 3];
  const items = [0, 1, 0, 2, 0, 1, 2, 3, 3];
  return sparseFromTriples(4, 4, users, items, weights);
}

/** Row `item` of the model as a dense array of 4. */
function row(model: ItemKnnModel, item: number): number[] {
  const dense = [0, 0, 0, 0];
  for (let entry = model.starts[item]; entry < model.starts[item + 1]; entry += 1) dense[model.neighbourItems[entry]] = model.similarities[entry];
  return dense;
}

function assertClose(actual: number[], expected: number[]) {
  actual.forEach((value, index) => assert.ok(Math.abs(value - expected[index]) < 1e-6, `entry ${index}: ${value} ≠ ${expected[index]} (${actual.join(", ")})`));
}

test("α = 1, β = 0 is the plain three-step walk probability", () => {
  const model = trainRp3beta(fixture(), { alpha: 1, beta: 0, neighbourCount: Infinity });
  assertClose(row(model, 0), [0, 0.25, 0.25, 1 / 12]);
  assertClose(row(model, 1), [0.375, 0, 0.125, 0.125]);
  assertClose(row(model, 2), [0.375, 0.125, 0, 0.125]);
  assertClose(row(model, 3), [0.125, 0.125, 0.125, 0]);
});

test("β divides column j by degree_j^β; neighbours sorted, ties to the lower index", () => {
  const model = trainRp3beta(fixture(), { alpha: 1, beta: 1, neighbourCount: Infinity });
  assertClose(row(model, 0), [0, 0.125, 0.125, 1 / 24]);
  assertClose(row(model, 1), [0.125, 0, 0.0625, 0.0625]);
  assertClose(row(model, 3), [1 / 24, 0.0625, 0.0625, 0]);
  assert.deepEqual([...model.neighbourItems.subarray(model.starts[3], model.starts[4])], [1, 2, 0]);
  const top1 = trainRp3beta(fixture(), { alpha: 1, beta: 1, neighbourCount: 1 });
  assert.deepEqual([...top1.neighbourItems], [1, 0, 0, 1]);
  assert.deepEqual([...top1.starts], [0, 1, 2, 3, 4]);
});

test("α applies to each transition probability before the product", () => {
  const model = trainRp3beta(fixture(), { alpha: 0.5, beta: 0, neighbourCount: Infinity });
  // Row i3: √½ (to u2) · √¼ (u2 to each other item).
  assertClose(row(model, 3), [Math.SQRT1_2 / 2, Math.SQRT1_2 / 2, Math.SQRT1_2 / 2, 0]);
  // Row i1: √½ · (√½ + √¼) to i0 via u0 and u2.
  assertClose(row(model, 1).slice(0, 1), [Math.SQRT1_2 * (Math.SQRT1_2 + 0.5)]);
});

test("interaction weights shape P_ui; zero weights are not interactions", () => {
  // u0 rates i0 three times as strongly as i1: P_ui(u0) = ¾, ¼. u3's weight 0 removes it.
  const model = trainRp3beta(fixture([3, 1, 1, 1, 1, 1, 1, 1, 0]), { alpha: 1, beta: 0, neighbourCount: Infinity });
  // i1 → u0 (½) → i0 (¾) + i1 → u2 (½) → i0 (¼) = 0.5.
  assertClose(row(model, 1), [0.5, 0, 0.125, 0.125]);
  // i3 now has one user (u2), so P_iu = 1.
  assertClose(row(model, 3), [0.25, 0.25, 0.25, 0]);
  assert.throws(() => trainRp3beta(fixture([1, -1, 1, 1, 1, 1, 1, 1, 1])), /negative weight/);
});

test("the grid equals separately trained models", () => {
  const grid = trainRp3betaGrid(fixture(), 0.7, [0, 0.5], [1, 2]);
  for (const [betaIndex, beta] of [0, 0.5].entries()) {
    for (const [countIndex, neighbourCount] of [1, 2].entries()) {
      assert.deepEqual(grid[betaIndex][countIndex], trainRp3beta(fixture(), { alpha: 0.7, beta, neighbourCount }));
    }
  }
});

test("scores sum the history rows, optionally weighted", () => {
  const model = trainRp3beta(fixture(), { alpha: 1, beta: 0, neighbourCount: Infinity });
  assertClose([...scoreItemKnn(model, [1, 2])], [0.75, 0.125, 0.125, 0.25]);
  assertClose([...scoreItemKnn(model, [1, 2], undefined, [2, -1])], [0.375, -0.125, 0.25, 0.125]);
});
