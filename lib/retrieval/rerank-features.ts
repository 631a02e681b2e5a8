/**
 * Features of (user, item) pairs for a learned re-ranker over a candidate pool (I/O-free).
 *
 * Everything here is computed from *training* rows only (the caller passes them): item
 * statistics, the user's history, and when the user and the item were active. The "when" features
 * compare the user's active time (their median and latest training timestamps; at serving time,
 * "now") with the item's rating activity: its median and first training timestamp, and its share
 * of all training ratings made within `activityWindowSeconds` of the user's time — "what was
 * popular when this person was active".
 *
 * Model scores (WALS, the WALS + timeline blend, timeline / item-kNN / RP3beta scores) are passed
 * in as full per-item arrays, so this module knows nothing about how they were computed.
 */

import { topKIndexes } from "./ranking-metrics";

const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/** Training rows, grouped by user and in time order within a user. */
export interface TrainingRows {
  users: ArrayLike<number>;
  items: ArrayLike<number>;
  ratings: ArrayLike<number>;
  timestamps: ArrayLike<number>;
}

export interface ItemActivity {
  itemCount: number;
  ratingCount: Float32Array;
  likedCount: Float32Array;
  /** Mean rating shrunk towards the global mean with `priorRatings` pseudo-ratings. */
  shrunkMean: Float32Array;
  /** Share of ≥ liked ratings, shrunk towards the global share the same way. */
  likeRate: Float32Array;
  /** Median / first training timestamp (NaN without ratings). */
  medianTime: Float64Array;
  firstTime: Float64Array;
  /** Each item's training timestamps, ascending (CSR by item). */
  timeStarts: Int32Array;
  times: Float64Array;
  /** Every training timestamp, ascending. */
  allTimes: Float64Array;
}

/** Item statistics from training rows. */
export function itemActivity(rows: TrainingRows, itemCount: number, likedRating = 4, priorRatings = 10): ItemActivity {
  const ratingCount = new Float32Array(itemCount);
  const likedCount = new Float32Array(itemCount);
  const ratingSum = new Float64Array(itemCount);
  let globalSum = 0;
  let globalLiked = 0;
  const total = rows.items.length;
  for (let row = 0; row < total; row += 1) {
    const item = rows.items[row];
    ratingCount[item] += 1;
    ratingSum[item] += rows.ratings[row];
    globalSum += rows.ratings[row];
    if (rows.ratings[row] >= likedRating) {
      likedCount[item] += 1;
      globalLiked += 1;
    }
  }
  const globalMean = total ? globalSum / total : 0;
  const globalLikeRate = total ? globalLiked / total : 0;
  const shrunkMean = new Float32Array(itemCount);
  const likeRate = new Float32Array(itemCount);
  const timeStarts = new Int32Array(itemCount + 1);
  for (let item = 0; item < itemCount; item += 1) {
    shrunkMean[item] = (ratingSum[item] + priorRatings * globalMean) / (ratingCount[item] + priorRatings);
    likeRate[item] = (likedCount[item] + priorRatings * globalLikeRate) / (ratingCount[item] + priorRatings);
    timeStarts[item + 1] = timeStarts[item] + ratingCount[item];
  }
  const times = new Float64Array(total);
  const fill = timeStarts.slice(0, itemCount);
  for (let row = 0; row < total; row += 1) times[fill[rows.items[row]]++] = rows.timestamps[row];
  const medianTime = new Float64Array(itemCount).fill(NaN);
  const firstTime = new Float64Array(itemCount).fill(NaN);
  for (let item = 0; item < itemCount; item += 1) {
    const [start, end] = [timeStarts[item], timeStarts[item + 1]];
    if (start === end) continue;
    const sorted = times.subarray(start, end).sort();
    medianTime[item] = sorted[(end - start) >> 1];
    firstTime[item] = sorted[0];
  }
  const allTimes = Float64Array.from(rows.timestamps).sort();
  return { itemCount, ratingCount, likedCount, shrunkMean, likeRate, medianTime, firstTime, timeStarts, times, allTimes };
}

