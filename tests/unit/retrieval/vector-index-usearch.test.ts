import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ExactVectorIndex } from "../../../lib/retrieval/exact-vector-index";
import { createSeededRandom, gaussian } from "../../../lib/retrieval/seeded-random";
import { UsearchVectorIndex } from "../../../lib/retrieval/usearch-vector-index";

/** 2,000 16-d vectors in 20 Gaussian clusters, keyed by scattered item indexes. */
function clusteredData(seed = 11) {
  const random = createSeededRandom(seed);
  const dimensions = 16;
  const centres = Float32Array.from({ length: 20 * dimensions }, () => gaussian(random));
  const count = 2000;
  const vectors = new Float32Array(count * dimensions);
  for (let row = 0; row < count; row += 1) {
    const centre = row % 20;
    for (let column = 0; column < dimensions; column += 1) vectors[row * dimensions + column] = centres[centre * dimensions + column] + 0.3 * gaussian(random);
  }
  const keys = Array.from({ length: count }, (_, row) => row * 3 + 7);
  return { dimensions, vectors, keys, random };
}

test("usearch agrees with exact search on clustered data (recall@10 ≥ 0.98 for cosine, ≥ 0.9 for inner product)", () => {
  for (const metric of ["cos", "ip"] as const) {
    const { dimensions, vectors, keys, random } = clusteredData();
    const approximate = UsearchVectorIndex.create(dimensions, { metric, addThreads: 1 });
    const exact = new ExactVectorIndex(dimensions, metric);
    approximate.add(keys, vectors);
    exact.add(keys, vectors);
    assert.equal(approximate.size, keys.length);
    let found = 0;
    for (let query = 0; query < 100; query += 1) {
      const probe = Float32Array.from({ length: dimensions }, () => gaussian(random));
      const truth = exact.search(probe, 10);
      const result = approximate.search(probe, 10);
      assert.equal(result.indexes.length, 10);
      found += [...result.indexes].filter((index) => truth.indexes.includes(index)).length;
      if (result.indexes[0] === truth.indexes[0]) assert.ok(Math.abs(result.scores[0] - truth.scores[0]) < 1e-4, `${metric}: ${result.scores[0]} vs ${truth.scores[0]}`);
    }
    // Inner product is not a metric, so HNSW's greedy walk misses more.
    assert.ok(found / 1000 >= (metric === "cos" ? 0.98 : 0.9), `${metric} recall@10 ${found / 1000}`);
  }
});

test("keys convert between numbers and bigints at the boundary", () => {
  const index = UsearchVectorIndex.create(2, { addThreads: 1 });
  index.add([0, 2_000_000_000], Float32Array.of(1, 0, 0, 1));
  const result = index.search(Float32Array.of(0.1, 1), 2);
  assert.ok(result.indexes instanceof Int32Array);
  assert.deepEqual([...result.indexes], [2_000_000_000, 0]);
  assert.throws(() => index.add([2 ** 31], Float32Array.of(1, 1)), /item index/i);
});

test("save, then view (memory-mapped) at two expansion settings; a view is read-only", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "usearch-index-"));
  try {
    const { dimensions, vectors, keys } = clusteredData(3);
    const built = UsearchVectorIndex.create(dimensions, { addThreads: 1 });
    built.add(keys, vectors);
    const file = path.join(directory, "items.usearch");
    built.save(file);
    const query = vectors.subarray(5 * dimensions, 6 * dimensions);
    for (const expansionSearch of [16, 128]) {
      const viewed = UsearchVectorIndex.view(file, dimensions, { expansionSearch });
      assert.equal(viewed.size, keys.length);
      assert.equal(viewed.readOnly, true);
      assert.equal(viewed.search(query, 1).indexes[0], keys[5]);
      assert.throws(() => viewed.add([1], new Float32Array(dimensions)), /read-only/);
    }
    assert.throws(() => UsearchVectorIndex.view(file, dimensions + 1), /dimensions/);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test("an empty index returns nothing; k above the size returns every vector", () => {
  const index = UsearchVectorIndex.create(3);
  assert.equal(index.search(Float32Array.of(1, 0, 0), 5).indexes.length, 0);
  index.add([4, 5], Float32Array.of(1, 0, 0, 0, 1, 0));
  assert.deepEqual([...index.search(Float32Array.of(1, 0, 0), 5).indexes], [4, 5]);
});
