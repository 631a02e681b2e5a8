import assert from "node:assert/strict";
import { test } from "node:test";
import type { Item } from "../../../lib/catalog/item";
import { contentFeatures, DEFAULT_CONTENT_FEATURE_WEIGHTS, fillContentVectors } from "../../../lib/retrieval/content-vectors";
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

test("capped posting lists: candidates from each feature's heaviest postings, rescored exactly, proved exact when nothing left out can compete", () => {
  // 40 trained dramas (0–39; the fewer features, the heavier "drama" weighs), 3 trained films
  // sharing a rare director with the target (40–42), the cold-start target (43), 20 comedies.
  const films = [
    ...Array.from({ length: 40 }, (_, index) => item(index, { genres: ["Drama"], keywords: index % 2 === 0 ? [] : [`kw${index}`, `other${index}`] })),
    ...Array.from({ length: 3 }, (_, index) => item(40 + index, { genres: ["Drama"], directors: ["Rare Director"], cast: [`Actor ${index}`] })),
    item(43, { genres: ["Drama"], directors: ["Rare Director"] }),
    // Comedies, so that "drama" is not in every film and keeps a non-zero IDF.
    ...Array.from({ length: 20 }, (_, index) => item(44 + index, { genres: ["Comedy"] })),
  ];
  const hasVector = (index: number) => index !== 43;
  const rows = () => Float32Array.from({ length: films.length * 2 }, (_, position) => Math.sin(position + 1));
  const options = (maxPostingsPerFeature: number, neighbourCount: number) => ({ weights: DEFAULT_CONTENT_FEATURE_WEIGHTS, neighbourCount, maxPostingsPerFeature });
  const exactRows = rows();
  const exact = fillContentVectors(films, exactRows, 2, hasVector, [43], options(Infinity, 5));
  assert.equal(exact.provedExact, 1);
  assert.deepEqual(exact.filled[0].neighbours.slice(0, 3), [40, 41, 42], "the shared director first");
  for (const cap of [3, 5, 10, 25]) {
    const cappedRows = rows();
    const capped = fillContentVectors(films, cappedRows, 2, hasVector, [43], options(cap, 5));
    assert.deepEqual(capped.filled, exact.filled, `cap ${cap}`);
    assert.deepEqual([...cappedRows], [...exactRows], `cap ${cap}`);
  }
  // Asking for 30 neighbours with 5 drama postings scanned: the list cannot be proved (and is not) exhaustive.
  const loose = fillContentVectors(films, rows(), 2, hasVector, [43], options(5, 30));
  assert.equal(loose.provedExact, 0);
  assert.ok(loose.filled[0].neighbours.length < fillContentVectors(films, rows(), 2, hasVector, [43], options(Infinity, 30)).filled[0].neighbours.length);
});
