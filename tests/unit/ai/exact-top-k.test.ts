import assert from "node:assert/strict";
import { test } from "node:test";
import { exactTopK } from "../../../lib/ai";

// Five 2-d unit vectors at 0°, 45°, 90°, 180° and 45° again (a tie with row 1).
const h = Math.SQRT1_2;
const vectors = Float32Array.from([1, 0, h, h, 0, 1, -1, 0, h, h]);

test("exact top-k ranks by inner product, breaks ties by lower index", () => {
  const hits = exactTopK(vectors, 2, [1, 0], 3);
  assert.deepEqual(
    hits.map((hit) => hit.itemIndex),
    [0, 1, 4],
  );
  assert.ok(Math.abs(hits[0].score - 1) < 1e-6);
  assert.deepEqual(
    exactTopK(vectors, 2, [h, h], 2).map((hit) => hit.itemIndex),
    [1, 4],
  );
});

test("exact top-k honours exclusions, caps k at the row count and rejects a wrong query length", () => {
  assert.deepEqual(
    exactTopK(vectors, 2, [1, 0], 2, new Set([0, 1])).map((hit) => hit.itemIndex),
    [4, 2],
  );
  assert.deepEqual(
    exactTopK(vectors, 2, [-1, 0], 99).map((hit) => hit.itemIndex),
    [3, 2, 1, 4, 0],
  );
  assert.deepEqual(exactTopK(vectors, 2, [1, 0], 0), []);
  assert.throws(() => exactTopK(vectors, 2, [1, 0, 0], 1), /3 dimensions/);
});

test("exact top-k over a dimension count that is not a multiple of four uses every coordinate", () => {
  const dimensions = 53;
  const rows = new Float32Array(2 * dimensions);
  rows[0] = 1;
  rows[2 * dimensions - 1] = 1; // only row 1's last coordinate is set: the unrolled loop's remainder
  const query = new Float32Array(dimensions);
  query[dimensions - 1] = 1;
  assert.deepEqual(exactTopK(rows, dimensions, query, 1), [{ itemIndex: 1, score: 1 }]);
});
