import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { loadCfArtifacts } from "../../../catalog/cf-artifacts";
import { cfDimensionsFrom, cfStage, CF_FILES } from "../../../catalog/cf-stage";
import { indexItems, type Catalog } from "../../../lib/catalog/catalog";
import type { Item } from "../../../lib/catalog/item";
import type { BundleManifest } from "../../../lib/catalog/manifest";
import { ITEM_VECTOR_ORIGIN } from "../../../lib/retrieval/cf-item-vectors";
import { makeItem } from "../../support/item-factory";

test("REELCAST_CF_DIM: default 64, integers 2..1024, anything else throws", () => {
  assert.equal(cfDimensionsFrom({}), 64);
  assert.equal(cfDimensionsFrom({ REELCAST_CF_DIM: " 32 " }), 32);
  assert.throws(() => cfDimensionsFrom({ REELCAST_CF_DIM: "1" }), /REELCAST_CF_DIM/);
  assert.throws(() => cfDimensionsFrom({ REELCAST_CF_DIM: "sixty" }), /REELCAST_CF_DIM/);
});

// Items 0–11 are MovieLens films (they have ratings); 12 and 13 are TMDB-only (cold start).
function film(index: number, genres: string[], directors: string[]): Item {
  return makeItem({ id: index < 12 ? `ml:${index + 1}` : `tmdb:${index + 1}`, title: `Film ${index}`, genres, directors });
}

/**
 * 40 users in two tastes: users 0–19 rate westerns 0–5 (5★), users 20–39 cartoons 6–11. Item 12
 * is a cold-start western by the westerns' director; item 13 shares nothing.
 */
function tinyCatalog(bundleDir: string): Catalog {
  const items = [
    ...Array.from({ length: 6 }, (_, index) => film(index, ["Western"], ["Sergio Leone"])),
    ...Array.from({ length: 6 }, (_, index) => film(6 + index, ["Animation"], ["John Lasseter"])),
    film(12, ["Western"], ["Sergio Leone"]),
    film(13, [], []),
  ];
  const users: number[] = [];
  const rated: number[] = [];
  for (let user = 0; user < 40; user += 1) {
    for (let offset = 0; offset < 6; offset += 1) {
      if (offset === user % 6) continue;
      users.push(user);
      rated.push((user < 20 ? 0 : 6) + offset);
    }
  }
  const manifest = { artifacts: {} } as unknown as BundleManifest;
  return {
    manifest,
    items,
    indexOf: indexItems(items),
    interactions: {
      userCount: 40,
      users: Int32Array.from(users),
      items: Int32Array.from(rated),
      ratings: new Float32Array(users.length).fill(5),
      timestamps: new Int32Array(users.length),
      userIds: Int32Array.from({ length: 40 }, (_, user) => user + 1),
    },
    bundleDir,
  };
}

test("the CF stage writes vectors, origins and a usearch index that loadCfArtifacts serves", async () => {
  const bundleDir = mkdtempSync(path.join(tmpdir(), "cf-stage-"));
  try {
    const catalog = tinyCatalog(bundleDir);
    const lines: string[] = [];
    const info = await cfStage.run({ catalog, bundleDir, log: (line) => lines.push(line), seed: 42, environment: { REELCAST_CF_DIM: "8" } });
    catalog.manifest.artifacts.cf = info;
    assert.equal(statSync(path.join(bundleDir, CF_FILES.itemVectors)).size, 14 * 8 * 4);
    assert.ok(lines.some((line) => line.includes("8-d WALS vectors for 12 items")));

    const cf = loadCfArtifacts(catalog);
    assert.equal(cf.dimensions, 8);
    assert.equal(cf.index.size, 12);
    assert.deepEqual([...cf.origin.slice(11)], [ITEM_VECTOR_ORIGIN.trained, ITEM_VECTOR_ORIGIN.content, ITEM_VECTOR_ORIGIN.none]);
    // Westerns' neighbours are westerns; the cold-start western's too.
    for (const itemIndex of [0, 3, 12]) {
      const neighbours = cf.similarItems(itemIndex, 4).map((neighbour) => neighbour.itemIndex);
      assert.equal(neighbours.length, 4);
      assert.ok(
        neighbours.every((neighbour) => neighbour < 6),
        `item ${itemIndex}: ${neighbours}`,
      );
    }
    assert.deepEqual(cf.similarItems(13, 4), []);
    // Timeline neighbours stay inside a taste (nobody's timeline mixes westerns and cartoons) and
    // reach neither cold-start item.
    const timeline = cf.timeline.model;
    assert.equal(timeline.starts.length, 15);
    assert.ok(timeline.neighbourItems.length > 0 && timeline.neighbourItems.length === cf.info.timeline.entries);
    for (let item = 0; item < 14; item += 1) {
      const neighbours = [...timeline.neighbourItems.subarray(timeline.starts[item], timeline.starts[item + 1])];
      assert.ok(
        neighbours.every((neighbour) => neighbour < 12 && neighbour < 6 === item < 6),
        `item ${item}: ${neighbours}`,
      );
    }
    // A session that liked two cartoons gets the other cartoons.
    const picks = cf.recommendForUser(cf.foldIn({ liked: [6, 7] }), 4, { exclude: new Set([6, 7]) }).map((pick) => pick.itemIndex);
    assert.deepEqual(
      [...picks].sort((a, b) => a - b),
      [8, 9, 10, 11],
    );
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
});

test("the stage is deterministic: same seed, same vectors", async () => {
  const run = async () => {
    const bundleDir = mkdtempSync(path.join(tmpdir(), "cf-stage-"));
    try {
      const catalog = tinyCatalog(bundleDir);
      catalog.manifest.artifacts.cf = await cfStage.run({ catalog, bundleDir, log: () => {}, seed: 7, environment: { REELCAST_CF_DIM: "8" } });
      return loadCfArtifacts(catalog).itemVectors;
    } finally {
      rmSync(bundleDir, { recursive: true, force: true });
    }
  };
  assert.deepEqual(await run(), await run());
});

test("a bundle without the CF stage fails with a rebuild hint", () => {
  assert.throws(() => loadCfArtifacts(tinyCatalog("/nonexistent")), /catalog:build/);
});
