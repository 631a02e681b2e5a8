import assert from "node:assert/strict";
import { test } from "node:test";
import { itemActivity, RERANK_FEATURE_COUNT, RERANK_FEATURE_NAMES, rerankFeatures, rerankPool, TIME_FEATURES, type UserScores } from "../../../lib/retrieval/rerank-features";

const DAY = 24 * 3600;

// 3 users, 4 items; rows grouped by user in time order.
const rows = {
  users: [0, 0, 0, 1, 1, 2],
  items: [0, 1, 2, 0, 3, 0],
  ratings: [5, 4, 2, 3, 4.5, 4],
  timestamps: [100 * DAY, 101 * DAY, 102 * DAY, 500 * DAY, 501 * DAY, 103 * DAY],
};

test("item statistics come from the given rows only", () => {
  const activity = itemActivity(rows, 5, 4, 0);
  assert.deepEqual([...activity.ratingCount], [3, 1, 1, 1, 0]);
  assert.deepEqual([...activity.likedCount], [2, 1, 0, 1, 0]);
  assert.ok(Math.abs(activity.shrunkMean[0] - 4) < 1e-6);
  assert.equal(activity.firstTime[0], 100 * DAY);
  assert.equal(activity.medianTime[0], 103 * DAY);
  assert.ok(Number.isNaN(activity.medianTime[4]));
  // With a prior, an item without ratings gets the global mean / like rate.
  const shrunk = itemActivity(rows, 5, 4, 10);
  assert.ok(Math.abs(shrunk.shrunkMean[4] - 22.5 / 6) < 1e-6);
  assert.ok(Math.abs(shrunk.likeRate[4] - 4 / 6) < 1e-6);
});

test("pool is the union of each score's top among eligible items", () => {
  const a = new Float32Array([9, 8, 1, 0, 7]);
  const b = new Float32Array([0, 1, 9, 8, 7]);
  assert.deepEqual(rerankPool([a, b], [0, 1, 1, 1, 1], 2), [1, 2, 3, 4]);
  assert.deepEqual(rerankPool([a, b], [1, 1, 1, 1, 1], 1), [0, 2]);
});

test("feature rows: one row per pool item, time features measure activity near the user's time", () => {
  const itemCount = 5;
  const activity = itemActivity(rows, itemCount);
  const side = { year: new Float32Array([1990, 2000, NaN, 1995, 2010]), genreStarts: Int32Array.from([0, 1, 2, 2, 3, 3]), genres: Int32Array.from([0, 1, 0]), genreCount: 2 };
  const filled = (value: number) => new Float32Array(itemCount).fill(value);
  const scores: UserScores = {
    wals: new Float32Array([0, 0, 0, 2, 1]),
    walsCosine: filled(0.5),
    blend: new Float32Array([0, 0, 0, 1, 2]),
    timelineAll: filled(0),
    timelineLatest3: filled(0),
    timelineLatest10: filled(0),
    itemKnn: filled(0),
    rp3beta: filled(0),
  };
  // User 2 (one rating of item 0 at day 103, liked): pool = items 3 and 4.
  const history = { items: [0], ratings: [4], timestamps: [103 * DAY] };
  const out = rerankFeatures([3, 4], scores, history, activity, side, { activityWindowSeconds: 10 * DAY });
  assert.equal(out.length, 2 * RERANK_FEATURE_COUNT);
  assert.equal(RERANK_FEATURE_NAMES.length, RERANK_FEATURE_COUNT);
  const feature = (row: number, name: (typeof RERANK_FEATURE_NAMES)[number]) => out[row * RERANK_FEATURE_COUNT + RERANK_FEATURE_NAMES.indexOf(name)];
  assert.equal(feature(0, "wals rank"), 0);
  assert.equal(feature(1, "wals rank"), 1);
  assert.equal(feature(0, "blend rank"), 1);
  // Item 3 was rated only at day 501: none of the 4 training ratings within 10 days of day 103 are its.
  assert.equal(feature(0, "item share near user's latest time"), 0);
  assert.ok(Math.abs(feature(0, "user latest − item first") - (103 - 501) / 365.25) < 1e-4);
  // Item 4 has no ratings: NaN times (the trees send NaN left).
  assert.ok(Number.isNaN(feature(1, "item first time")));
  // Genre affinity: the user's only like (item 0) is genre 0; item 3 has genre 0.
  assert.equal(feature(0, "genre affinity"), 1);
  assert.equal(feature(0, "year gap"), 5);
  assert.equal(TIME_FEATURES.length, 8);
  assert.deepEqual(
    TIME_FEATURES.map((index) => RERANK_FEATURE_NAMES[index]),
    [
      "user median time",
      "user latest time",
      "item median time",
      "item first time",
      "user latest − item first",
      "user median − item median",
      "item share near user's latest time",
      "item share near user's median time",
    ],
  );
});