/** Count of ascending `sorted` values in [low, high]. */
function countBetween(sorted: Float64Array, low: number, high: number): number {
  const lowerBound = (value: number, strict: boolean) => {
    let [lo, hi] = [0, sorted.length];
    while (lo < hi) {
      const middle = (lo + hi) >>> 1;
      if (strict ? sorted[middle] <= value : sorted[middle] < value) lo = middle + 1;
      else hi = middle;
    }
    return lo;
  };
  return lowerBound(high, true) - lowerBound(low, false);
}

/** Per-item side information: release year (NaN unknown) and genre ids (CSR). */
export interface ItemSide {
  year: Float32Array;
  genreStarts: Int32Array;
  genres: Int32Array;
  genreCount: number;
}

/** One user's training history, in time order. */
export interface UserHistory {
  items: ArrayLike<number>;
  ratings: ArrayLike<number>;
  timestamps: ArrayLike<number>;
}

/** Full per-item score arrays of one user (index = item). */
export interface UserScores {
  wals: Float32Array;
  /** Cosine of the user and item factors. */
  walsCosine: Float32Array;
  blend: Float32Array;
  timelineAll: Float32Array;
  timelineLatest3: Float32Array;
  timelineLatest10: Float32Array;
  itemKnn: Float32Array;
  rp3beta: Float32Array;
}

export const RERANK_FEATURE_NAMES = [
  "wals",
  "wals z",
  "wals rank",
  "wals cosine",
  "blend",
  "blend z",
  "blend rank",
  "timeline all",
  "timeline all z",
  "timeline latest 3",
  "timeline latest 10",
  "item-kNN",
  "item-kNN z",
  "RP3beta",
  "RP3beta z",
  "log ratings",
  "log likes",
  "like rate",
  "shrunk mean",
  "year",
  "genre affinity",
  "year gap",
  "year gap / user year spread",
  "log history",
  "user mean rating",
  "user like rate",
  "user mean year",
  // When the user and the item were active (TIME_FEATURES).
  "user median time",
  "user latest time",
  "item median time",
  "item first time",
  "user latest − item first",
  "user median − item median",
  "item share near user's latest time",
  "item share near user's median time",
] as const;

export const RERANK_FEATURE_COUNT = RERANK_FEATURE_NAMES.length;
/** Indexes of the "when" features, the last eight (drop them to rank without dataset time). */
export const TIME_FEATURES: readonly number[] = Array.from({ length: 8 }, (_, offset) => RERANK_FEATURE_COUNT - 8 + offset);

/** Union of the top `size` of each score array among eligible items, ascending item order. */
export function rerankPool(scoreArrays: readonly Float32Array[], eligible: ArrayLike<number>, size: number): number[] {
  const pool = new Set<number>();
  for (const scores of scoreArrays) {
    const masked = Float32Array.from(scores, (score, item) => (eligible[item] ? score : -Infinity));
    for (const item of topKIndexes(masked, size)) pool.add(item);
  }
  return [...pool].sort((a, b) => a - b);
}

function poolStandardised(scores: Float32Array, pool: readonly number[]): Float64Array {
  let sum = 0;
  for (const item of pool) sum += scores[item];
  const mean = sum / Math.max(1, pool.length);
  let squares = 0;
  for (const item of pool) squares += (scores[item] - mean) ** 2;
  const deviation = Math.sqrt(squares / Math.max(1, pool.length)) || 1;
  return Float64Array.from(pool, (item) => (scores[item] - mean) / deviation);
}

/** Rank (0 = best) of each pool item by `scores`, ties to the lower item index. */
function poolRanks(scores: Float32Array, pool: readonly number[]): Float64Array {
  const order = pool.map((_, index) => index).sort((a, b) => scores[pool[b]] - scores[pool[a]] || pool[a] - pool[b]);
  const ranks = new Float64Array(pool.length);
  order.forEach((index, rank) => (ranks[index] = rank));
  return ranks;
}

/**
 * Feature rows (row-major, pool.length × RERANK_FEATURE_COUNT) of one user's pool.
 * @param activityWindowSeconds half-width of "near the user's time" (default 180 days)
 */
