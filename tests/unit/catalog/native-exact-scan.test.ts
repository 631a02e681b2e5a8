import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCurrentCatalog } from "../../../catalog/bundle-loader";
import { nativeExactScan } from "../../../catalog/native-exact-scan";
import { exactTopK, loadTextSearch } from "../../../lib/ai";

/** Unit rows from a seeded generator, with some rows repeated exactly (films whose texts embed alike). */
function rowsWithDuplicates(rows: number, dimensions: number, seed: number): Float32Array {
  let state = seed;
  const random = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647 - 0.5;
  };
  const vectors = new Float32Array(rows * dimensions);
  for (let row = 0; row < rows; row++) {
    const source = row % 7 === 3 && row > 10 ? row - 10 : row; // every seventh row copies an earlier one
    let norm = 0;
    for (let column = 0; column < dimensions; column++) {
      const value = source === row ? random() : vectors[source * dimensions + column];
      vectors[row * dimensions + column] = value;
      norm += value * value;
    }
    if (source === row) for (let column = 0; column < dimensions; column++) vectors[row * dimensions + column] /= Math.sqrt(norm);
  }
  return vectors;
}

test("the native scan returns exactTopK's hits: same items, scores and order, ties included", () => {
  const dimensions = 24;
  const vectors = rowsWithDuplicates(3000, dimensions, 11);
  for (let query = 0; query < 300; query += 7) {
    const row = vectors.subarray(query * dimensions, (query + 1) * dimensions);
    for (const k of [1, 10, 51]) {
      assert.deepEqual(nativeExactScan(vectors, dimensions, row, k), exactTopK(vectors, dimensions, row, k), `row ${query}, k ${k}`);
      const exclude = new Set([query, query + 10, 5000]);
      assert.deepEqual(nativeExactScan(vectors, dimensions, row, k, exclude), exactTopK(vectors, dimensions, row, k, exclude), `row ${query}, k ${k}, with exclusions`);
    }
  }
});

test("a zero query, a k past the rows and a wrong-length query behave as exactTopK", () => {
  const dimensions = 8;
  const vectors = rowsWithDuplicates(40, dimensions, 5);
  assert.deepEqual(nativeExactScan(vectors, dimensions, new Float32Array(dimensions), 5), exactTopK(vectors, dimensions, new Float32Array(dimensions), 5));
  assert.deepEqual(nativeExactScan(vectors, dimensions, vectors.subarray(0, dimensions), 100), exactTopK(vectors, dimensions, vectors.subarray(0, dimensions), 100));
  assert.throws(() => nativeExactScan(vectors, dimensions, [1, 2], 3), RangeError);
});

test("on the catalog's own text vectors, every film's neighbours are the same through either scan", async () => {
  const catalog = loadCurrentCatalog();
  const search = await loadTextSearch(catalog, { environment: {} });
  const { itemTextVectors: vectors, dimensions } = search;
  const rows = vectors.length / dimensions;
  let compared = 0;
  for (let item = 0; item < rows; item += 37) {
    const row = vectors.subarray(item * dimensions, (item + 1) * dimensions);
    assert.deepEqual(nativeExactScan(vectors, dimensions, row, 51, new Set([item])), exactTopK(vectors, dimensions, row, 51, new Set([item])), `item ${item}`);
    compared++;
  }
  assert.ok(compared > 250);
});
