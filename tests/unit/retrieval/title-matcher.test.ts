import assert from "node:assert/strict";
import { test } from "node:test";
import { editDistance } from "../../../lib/retrieval/edit-distance";
import { normaliseTitle, TitleMatcher } from "../../../lib/retrieval/title-matcher";
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
