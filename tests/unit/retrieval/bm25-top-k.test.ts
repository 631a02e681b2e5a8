import assert from "node:assert/strict";
import { test } from "node:test";
import type { Item } from "../../../lib/catalog/item";
import { Bm25Index } from "../../../lib/retrieval/bm25";
import { loadKeywordIndex } from "../../../catalog/keyword-index-stage";
import { createSeededRandom } from "../../../lib/retrieval/seeded-random";
import { fastQueries, REASONING_QUERIES } from "../../../scripts/bench/query-sets";
import { makeItem } from "../../support/item-factory";
import { realCatalog } from "../../support/real-catalog";

function item(id: number, title: string, fields: Partial<Item> = {}): Item {
  return makeItem({ id: `ml:${id}`, title, ...fields });
}

test("MaxScore top-k keeps exact ties by lower index and equals the exhaustive scorer on a hand-made index", () => {
  // Items 0–5 are identical "drama" films: equal scores, so the lowest indexes must win the cut.
  const items = [
    ...Array.from({ length: 6 }, (_, index) => item(index + 1, `Film ${index}`, { genres: ["Drama"] })),
    item(7, "Rare Gem", { genres: ["Drama"], keywords: ["gem"] }),
    item(8, "Another", { overview: "a gem of a story" }),
  ];
  const index = new Bm25Index(items);
  assert.deepEqual(
    index.searchTopK("drama", 3).map((hit) => hit.itemIndex),
    [0, 1, 2],
  );
  assert.deepEqual(
    index.searchTopK("gem drama", 2).map((hit) => hit.itemIndex),
    [6, 7],
  );
  for (const query of ["drama", "gem drama", "gem", "film drama gem story", "nothing", ""]) {
    for (const limit of [1, 2, 3, 5, 8, 100]) assert.deepEqual(index.searchTopK(query, limit), index.searchExhaustive(query, limit), `${query} @${limit}`);
  }
  assert.deepEqual(index.searchTopK("drama", 0), []);
});

test("MaxScore top-k equals the exhaustive scorer on random synthetic postings (common and rare terms)", () => {
  const random = createSeededRandom(11);
  const vocabulary = Array.from({ length: 40 }, (_, index) => `w${index}`);
  // Zipf-like: w0 is in most items, w39 in few; repeated words change the pseudo-frequencies.
  const pickWord = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(vocabulary.length * random() ** 3))];
  const items = Array.from({ length: 3000 }, (_, index) =>
    item(index + 1, Array.from({ length: 1 + Math.floor(random() * 3) }, pickWord).join(" "), {
      overview: Array.from({ length: Math.floor(random() * 12) }, pickWord).join(" "),
      keywords: random() < 0.3 ? [pickWord()] : [],
    }),
  );
  const index = new Bm25Index(items);
  for (let query = 0; query < 300; query += 1) {
    const text = Array.from({ length: 1 + Math.floor(random() * 5) }, pickWord).join(" ");
    const limit = [1, 5, 20, 200][query % 4];
    assert.deepEqual(index.searchTopK(text, limit), index.searchExhaustive(text, limit), `${text} @${limit}`);
  }
});

test("MaxScore top-k answers exactly like the exhaustive scorer over 1,500 real queries on the real catalog's bundled index", () => {
  const catalog = realCatalog();
  const index = loadKeywordIndex(catalog) ?? new Bm25Index(catalog.items);
  const queries = [
    ...fastQueries(catalog, 1200, 5),
    ...REASONING_QUERIES,
    ...catalog.items.filter((_, position) => position % 37 === 0).map((film) => `${film.title} ${film.genres.join(" ")} ${film.cast[0] ?? ""}`),
  ].slice(0, 1500);
  assert.ok(queries.length >= 1400);
  let nonEmpty = 0;
  for (const [position, query] of queries.entries()) {
    const limit = [200, 10, 50][position % 3];
    const exhaustive = index.searchExhaustive(query, limit);
    if (exhaustive.length > 0) nonEmpty += 1;
    assert.deepEqual(index.searchTopK(query, limit), exhaustive, query);
    assert.deepEqual(index.search(query, limit), exhaustive, query);
  }
  assert.ok(nonEmpty > 1300, `${nonEmpty} queries with hits`);
});