export function rerankFeatures(
  pool: readonly number[],
  scores: UserScores,
  history: UserHistory,
  activity: ItemActivity,
  side: ItemSide,
  options: { likedRating?: number; activityWindowSeconds?: number } = {},
): Float32Array {
  const likedRating = options.likedRating ?? 4;
  const window = options.activityWindowSeconds ?? 180 * 24 * 3600;
  const featureCount = RERANK_FEATURE_COUNT;
  const out = new Float32Array(pool.length * featureCount);

  // User summaries from their training history.
  const length = history.items.length;
  let ratingSum = 0;
  let liked = 0;
  const genreShare = new Float64Array(side.genreCount);
  let yearSum = 0;
  let yearSquares = 0;
  let yearCount = 0;
  for (let index = 0; index < length; index += 1) {
    const item = history.items[index];
    ratingSum += history.ratings[index];
    if (history.ratings[index] < likedRating) continue;
    liked += 1;
    for (let entry = side.genreStarts[item]; entry < side.genreStarts[item + 1]; entry += 1) genreShare[side.genres[entry]] += 1;
    const year = side.year[item];
    if (!Number.isNaN(year)) {
      yearSum += year;
      yearSquares += year * year;
      yearCount += 1;
    }
  }
  if (liked > 0) for (let genre = 0; genre < side.genreCount; genre += 1) genreShare[genre] /= liked;
  const meanYear = yearCount ? yearSum / yearCount : NaN;
  const yearSpread = yearCount ? Math.sqrt(Math.max(yearSquares / yearCount - meanYear * meanYear, 0)) + 1 : NaN;
  const sortedTimes = Float64Array.from(history.timestamps).sort();
  const userMedian = length ? sortedTimes[length >> 1] : NaN;
  const userLatest = length ? sortedTimes[length - 1] : NaN;
  const allNearLatest = countBetween(activity.allTimes, userLatest - window, userLatest + window);
  const allNearMedian = countBetween(activity.allTimes, userMedian - window, userMedian + window);

  const walsZ = poolStandardised(scores.wals, pool);
  const blendZ = poolStandardised(scores.blend, pool);
  const timelineZ = poolStandardised(scores.timelineAll, pool);
  const knnZ = poolStandardised(scores.itemKnn, pool);
  const rp3Z = poolStandardised(scores.rp3beta, pool);
  const walsRank = poolRanks(scores.wals, pool);
  const blendRank = poolRanks(scores.blend, pool);
  const years = (seconds: number) => seconds / SECONDS_PER_YEAR;

  pool.forEach((item, index) => {
    const itemTimes = activity.times.subarray(activity.timeStarts[item], activity.timeStarts[item + 1]);
    let genreAffinity = 0;
    const genreCount = side.genreStarts[item + 1] - side.genreStarts[item];
    for (let entry = side.genreStarts[item]; entry < side.genreStarts[item + 1]; entry += 1) genreAffinity += genreShare[side.genres[entry]];
    if (genreCount > 0) genreAffinity /= genreCount;
    const values = [
      scores.wals[item],
      walsZ[index],
      walsRank[index],
      scores.walsCosine[item],
      scores.blend[item],
      blendZ[index],
      blendRank[index],
      scores.timelineAll[item],
      timelineZ[index],
      scores.timelineLatest3[item],
      scores.timelineLatest10[item],
      scores.itemKnn[item],
      knnZ[index],
      scores.rp3beta[item],
      rp3Z[index],
      Math.log1p(activity.ratingCount[item]),
      Math.log1p(activity.likedCount[item]),
      activity.likeRate[item],
      activity.shrunkMean[item],
      side.year[item],
      genreAffinity,
      side.year[item] - meanYear,
      Math.abs(side.year[item] - meanYear) / yearSpread,
      Math.log1p(length),
      length ? ratingSum / length : NaN,
      length ? liked / length : NaN,
      meanYear,
      years(userMedian),
      years(userLatest),
      years(activity.medianTime[item]),
      years(activity.firstTime[item]),
      years(userLatest - activity.firstTime[item]),
      years(userMedian - activity.medianTime[item]),
      allNearLatest ? (1000 * countBetween(itemTimes, userLatest - window, userLatest + window)) / allNearLatest : 0,
      allNearMedian ? (1000 * countBetween(itemTimes, userMedian - window, userMedian + window)) / allNearMedian : 0,
    ];
    out.set(values, index * featureCount);
  });
  return out;
}
