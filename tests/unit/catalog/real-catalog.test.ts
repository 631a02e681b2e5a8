import assert from "node:assert/strict";
import { test } from "node:test";
import { GENRES } from "../../../lib/catalog/genres";
import { itemByTitle, realCatalog } from "../../support/real-catalog";

test("the real catalog holds every MovieLens movie plus TMDB-only cold-start items", () => {
  const { manifest, items, interactions } = realCatalog();
  assert.equal(manifest.counts.movieLensItems, 9742);
  assert.equal(manifest.counts.coldStartItems, 1267);
  assert.equal(manifest.counts.itemsWithTmdb, 3537 + 1267);
  assert.equal(manifest.counts.interactions, 100836);
  assert.equal(interactions.userCount, 610);
  assert.equal(items.length, 9742 + 1267);
  assert.equal(manifest.sources.length, 6);
  assert.ok(manifest.sources.every((source) => /^[0-9a-f]{64}$/.test(source.sha256)));
});

test("joined items carry normalised titles and both sources' fields", () => {
  const catalog = realCatalog();
  const matrix = itemByTitle(catalog, "The Matrix", 1999);
  assert.equal(matrix.id, "ml:2571");
  assert.equal(matrix.runtimeMinutes, 136);
  assert.equal(matrix.language, "en");
  assert.ok(matrix.genres.includes("Sci-Fi"));
  assert.ok(matrix.directors.includes("Lana Wachowski"));
  assert.ok(matrix.cast.includes("Keanu Reeves"));
  assert.ok(matrix.cast.length <= 5);
  assert.ok(matrix.ratingCount > 200);
  assert.ok(matrix.ratingMean! > 4);
  const toyStory = catalog.items[catalog.indexOf.get("ml:1")!];
  assert.equal(toyStory.title, "Toy Story");
  assert.ok(toyStory.tags.some((tag) => tag.toLowerCase() === "pixar"));
});

test("unknown values stay null and genres come from one vocabulary", () => {
  const { items } = realCatalog();
  const withoutTmdb = items.find((item) => item.tmdbId === null)!;
  assert.equal(withoutTmdb.runtimeMinutes, null);
  assert.equal(withoutTmdb.overview, null);
  const vocabulary = new Set(GENRES);
  for (const item of items) for (const genre of item.genres) assert.ok(vocabulary.has(genre), `${item.id}: ${genre}`);
  assert.ok(!items.some((item) => item.genres.includes("Science Fiction")));
  const cold = items.filter((item) => item.id.startsWith("tmdb:"));
  assert.ok(cold.every((item) => item.ratingCount === 0 && item.ratingMean === null));
  // TMDB itself lacks a few overviews; those stay null rather than being filled in.
  assert.ok(cold.filter((item) => item.overview !== null).length / cold.length > 0.99);
});
