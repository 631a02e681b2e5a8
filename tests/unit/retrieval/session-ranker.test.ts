import assert from "node:assert/strict";
import { test } from "node:test";
import { recommendForUser, sessionPool, type PoolReranker, type SessionPool } from "../../../lib/retrieval/cf-neighbours";
import { ExactVectorIndex } from "../../../lib/retrieval/exact-vector-index";
import { flattenTrees, packBoostedTrees, predictFlatRows, predictRows, trainBoostedTrees, unpackBoostedTrees, widenFeatures } from "../../../lib/retrieval/gradient-boosted-trees";
import type { ItemKnnModel } from "../../../lib/retrieval/item-knn";
import { SessionRanker } from "../../../lib/retrieval/session-ranker";
import {
  ITEM_STATISTIC_COUNT,
  SESSION_RANKER_FEATURE_COUNT,
  SESSION_RANKER_FEATURE_NAMES,
  SessionFeatureScratch,
  sessionItemStatistics,
  sessionRankerFeatures,
} from "../../../lib/retrieval/session-ranker-features";

const column = (name: (typeof SESSION_RANKER_FEATURE_NAMES)[number]) => SESSION_RANKER_FEATURE_NAMES.indexOf(name);

test("packed trees predict exactly as the trained ones; widened trees read the mapped columns", () => {
  // y = 1 when x0 > 0.5 and x1 < 0.3: a non-linear target on 600 rows.
  const rows = new Float32Array(600 * 2);
  const labels = new Uint8Array(600);
  for (let row = 0; row < 600; row += 1) {
    rows[row * 2] = ((row * 37) % 100) / 100;
    rows[row * 2 + 1] = ((row * 61) % 100) / 100;
    labels[row] = rows[row * 2] > 0.5 && rows[row * 2 + 1] < 0.3 ? 1 : 0;
  }
  const model = trainBoostedTrees(rows, 2, labels, { rounds: 20, minRowsPerLeaf: 20, lambda: 1 });
  const restored = unpackBoostedTrees(packBoostedTrees(model));
  assert.deepEqual([...predictRows(restored, rows)], [...predictRows(model, rows)]);
  // Flattened for serving (a single-leaf tree included), the scores are the same to the bit.
  const withLeaf = {
    ...model,
    trees: [...model.trees, { feature: Int32Array.from([-1]), threshold: Float64Array.from([0]), left: Int32Array.from([-1]), right: Int32Array.from([-1]), value: Float64Array.from([0.25]) }],
  };
  assert.deepEqual([...predictFlatRows(flattenTrees(withLeaf), rows)], [...predictRows(withLeaf, rows)]);

  // The same two features as columns 3 and 1 of 4-wide rows.
  const wide = new Float32Array(600 * 4).fill(NaN);
  for (let row = 0; row < 600; row += 1) {
    wide[row * 4 + 3] = rows[row * 2];
    wide[row * 4 + 1] = rows[row * 2 + 1];
  }
  assert.deepEqual([...predictRows(widenFeatures(model, [3, 1], 4), wide)], [...predictRows(model, rows)]);
  assert.throws(() => widenFeatures(model, [4, 1], 4), /columns/);
  const packed = packBoostedTrees(model);
  assert.throws(() => unpackBoostedTrees({ ...packed, nodes: packed.nodes.subarray(5) }), /nodes/);
});

