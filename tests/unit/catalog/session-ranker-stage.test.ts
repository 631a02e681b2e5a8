import assert from "node:assert/strict";
import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { loadCfArtifacts } from "../../../catalog/cf-artifacts";
import { cfStage } from "../../../catalog/cf-stage";
import { CO_LIKED_STAGE } from "../../../catalog/co-liked-artifacts";
import { coLikedStage } from "../../../catalog/co-liked-stage";
import { SESSION_RANKER_FILES, SESSION_RANKER_STAGE, sessionRankerArtifactInfoSchema } from "../../../catalog/session-ranker-artifacts";
import { sessionRankerStage } from "../../../catalog/session-ranker-stage";
import { indexItems, type Catalog } from "../../../lib/catalog/catalog";
import type { BundleManifest } from "../../../lib/catalog/manifest";
import { SESSION_RANKER_FEATURE_COUNT } from "../../../lib/retrieval/session-ranker-features";
import { makeItem } from "../../support/item-factory";

/**
 * 60 people in two tastes over 24 films (westerns 0–11, cartoons 12–23), each rating 10 films of
 * their taste one day apart (ratings 5, 5, 3, 5, …), so the latest 20 % (2 ratings) are what the
 * session ranker learns to predict.
 */
function tinyCatalog(bundleDir: string): Catalog {
  const items = Array.from({ length: 24 }, (_, index) => makeItem({ id: `ml:${index + 1}`, title: `Film ${index}`, genres: [index < 12 ? "Western" : "Animation"], year: 1990 + (index % 12) }));
  const [users, rated, ratings, timestamps] = [[] as number[], [] as number[], [] as number[], [] as number[]];
  for (let user = 0; user < 60; user += 1) {
    for (let step = 0; step < 10; step += 1) {
      users.push(user);
      rated.push((user % 2 === 0 ? 0 : 12) + ((user + step * 5) % 12));
      ratings.push(step % 3 === 2 ? 3 : 5);
      timestamps.push(1_000_000 + user * 100 + step * 86_400);
    }
  }
  const manifest = { artifacts: {} } as unknown as BundleManifest;
  return {
    manifest,
    items,
    indexOf: indexItems(items),
    interactions: {
      userCount: 60,
      users: Int32Array.from(users),
      items: Int32Array.from(rated),
      ratings: Float32Array.from(ratings),
      timestamps: Int32Array.from(timestamps),
      userIds: Int32Array.from({ length: 60 }, (_, user) => user + 1),
    },
    bundleDir,
  };
}

async function built(bundleDir: string): Promise<Catalog> {
  const catalog = tinyCatalog(bundleDir);
  catalog.manifest.artifacts.cf = await cfStage.run({ catalog, bundleDir, log: () => {}, seed: 42, environment: { REELCAST_CF_DIM: "8" } });
  catalog.manifest.artifacts[CO_LIKED_STAGE] = await coLikedStage.run({ catalog, bundleDir, log: () => {}, seed: 42, environment: {} });
  catalog.manifest.artifacts[SESSION_RANKER_STAGE] = await sessionRankerStage.run({ catalog, bundleDir, log: () => {}, seed: 42, environment: {} });
  return catalog;
}

test("the session-ranker stage writes trees and item statistics that loadCfArtifacts serves", async () => {
  const bundleDir = mkdtempSync(path.join(tmpdir(), "session-ranker-stage-"));
  try {
    const catalog = await built(bundleDir);
    const info = sessionRankerArtifactInfoSchema.parse(catalog.manifest.artifacts[SESSION_RANKER_STAGE]);
    assert.equal(info.featureNames.length, SESSION_RANKER_FEATURE_COUNT);
    assert.equal(info.main.trees, info.training.boosting.rounds);
    assert.equal(info.short?.trees, info.training.boosting.rounds, "a second set of trees for short sessions");
    assert.ok(info.training.positives > 0 && info.training.rows > 0);

    const cf = loadCfArtifacts(catalog);
    assert.ok(cf.sessionRanker, "the bundle's ranker is loaded");
    assert.equal(loadCfArtifacts(catalog, { sessionRanker: false }).sessionRanker, null);
    // A session that liked two westerns: the ranker re-orders the pool, and only westerns come back.
    const liked = [0, 1];
    const picks = cf.recommendForUser(cf.foldIn({ liked }), 5, { exclude: new Set(liked), timeline: { ...cf.timeline, history: liked }, reranker: { model: cf.sessionRanker!, likedItems: liked } });
    assert.equal(picks.length, 5);
    assert.ok(
      picks.every((pick) => pick.itemIndex < 12 && !liked.includes(pick.itemIndex)),
      `picks ${picks.map((pick) => pick.itemIndex)}`,
    );
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
});

test("the stage is deterministic, and a bundle whose ranker files are gone fails with a rebuild hint", async () => {
  const bundleDir = mkdtempSync(path.join(tmpdir(), "session-ranker-stage-"));
  const secondDir = mkdtempSync(path.join(tmpdir(), "session-ranker-stage-"));
  try {
    const [first, second] = [await built(bundleDir), await built(secondDir)];
    const strip = (catalog: Catalog) => ({ ...sessionRankerArtifactInfoSchema.parse(catalog.manifest.artifacts[SESSION_RANKER_STAGE]), seconds: 0, training: null });
    assert.deepEqual(strip(first), strip(second));
    const pool = { items: Int32Array.from([2, 3, 4]), dots: Float32Array.from([0.3, 0.2, 0.1]), scores: Float32Array.from([3, 2, 1]) };
    const score = (catalog: Catalog) => {
      const cf = loadCfArtifacts(catalog);
      return [...cf.sessionRanker!.scorePool(pool, { userVector: cf.foldIn({ liked: [0, 1] }), likedItems: [0, 1] })];
    };
    assert.deepEqual(score(first), score(second));

    unlinkSync(path.join(bundleDir, SESSION_RANKER_FILES.treeNodes));
    assert.throws(() => loadCfArtifacts(first), /catalog:build/);
    const renamed = { ...(first.manifest.artifacts[SESSION_RANKER_STAGE] as Record<string, unknown>), featureNames: ["x·y"] };
    assert.throws(() => loadCfArtifacts({ ...first, manifest: { ...first.manifest, artifacts: { ...first.manifest.artifacts, [SESSION_RANKER_STAGE]: renamed } } }), /other features/);
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
    rmSync(secondDir, { recursive: true, force: true });
  }
});
