import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ExactVectorIndex } from "../../../lib/retrieval/exact-vector-index";

// Four 2-d vectors keyed by item indexes 10..13: east, north-east-ish, north, west (long).
const keys = [10, 11, 12, 13];
const vectors = Float32Array.of(1, 0, 0.8, 0.6, 0, 1, -3, 0);

test("cosine search returns the known neighbours, best first, with cosine scores", () => {
  const index = new ExactVectorIndex(2, "cos");
  index.add(keys, vectors);
  const result = index.search(Float32Array.of(2, 0), 3);
  assert.deepEqual([...result.indexes], [10, 11, 12]);
  assert.ok(Math.abs(result.scores[0] - 1) < 1e-6 && Math.abs(result.scores[1] - 0.8) < 1e-6 && Math.abs(result.scores[2]) < 1e-6);
  assert.equal(index.size, 4);
});

test("inner-product search favours long vectors", () => {
  const index = new ExactVectorIndex(2, "ip");
  index.add(keys, vectors);
  const result = index.search(Float32Array.of(-1, 0.1), 2);
  assert.deepEqual([...result.indexes], [13, 12]);
  assert.ok(Math.abs(result.scores[0] - 3) < 1e-6);
});

test("k larger than the index returns everything; batches grow past the initial capacity", () => {
  const index = new ExactVectorIndex(2, "cos", 1);
  index.add(keys.slice(0, 2), vectors.subarray(0, 4));
  index.add(keys.slice(2), vectors.subarray(4));
  assert.equal(index.search(Float32Array.of(0, 1), 10).indexes.length, 4);
  assert.equal(index.search(Float32Array.of(0, 1), 1).indexes[0], 12);
});

test("save and view round-trip", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "exact-index-"));
  try {
    const index = new ExactVectorIndex(2, "ip");
    index.add(keys, vectors);
    index.save(path.join(directory, "index.bin"));
    const viewed = ExactVectorIndex.view(path.join(directory, "index.bin"));
    assert.equal(viewed.metric, "ip");
    assert.equal(viewed.size, 4);
    assert.deepEqual(viewed.search(Float32Array.of(1, 1), 4), index.search(Float32Array.of(1, 1), 4));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test("bad input throws", () => {
  const index = new ExactVectorIndex(2);
  assert.throws(() => index.add([1, 2], Float32Array.of(1, 2, 3)), /mismatch/);
  assert.throws(() => index.add([-1], Float32Array.of(1, 2)), /item index/i);
  assert.throws(() => index.search(Float32Array.of(1, 2, 3), 1), /dimensions/);
  assert.throws(() => new ExactVectorIndex(0), /dimensions/);
});
