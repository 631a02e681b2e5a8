import assert from "node:assert/strict";
import { test } from "node:test";
import { editDistance } from "../../../lib/retrieval/edit-distance";
import { normaliseTitle, TitleMatcher } from "../../../lib/retrieval/title-matcher";
import { makeItem } from "../../support/item-factory";
import { realCatalog } from "../../support/real-catalog";

const catalog = realCatalog();
const matcher = new TitleMatcher(catalog.items);
const top = (query: string, count = 1) => matcher.match(query, count).map((match) => `${catalog.items[match.itemIndex].title} (${catalog.items[match.itemIndex].year})`);

test("edit distance counts transpositions as one edit and stops early", () => {
  assert.equal(editDistance("blade runer", "blade runner"), 1);
  assert.equal(editDistance("stroy", "story"), 1);
  assert.equal(editDistance("abc", "xyz", 1), 2);
});

test("normalisation folds case, punctuation, accents and leading articles", () => {
  assert.equal(normaliseTitle("The Matrix!"), "matrix");
  assert.equal(normaliseTitle("Amélie"), "amelie");
  assert.equal(normaliseTitle("Lock, Stock & Two Smoking Barrels"), "lock stock and two smoking barrels");
});

test("tolerates typos, case, punctuation and articles on the real catalog", () => {
  assert.deepEqual(top("blade runer"), ["Blade Runner (1982)"]);
  assert.deepEqual(top("BLADE RUNNER"), ["Blade Runner (1982)"]);
  assert.deepEqual(top("toy stroy"), ["Toy Story (1995)"]);
  assert.deepEqual(top("godfather"), ["The Godfather (1972)"]);
  assert.deepEqual(top("amelie"), ["Amélie (2001)"]);
});

test("'matrix' finds The Matrix before its sequels", () => {
  assert.deepEqual(top("matrix", 3), ["The Matrix (1999)", "The Matrix Reloaded (2003)", "The Matrix Revolutions (2003)"]);
});

test("finds title mentions inside longer queries", () => {
  const mentions = (query: string) => matcher.findMentions(query).map((mention) => catalog.items[mention.itemIndex].title);
  assert.deepEqual(mentions("movies like Heat"), ["Heat"]);
  assert.deepEqual(mentions("a sci-fi movie that feels like blade runer but was made in the 90s"), ["Blade Runner"]);
  assert.deepEqual(mentions("something like the matrix but funnier"), ["The Matrix"]);
});

test("a word that begins many titles keeps the shortest, then most popular, of them; typos still match beside them", () => {
  // 150 titles begin "of …": the prefix list is capped, so which ones survive must be the best.
  const many = [
    makeItem({ id: "ml:1", title: "Movie", ratingCount: 5 }),
    ...Array.from({ length: 150 }, (_, index) => makeItem({ id: `ml:${index + 2}`, title: `Of ${"x".repeat(1 + (index % 30))} ${index}`, ratingCount: index })),
    makeItem({ id: "ml:200", title: "Of", ratingCount: 1 }),
    makeItem({ id: "ml:201", title: "Off", ratingCount: 1 }),
  ];
  const manyMatcher = new TitleMatcher(many);
  const found = manyMatcher.match("of", 500, 0);
  assert.deepEqual([many[found[0].itemIndex].title, found[0].kind], ["Of", "exact"]);
  assert.deepEqual([many[found.at(-1)!.itemIndex].title, found.at(-1)!.kind], ["Off", "fuzzy"]);
  const prefixes = found.filter((match) => match.kind === "prefix").map((match) => many[match.itemIndex]);
  assert.equal(prefixes.length, 100, "capped at 100 prefix matches");
  // The shortest names ("Of x 0", "Of x 30", …) first, and among equal lengths the most rated.
  const expected = many
    .filter((item) => item.title.startsWith("Of "))
    .sort((a, b) => a.title.length - b.title.length || b.ratingCount - a.ratingCount)
    .slice(0, 100)
    .map((item) => item.title);
  assert.deepEqual(
    prefixes.map((item) => item.title),
    expected,
  );
  // A swap of two letters is one edit, also when the title shares few trigrams with the query.
  assert.deepEqual(
    manyMatcher.match("moive", 1).map((match) => many[match.itemIndex].title),
    ["Movie"],
  );
});
