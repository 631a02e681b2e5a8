import assert from "node:assert/strict";
import { test } from "node:test";
import { createTextSearch, GloveSifEncoder } from "../../../lib/ai";
import { tinyGloveModel } from "./tiny-glove";

const encoder = new GloveSifEncoder(tinyGloveModel({ ghost: { vector: [1, 0], weight: 1 }, wedding: { vector: [0, 1], weight: 1 } }));
const h = Math.SQRT1_2;
const vectors = Float32Array.from([0, 1, 1, 0, h, h]);

test("text search embeds the query and ranks items exactly by cosine", async () => {
  const search = createTextSearch(encoder, vectors);
  assert.deepEqual(
    (await search.searchText("ghost", 3)).map((hit) => hit.itemIndex),
    [1, 2, 0],
  );
  assert.deepEqual(
    (await search.searchText("ghost", 3, new Set([1]))).map((hit) => hit.itemIndex),
    [2, 0],
  );
  assert.deepEqual([...search.itemVector(2)], [...vectors.subarray(4, 6)]);
  assert.throws(() => createTextSearch(encoder, Float32Array.from([1, 2, 3])), /not rows of 2/);
});

test("with an injected index, text search over-fetches by the exclusions and filters them", async () => {
  const asked: Array<[number[], number]> = [];
  const index = {
    search(query: Float32Array, k: number) {
      asked.push([[...query], k]);
      return { indexes: Int32Array.from([1, 2, 0]).subarray(0, k), scores: Float32Array.from([0.9, 0.7, 0.1]).subarray(0, k) };
    },
  };
  const search = createTextSearch(encoder, vectors, index);
  const hits = await search.searchText("ghost", 2, new Set([1]));
  assert.deepEqual(
    hits.map((hit) => hit.itemIndex),
    [2, 0],
  );
  assert.ok(Math.abs(hits[0].score - 0.7) < 1e-6);
  assert.deepEqual(asked, [[[1, 0], 3]]);
});

test("an item's text neighbours are the search from its own row, remembered per item and k", () => {
  const searched: number[] = [];
  const index = {
    search(query: Float32Array, k: number) {
      searched.push(k);
      return { indexes: Int32Array.from([2, 1, 0]).subarray(0, k), scores: Float32Array.from([1, 0.7, 0.7]).subarray(0, k) };
    },
  };
  const search = createTextSearch(encoder, vectors, index);
  const first = search.itemNeighbours(2, 3);
  assert.deepEqual(
    first,
    search.searchVector(search.itemVector(2), 3).map((hit) => hit.itemIndex),
  );
  assert.equal(search.itemNeighbours(2, 3), first, "the same list, not searched again");
  assert.deepEqual(search.itemNeighbours(2, 2), [2, 1], "another k is another list");
  assert.deepEqual(searched, [3, 3, 2]);
  assert.ok(Object.isFrozen(first), "callers cannot change the remembered list");
});