test("item statistics: shrunk like rate and mean, recent ratings, genre masks by frequency", () => {
  // Item 0: ratings 5, 3 (the 3 long ago); item 1: one 4★ recently; item 2: none.
  const year = 365 * 24 * 3600;
  const rows = { items: [0, 0, 1], ratings: [5, 3, 4], timestamps: [10 * year, 5 * year, 10 * year] };
  const items = [
    { year: 1999, genres: ["Drama", "Comedy"] },
    { year: null, genres: ["Drama"] },
    { year: 2001, genres: [] },
  ];
  const vectors = Float32Array.from([3, 4, 0, 1, 0, 0]);
  const statistics = sessionItemStatistics(rows, items, vectors, 2, { priorRatings: 1 });
  const value = (item: number, index: number) => statistics.values[item * ITEM_STATISTIC_COUNT + index];
  // Global mean 4, global like rate 2/3; item 0: (8 + 4) / 3 = 4, (1 + 2/3) / 3.
  // Counts per 100,000 ratings: 2 of 3 ratings.
  assert.ok(Math.abs(value(0, 0) - Math.log1p(200_000 / 3)) < 1e-5);
  assert.ok(Math.abs(value(0, 2) - 5 / 9) < 1e-6);
  assert.ok(Math.abs(value(0, 3) - 4) < 1e-6);
  assert.ok(Math.abs(value(0, 5) - Math.log1p(100_000 / 3)) < 1e-5, "only the rating within a year of the latest counts");
  assert.ok(Number.isNaN(value(1, 4)));
  assert.equal(value(0, 6), 5);
  assert.equal(value(2, 0), 0);
  // Drama (2 items) is bit 0, Comedy bit 1.
  assert.deepEqual([...statistics.genreMasks], [3, 1, 0]);
});

/**
 * Four items in 2-d; the session liked item 0 (latest) then item 1. Timeline: item 0's neighbours
 * are 2 (weight 2) and 3 (weight 1); item 1's neighbour is 3 (weight 5).
 */
const vectors = Float32Array.from([1, 0, 0, 1, 1, 1, 1, -1]);
const timeline: ItemKnnModel = { itemCount: 4, starts: Int32Array.from([0, 2, 3, 3, 3]), neighbourItems: Int32Array.from([2, 3, 3]), similarities: Float32Array.from([2, 1, 5]) };
const statistics = sessionItemStatistics(
  { items: [0, 1, 2, 3], ratings: [5, 5, 5, 5], timestamps: [0, 0, 0, 0] },
  [0, 1, 2, 3].map(() => ({ year: 2000, genres: ["Drama"] })),
  vectors,
  2,
);
// Stand-in fold-in: the sum of the liked items' vectors.
const foldInLikes = (liked: readonly number[]) => Float32Array.from([0, 1], (column) => liked.reduce((sum, item) => sum + vectors[item * 2 + column], 0));
// Co-liked: item 1's neighbour is item 2 (0.5).
const coLiked: ItemKnnModel = { itemCount: 4, starts: Int32Array.from([0, 0, 1, 1, 1]), neighbourItems: Int32Array.from([2]), similarities: Float32Array.from([0.5]) };
const resources = { itemVectors: vectors, dimensions: 2, timeline, coLiked, statistics, foldInLikes };

test("features: timeline of the latest likes, cosines to them, served order; the scratch is left clean", () => {
  const pool: SessionPool = { items: Int32Array.from([3, 2]), dots: Float32Array.from([0.5, 1]), scores: Float32Array.from([2, 1]) };
  const scratch = new SessionFeatureScratch(4);
  const rows = sessionRankerFeatures(pool, { userVector: Float32Array.from([1, 0]), likedItems: [0, 1] }, resources, scratch);
  assert.equal(rows.length, 2 * SESSION_RANKER_FEATURE_COUNT);
  const at = (row: number, name: (typeof SESSION_RANKER_FEATURE_NAMES)[number]) => rows[row * SESSION_RANKER_FEATURE_COUNT + column(name)];
  assert.equal(at(0, "timeline latest 1"), 1, "item 3 from item 0 only");
  assert.equal(at(0, "timeline latest 3"), 6, "item 3 from items 0 and 1");
  assert.equal(at(1, "timeline latest 3"), 2);
  assert.equal(at(1, "co-liked latest 10"), 0.5);
  assert.equal(at(0, "co-liked latest 10"), 0);
  assert.ok(Math.abs(at(0, "cosine to latest like") - Math.SQRT1_2) < 1e-6);
  assert.ok(Math.abs(at(0, "max cosine to latest 5") - Math.SQRT1_2) < 1e-6, "cos(3, 0) = 0.71 beats cos(3, 1) = −0.71");
  assert.ok(Math.abs(at(0, "mean cosine to latest 5")) < 1e-6);
  assert.equal(at(0, "served rank"), 0);
  // Recent taste (the stand-in fold-in of likes 0 and 1) = [1, 1].
  assert.equal(at(0, "recent x·y"), 0);
  assert.equal(at(1, "recent x·y"), 2);
  assert.equal(at(1, "x·y rank"), 0, "item 2 has the larger x·y");
  assert.equal(at(0, "genre affinity"), 1);
  assert.ok(Math.abs(at(0, "log session likes") - Math.log(3)) < 1e-6);
  assert.ok(scratch.positions.every((position) => position === -1));
});

