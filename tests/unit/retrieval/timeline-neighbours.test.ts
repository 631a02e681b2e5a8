import assert from "node:assert/strict";
import { test } from "node:test";
import { scoreItemKnn, type ItemKnnModel } from "../../../lib/retrieval/item-knn";
import { trainTimelineNeighbours } from "../../../lib/retrieval/timeline-neighbours";

/**
 * Two timelines, in time order:   person 0: i0 i1 i2 i3      person 1: i2 i0
 * With window 2 and decay 1 a pair 1 apart adds 1, a pair 2 apart adds e⁻¹ (= k2):
 *   W01 = 1, W02 = k2 (person 0) + 1 (person 1), W03 = 0 (3 apart), W12 = 1, W13 = k2, W23 = 1
 *   — person 0's last film (i3) and person 1's first (i2) are adjacent rows but not neighbours.
 * Degrees (people who rated): i0 2, i1 1, i2 2, i3 1.
 */
const timelines = { users: [0, 0, 0, 0, 1, 1], items: [0, 1, 2, 3, 2, 0] };
const k2 = Math.exp(-1);

function row(model: ItemKnnModel, item: number): number[] {
  const dense = new Array<number>(model.itemCount).fill(0);
  for (let entry = model.starts[item]; entry < model.starts[item + 1]; entry += 1) dense[model.neighbourItems[entry]] = model.similarities[entry];
  return dense;
}

function assertClose(actual: number[], expected: number[]) {
  actual.forEach((value, index) => assert.ok(Math.abs(value - expected[index]) < 1e-6, `entry ${index}: ${value} ≠ ${expected[index]} (${actual.join(", ")})`));
}

test("pairs close in one person's timeline add a decaying weight; timelines never join across people", () => {
  const model = trainTimelineNeighbours(timelines, 4, { window: 2, decay: 1, popularityExponent: 0, neighbourCount: 10, minimumPairWeight: 0 });
  assertClose(row(model, 0), [0, 1, 1 + k2, 0]);
  assertClose(row(model, 1), [1, 0, 1, k2]);
  assertClose(row(model, 2), [1 + k2, 1, 0, 1]);
  assertClose(row(model, 3), [0, k2, 1, 0]);
  // Each row is ordered by weight, heaviest first.
  assert.deepEqual([...model.neighbourItems.subarray(model.starts[0], model.starts[1])], [2, 1]);
});

test("a wider window reaches further; β divides by the neighbour's number of raters", () => {
  const wide = trainTimelineNeighbours(timelines, 4, { window: 3, decay: 1, popularityExponent: 0, neighbourCount: 10, minimumPairWeight: 0 });
  assertClose(row(wide, 0), [0, 1, 1 + k2, Math.exp(-2)]);
  const discounted = trainTimelineNeighbours(timelines, 4, { window: 2, decay: 1, popularityExponent: 1, neighbourCount: 10, minimumPairWeight: 0 });
  assertClose(row(discounted, 0), [0, 1, (1 + k2) / 2, 0]);
  assert.deepEqual([...discounted.neighbourItems.subarray(discounted.starts[0], discounted.starts[1])], [1, 2]);
});

test("rows keep their k heaviest neighbours (ties to the lower item) and skip rare neighbours and rare pairs", () => {
  const top1 = trainTimelineNeighbours(timelines, 4, { window: 2, decay: 1, popularityExponent: 0, neighbourCount: 1, minimumPairWeight: 0 });
  assert.deepEqual([...top1.neighbourItems.subarray(top1.starts[1], top1.starts[2])], [0], "i0 and i2 tie at 1 for i1");
  const popularOnly = trainTimelineNeighbours(timelines, 4, { window: 2, decay: 1, popularityExponent: 0, neighbourCount: 10, minimumPairWeight: 0, minimumNeighbourRatings: 2 });
  assertClose(row(popularOnly, 1), [1, 0, 1, 0]);
  assertClose(row(popularOnly, 2), [1 + k2, 0, 0, 0]);
  // Pairs that add up to less than 0.5 (one sighting 2 apart: e⁻¹ = 0.37) are dropped before the discount.
  const pruned = trainTimelineNeighbours(timelines, 4, { window: 2, decay: 1, popularityExponent: 1, neighbourCount: 10, minimumPairWeight: 0.5 });
  assertClose(row(pruned, 1), [1 / 2, 0, 1 / 2, 0]);
  assertClose(row(pruned, 0), [0, 1, (1 + k2) / 2, 0]);
});

test("a person's score is the sum of their films' rows, as scoreItemKnn computes it", () => {
  const model = trainTimelineNeighbours(timelines, 4, { window: 2, decay: 1, popularityExponent: 0, neighbourCount: 10, minimumPairWeight: 0 });
  assertClose([...scoreItemKnn(model, [1, 3])], [1, k2, 2, k2]);
});

test("same-second ratings get one fixed order, whatever order the source listed them in", () => {
  // Person 0 rated i1, i2, i3 in the same second, between i0 and i4.
  const listed = (middle: number[]) => ({ users: [0, 0, 0, 0, 0], items: [0, ...middle, 4], timestamps: [10, 20, 20, 20, 30] });
  const options = { window: 1, decay: 1, popularityExponent: 0, neighbourCount: 10, minimumPairWeight: 0 };
  const reference = trainTimelineNeighbours(listed([1, 2, 3]), 5, options);
  for (const middle of [
    [3, 2, 1],
    [2, 3, 1],
    [3, 1, 2],
  ])
    assert.deepEqual(trainTimelineNeighbours(listed(middle), 5, options), reference);
  // With window 1 a chain of 5 has 4 pairs, each adding 1 to both directions.
  assert.equal(
    reference.similarities.reduce((sum, weight) => sum + weight, 0),
    8,
  );
  // Without timestamps the rows are the order.
  const asListed = trainTimelineNeighbours({ users: [0, 0, 0, 0, 0], items: [0, 1, 2, 3, 4] }, 5, options);
  assert.deepEqual(row(asListed, 2), [0, 1, 0, 1, 0]);
});

test("rejects scattered timelines and out-of-range options", () => {
  assert.throws(() => trainTimelineNeighbours({ users: [0, 1, 0], items: [0, 1, 2] }, 3), /not contiguous/);
  assert.throws(() => trainTimelineNeighbours(timelines, 4, { window: 0 }), /window/);
  assert.throws(() => trainTimelineNeighbours(timelines, 4, { decay: 0 }), /decay/);
  assert.throws(() => trainTimelineNeighbours(timelines, 4, { popularityExponent: -1 }), /popularityExponent/);
  assert.throws(() => trainTimelineNeighbours(timelines, 4, { neighbourCount: 0 }), /neighbourCount/);
  assert.throws(() => trainTimelineNeighbours(timelines, 4, { minimumPairWeight: -1 }), /minimumPairWeight/);
});
