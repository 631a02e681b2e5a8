import assert from "node:assert/strict";
import { test } from "node:test";
import type { Item } from "../../../lib/catalog/item";
import { contentFeatures, fillContentVectors } from "../../../lib/retrieval/content-vectors";
import { makeItem } from "../../support/item-factory";

function item(id: number, fields: Partial<Item>): Item {
  return makeItem({ id: `ml:${id}`, title: `Film ${id}`, ...fields });
}

// Items 0–1: heist films by one director, CF vectors along x. Items 2–3: cartoons, along y.
// Item 4: cold start, same director and genre as 0–1. Item 5: cold start, shares nothing.
const items = [
  item(0, { genres: ["Crime"], directors: ["Michael Mann"], keywords: ["heist"] }),
  item(1, { genres: ["Crime", "Drama"], directors: ["Michael Mann"], cast: ["Al Pacino"] }),
  item(2, { genres: ["Animation"], keywords: ["toy"] }),
  item(3, { genres: ["Animation", "Comedy"], keywords: ["toy", "friendship"] }),
  item(4, { genres: ["Crime"], directors: ["Michael Mann"], keywords: ["heist"] }),
  item(5, { genres: ["Documentary"] }),
  item(6, { genres: ["Comedy"] }),
];
const vectors = () => Float32Array.of(1, 0.1, 0.9, 0, 0, 1, 0.1, 1, 0, 0, 0, 0, 0, 0);
const trained = (index: number) => index < 4;

test("content features are field-prefixed, lower-cased and deduplicated", () => {
  assert.deepEqual(
    contentFeatures(item(9, { genres: ["Crime", "crime"], directors: ["Michael Mann"] })).map(([feature]) => feature),
    ["genres:crime", "directors:michael mann"],
  );
});

test("a cold-start heist film gets a vector in the heist films' direction, its neighbours first", () => {
  const rows = vectors();
  const result = fillContentVectors(items, rows, 2, trained, [4]);
  assert.deepEqual(result.filled[0].neighbours.slice(0, 2).sort(), [0, 1]);
  assert.ok(!result.filled[0].neighbours.includes(2), "shares nothing with the first cartoon");
  const [x, y] = rows.subarray(8, 10);
  assert.ok(x > 0.8 && y < 0.2, `vector (${x}, ${y})`);
});

test("an item sharing no feature with any trained item stays without a vector", () => {
  const rows = vectors();
  const result = fillContentVectors(items, rows, 2, trained, [5]);
  assert.deepEqual(result.unreachable, [5]);
  assert.deepEqual([...rows.subarray(10, 12)], [0, 0]);
});

test("a shared rare feature outweighs a shared common one", () => {
  // Item 6 shares only "Comedy" with item 3: weak but positive similarity, so it borrows item 3's vector.
  const rows = vectors();
  const result = fillContentVectors(items, rows, 2, trained, [6]);
  assert.deepEqual(result.filled[0].neighbours, [3]);
  const cold = fillContentVectors(items, vectors(), 2, trained, [4]).filled[0];
  assert.ok(cold.similarities[0] > result.filled[0].similarities[0]);
});