test("a session without likes gets neutral features instead of an error", () => {
  const pool: SessionPool = { items: Int32Array.from([2]), dots: Float32Array.from([1]), scores: Float32Array.from([1]) };
  const rows = sessionRankerFeatures(pool, { userVector: Float32Array.from([1, 0]), likedItems: [] }, resources);
  assert.equal(rows[column("timeline latest 30")], 0);
  assert.ok(Number.isNaN(rows[column("cosine to latest like")]));
  assert.ok(Number.isNaN(rows[column("mean liked year")]));
});

test("recommendForUser re-orders only the pool's head by the reranker; the tail follows in served order", () => {
  const index = new ExactVectorIndex(2, "cos");
  index.add([0, 1, 2, 3], vectors);
  const user = Float32Array.from([1, 0.2]);
  const served = sessionPool(index, vectors, user, 4).items;
  // A reranker that reverses the head of 2 and records what it saw.
  const seen: number[][] = [];
  const reverser: PoolReranker = {
    depth: 2,
    scorePool: (pool) => {
      seen.push([...pool.items]);
      return Float64Array.from(pool.items, (_, position) => position);
    },
  };
  const result = recommendForUser(index, vectors, user, 4, { reranker: { model: reverser, likedItems: [0] } });
  assert.deepEqual(seen, [[served[0], served[1]]]);
  assert.deepEqual(
    result.map((pick) => pick.itemIndex),
    [served[1], served[0], served[2], served[3]],
  );
  assert.ok(result[2].score < result[1].score && result[3].score < result[2].score);
  assert.deepEqual(
    recommendForUser(index, vectors, user, 1, { reranker: { model: reverser, likedItems: [0] } }).map((pick) => pick.itemIndex),
    [served[1]],
  );
});

test("SessionRanker refuses trees for another feature width", () => {
  const model = { featureCount: 3, baseScore: 0, trees: [] };
  assert.throws(() => new SessionRanker({ trees: model, short: null, depth: 10 }, resources), /features/);
  const empty = { featureCount: SESSION_RANKER_FEATURE_COUNT, baseScore: 0.5, trees: [] };
  assert.throws(() => new SessionRanker({ trees: empty, short: { trees: model, maxLikes: 3 }, depth: 10 }, resources), /features/);
  const ranker = new SessionRanker({ trees: empty, short: null, depth: 10 }, resources);
  const pool: SessionPool = { items: Int32Array.from([2, 3]), dots: Float32Array.from([1, 0.5]), scores: Float32Array.from([1, 0]) };
  assert.deepEqual([...ranker.scorePool(pool, { userVector: Float32Array.from([1, 0]), likedItems: [0] })], [0.5, 0.5]);
});

test("sessions with at most maxLikes likes are ranked by the short-session trees", () => {
  const trees = (baseScore: number) => ({ featureCount: SESSION_RANKER_FEATURE_COUNT, baseScore, trees: [] });
  const ranker = new SessionRanker({ trees: trees(0.5), short: { trees: trees(-1), maxLikes: 2 }, depth: 10 }, resources);
  const pool: SessionPool = { items: Int32Array.from([2]), dots: Float32Array.from([1]), scores: Float32Array.from([1]) };
  const score = (likedItems: number[]) => ranker.scorePool(pool, { userVector: Float32Array.from([1, 0]), likedItems })[0];
  assert.equal(score([0]), -1);
  assert.equal(score([0, 1]), -1);
  assert.equal(score([0, 1, 3]), 0.5);
});
