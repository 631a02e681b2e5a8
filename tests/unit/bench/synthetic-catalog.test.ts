import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { joinCatalog } from "../../../catalog/join";
import { RejectedRowCounter } from "../../../catalog/rejected-rows";
import { readMovieLens } from "../../../catalog/sources/movielens";
import { readTmdb } from "../../../catalog/sources/tmdb";
import { indexItems, type Catalog } from "../../../lib/catalog/catalog";
import type { BundleManifest } from "../../../lib/catalog/manifest";
import { buildPhaseOf } from "../../../scripts/bench/build-phases";
import { syntheticProfile, writeSyntheticCatalog } from "../../../scripts/bench/synthetic-catalog";
import { makeItem } from "../../support/item-factory";

/** A hand-made template: 8 MovieLens films (half with TMDB metadata), 2 cold-start films, 1 user per 2 films. */
function templateCatalog(): Catalog {
  const rich = {
    language: "en",
    overview: "A lonely robot falls in love",
    tagline: "Out there",
    keywords: ["robot", "space"],
    directors: ["Ada Stone"],
    cast: ["Ben Hill", "Cara Lane"],
    runtimeMinutes: 98,
    tmdbVoteCount: 1200,
    tmdbVoteAverage: 7.1,
  };
  const items = [
    ...Array.from({ length: 8 }, (_, index) =>
      makeItem({ id: `ml:${index + 1}`, title: `Night River ${index}`, year: 1990 + index, genres: ["Drama", "Sci-Fi"], tags: index % 2 ? ["quirky"] : [], ...(index % 2 === 0 ? rich : {}) }),
    ),
    makeItem({ id: "tmdb:501", title: "Glass Harbor", year: 2012, genres: ["Thriller"], ...rich }),
    makeItem({ id: "tmdb:502", title: "Iron Valley", year: 2015, genres: ["Western"], ...rich }),
  ];
  // 4 users with 20, 40, 60 and 80 ratings (only their counts, values and timestamps are sampled).
  const counts = [20, 40, 60, 80];
  const rows = counts.reduce((sum, count) => sum + count, 0);
  const users = new Int32Array(rows);
  let row = 0;
  counts.forEach((count, user) => {
    for (let index = 0; index < count; index += 1) users[row++] = user;
  });
  const interactions = {
    userCount: counts.length,
    users,
    items: new Int32Array(rows),
    ratings: Float32Array.from({ length: rows }, (_, index) => 1 + (index % 9) / 2),
    timestamps: Int32Array.from({ length: rows }, (_, index) => 1_000_000_000 + index),
    userIds: Int32Array.from(counts, (_, index) => index + 1),
  };
  return { manifest: {} as BundleManifest, items, indexOf: indexItems(items), interactions, bundleDir: "" };
}

async function readBack(root: string) {
  const rejected = new RejectedRowCounter();
  const movieLens = await readMovieLens(path.join(root, "ml-latest-small"), rejected);
  const tmdb = await readTmdb(path.join(root, "tmdb-5000"), rejected);
  return { joined: joinCatalog(movieLens, tmdb, rejected), rejected, movieLens };
}

function filesHash(root: string): string {
  const hash = createHash("sha256");
  for (const directory of ["ml-latest-small", "tmdb-5000"]) {
    for (const file of readdirSync(path.join(root, directory)).sort()) hash.update(readFileSync(path.join(root, directory, file)));
  }
  return hash.digest("hex");
}

test("the synthetic catalog goes through the real readers and join with the asked size and the template's proportions", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "synthetic-catalog-"));
  try {
    const profile = syntheticProfile(templateCatalog());
    assert.equal(profile.coldStartShare, 0.2);
    assert.equal(profile.usersPerMovie, 0.5);
    const summary = await writeSyntheticCatalog(root, 1000, profile, 7);
    assert.deepEqual([summary.movieLensItems, summary.coldStartItems, summary.users], [800, 200, 400]);
    const { joined, rejected, movieLens } = await readBack(root);
    assert.equal(rejected.total(), 0, JSON.stringify(rejected.list()));
    assert.equal(joined.items.length, 1000);
    assert.equal(joined.items.filter((item) => item.movieId === null).length, 200);
    assert.equal(joined.interactions.users.length, summary.ratings);
    // Every MovieLens film has a rating, as in MovieLens; cold-start films have none.
    assert.ok(joined.items.every((item) => (item.movieId === null ? item.ratingCount === 0 : item.ratingCount >= 1)));
    // No user rates a film twice.
    const pairs = new Set(movieLens.ratings.map((rating) => `${rating.userId}:${rating.movieId}`));
    assert.equal(pairs.size, movieLens.ratings.length);
    // Users rate as many films as template users do (20–80), plus the one-rating fill of the tail.
    const perUser = new Map<number, number>();
    for (const rating of movieLens.ratings) perUser.set(rating.userId, (perUser.get(rating.userId) ?? 0) + 1);
    assert.ok(Math.min(...perUser.values()) >= 20);
    // Power law: the top 10 % of films hold far more than 10 % of the ratings.
    const counts = joined.items
      .filter((item) => item.movieId !== null)
      .map((item) => item.ratingCount)
      .sort((a, b) => b - a);
    const topShare = counts.slice(0, 80).reduce((sum, count) => sum + count, 0) / summary.ratings;
    assert.ok(topShare > 0.3, `top 10 % hold ${topShare}`);
    // The TMDB half of the templates gives TMDB rows with the real fields filled.
    const withOverview = joined.items.filter((item) => item.overview !== null);
    assert.equal(withOverview.length, summary.tmdbRows);
    assert.ok(withOverview.every((item) => item.cast.length === 2 && item.directors.length === 1 && item.keywords.length >= 1 && item.runtimeMinutes === 98));
    assert.ok(summary.tmdbRows > 200 + 800 * 0.35 && summary.tmdbRows < 200 + 800 * 0.65);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the synthetic catalog is the same for the same seed and differs for another", async () => {
  const roots = [1, 1, 2].map(() => mkdtempSync(path.join(tmpdir(), "synthetic-catalog-")));
  try {
    const profile = syntheticProfile(templateCatalog());
    await writeSyntheticCatalog(roots[0], 300, profile, 1);
    await writeSyntheticCatalog(roots[1], 300, profile, 1);
    await writeSyntheticCatalog(roots[2], 300, profile, 2);
    const [first, second, third] = roots.map(filesHash);
    assert.equal(first, second);
    assert.notEqual(first, third);
  } finally {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  }
});

test("build log lines map to the profiled phases", () => {
  assert.equal(buildPhaseOf("Reading MovieLens ratings, movies, tags and links…"), "read MovieLens CSVs (csv-parse + zod)");
  assert.equal(buildPhaseOf("Stage keyword-index…"), "stage keyword-index");
  assert.equal(buildPhaseOf("Stage cf…"), "CF: WALS training");
  assert.equal(buildPhaseOf("WALS iteration 10/15 (56.0 s)"), null);
  assert.equal(buildPhaseOf("WALS iteration 15/15 (80.2 s)"), "CF: content-based vectors for untrained items");
  assert.equal(buildPhaseOf("64-d WALS vectors for 17698 items in 27.12 s; 2257 cold-start items got content-based vectors, 45 have none"), "CF: usearch HNSW index");
  assert.equal(buildPhaseOf("cf done in 30.4 s"), "between stages / publish bundle");
  assert.equal(buildPhaseOf("phase: fast path: retrieveFast × 1000"), "fast path: retrieveFast × 1000");
  assert.equal(buildPhaseOf("embedded 512/3000 items with glove-sif-wink-sg-100d"), null);
});
