import assert from "node:assert/strict";
import { before, test } from "node:test";
import { loadCfArtifacts, type CfArtifacts } from "../../../catalog/cf-artifacts";
import type { Catalog } from "../../../lib/catalog/catalog";
import { ITEM_VECTOR_ORIGIN } from "../../../lib/retrieval/cf-item-vectors";
import { realCatalog } from "../../support/real-catalog";

// The real bundle built by `npm run catalog:build` (the CF stage's vectors and usearch index).
let catalog: Catalog;
let cf: CfArtifacts;
before(() => {
  catalog = realCatalog();
  cf = loadCfArtifacts(catalog);
});

const itemAt = (id: string) => {
  const index = catalog.indexOf.get(id);
  if (index === undefined) throw new Error(`test fixture: no item ${id}`);
  return index;
};

test("the bundle's CF artifacts match the catalog: 64-d, every MovieLens item with ratings trained", () => {
  assert.equal(cf.dimensions, 64);
  assert.equal(cf.itemVectors.length, catalog.items.length * 64);
  const rated = catalog.items.filter((item) => item.ratingCount > 0).length;
  assert.equal(cf.info.counts.trained, rated);
  assert.ok(cf.info.counts.contentBased >= 1200, `${cf.info.counts.contentBased} content-based vectors`);
  assert.equal(cf.index.size, cf.info.index.size);
});

test("Heat (ml:6): its CF neighbours include crime thrillers", () => {
  const neighbours = cf.similarItems(itemAt("ml:6"), 10).map((neighbour) => catalog.items[neighbour.itemIndex]);
  assert.equal(neighbours.length, 10);
  assert.ok(!neighbours.some((item) => item.id === "ml:6"), "Heat is not its own neighbour");
  const crime = neighbours.filter((item) => item.genres.includes("Crime"));
  const crimeThrillers = crime.filter((item) => item.genres.includes("Thriller"));
  const titles = neighbours.map((item) => `${item.title} [${item.genres.join("/")}]`).join("; ");
  assert.ok(crime.length >= 4, `crime films among: ${titles}`);
  assert.ok(crimeThrillers.length >= 2, `crime thrillers among: ${titles}`);
});

test("a cold-start film gets content-based CF neighbours: As It Is in Heaven (a choir drama) → The Chorus", () => {
  const heaven = itemAt("tmdb:464");
  assert.equal(catalog.items[heaven].ratingCount, 0);
  assert.equal(cf.origin[heaven], ITEM_VECTOR_ORIGIN.content);
  const neighbours = cf.similarItems(heaven, 10).map((neighbour) => catalog.items[neighbour.itemIndex]);
  assert.equal(neighbours.length, 10);
  assert.ok(
    neighbours.every((item) => item.ratingCount >= 3),
    "neighbours come from co-watching data",
  );
  assert.ok(
    neighbours.some((item) => item.title === "The Chorus"),
    neighbours.map((item) => item.title).join("; "),
  );
  assert.ok(neighbours.filter((item) => item.genres.includes("Drama")).length >= 6);
});

// Its speed (p99 under 1 ms) is a benchmark figure: bench:retrieval --only=cf, docs/BENCHMARKS.md.
test("folding in liked crime films recommends crime films, not the liked ones", () => {
  const liked = ["ml:6", "ml:296", "ml:50"].map(itemAt); // Heat, Pulp Fiction, The Usual Suspects
  const userVector = cf.foldIn({ liked });
  const picks = cf.recommendForUser(userVector, 10, { exclude: new Set(liked) }).map((pick) => catalog.items[pick.itemIndex]);
  assert.equal(picks.length, 10);
  assert.ok(!picks.some((item) => liked.includes(catalog.indexOf.get(item.id)!)));
  assert.ok(picks.filter((item) => item.genres.includes("Crime")).length >= 5, picks.map((item) => item.title).join("; "));
});
