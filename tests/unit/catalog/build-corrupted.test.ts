import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildCatalog } from "../../../catalog/build";
import { loadCurrentCatalog } from "../../../catalog/bundle-loader";
import { candidateDataDirs, findDataLocation } from "../../../catalog/data-dir";

const source = findDataLocation(candidateDataDirs(process.cwd()));

test("a corrupted MovieLens copy builds, skipping and reporting bad rows; a second run reuses the bundle", { skip: !source && "no MovieLens data" }, async (context) => {
  const work = mkdtempSync(path.join(tmpdir(), "reelcast-corrupt-"));
  context.after(() => rmSync(work, { recursive: true, force: true }));
  const dataDir = path.join(work, "raw", "ml-latest-small");
  mkdirSync(dataDir, { recursive: true });
  for (const file of ["movies.csv", "tags.csv", "links.csv"]) copyFileSync(path.join(source!.movieLensDir, file), path.join(dataDir, file));
  const ratings = readFileSync(path.join(source!.movieLensDir, "ratings.csv"), "utf8").split("\r\n").slice(0, 5001);
  ratings.splice(10, 0, "1,31,7.0,964982703"); // rating out of range
  ratings.splice(20, 0, "abc,31,4.0,964982703"); // userId not a number
  ratings.splice(30, 0, "1,99999999,4.0,964982703"); // unknown movie
  writeFileSync(path.join(dataDir, "ratings.csv"), `${ratings.join("\r\n")}\r\n`);
  const movies = readFileSync(path.join(dataDir, "movies.csv"), "utf8");
  writeFileSync(path.join(dataDir, "movies.csv"), `${movies}999999,,Drama\r\n1000000,"Broken quote (2000),Drama\r\n`);

  const environment = { REELCAST_DATA_DIR: path.join(work, "raw"), REELCAST_CATALOG_DIR: path.join(work, "catalog") };
  const lines: string[] = [];
  const first = await buildCatalog({ environment, log: (line) => lines.push(line), allowDownload: false, stages: [] });
  assert.equal(first.reused, false);
  const reasons = first.manifest.rejected.map((entry) => `${entry.file}: ${entry.reason}`).join("\n");
  assert.match(reasons, /ratings\.csv: rating: rating above 5/);
  assert.match(reasons, /ratings\.csv: userId: expected a positive integer/);
  assert.match(reasons, /ratings\.csv: movieId not in movies\.csv/);
  assert.match(reasons, /movies\.csv: (title: empty title|unparseable CSV record)/);
  assert.equal(first.manifest.counts.interactions, 5000);
  assert.equal(first.manifest.counts.coldStartItems, 0);
  assert.match(first.manifest.warnings.join(" "), /TMDB 5000 not found/);
  assert.ok(lines.some((line) => line.startsWith("Skipped")));

  const catalog = loadCurrentCatalog(environment.REELCAST_CATALOG_DIR!);
  assert.ok(catalog.items.length >= 9742);
  assert.equal(catalog.items.find((item) => item.id === "ml:1")?.overview, null);

  const second = await buildCatalog({ environment, log: () => {}, allowDownload: false, stages: [] });
  assert.equal(second.reused, true);
  assert.equal(second.manifest.buildKey, first.manifest.buildKey);
});

test("loading a bundle refuses an items file whose count or rows do not match", async () => {
  const { parseBundleItems } = await import("../../../catalog/bundle-loader");
  const { makeItem } = await import("../../support/item-factory");
  const items = Array.from({ length: 500 }, (_, index) => makeItem({ id: `ml:${index + 1}`, title: `Film ${index}` }));
  assert.equal(parseBundleItems(items, 500, "bundle").length, 500);
  assert.throws(() => parseBundleItems(items, 501, "bundle"), /holds 500 items, the manifest says 501/);
  assert.throws(() => parseBundleItems({}, 1, "bundle"), /no list of/);
  const broken = items.map((item, index) => (index === 499 ? { ...item, genres: "Drama" } : item));
  assert.throws(() => parseBundleItems(broken, 500, "bundle"), /item 499 does not match/);
});
