/**
 * Features of a session's candidate pool for the served learned ranker (I/O-free).
 *
 * Only what serving has: the session's folded-in user vector and its likes (most recent first;
 * no star ratings, no timestamps), the pool and its served scores (cf-neighbours.ts
 * `sessionPool`), the item vectors and timeline co-occurrence neighbours of the bundle, and
 * per-item statistics the catalog build computes once from the interactions (counts, like rate,
 * mean rating, release year, genres, recent activity in the data). The catalog build trains on
 * these same functions, so training and serving cannot drift apart.
 */
import type { Item } from "../catalog/item";
import type { SessionPool } from "./cf-neighbours";
import type { ItemKnnModel } from "./item-knn";

/** Per-item statistics, one row of ITEM_STATISTIC_NAMES per item. */
export const ITEM_STATISTIC_NAMES = ["log ratings per 100k", "log likes per 100k", "like rate", "shrunk mean", "year", "log ratings in the data's last year per 100k", "vector norm"] as const;
export const ITEM_STATISTIC_COUNT = ITEM_STATISTIC_NAMES.length;

export const SESSION_RANKER_FEATURE_NAMES = [
  // The pool as served: WALS prediction and the timeline blend.
  "x·y",
  "x·y z",
  "x·y rank",
  "cosine(x, y)",
  "served score",
  "served rank",
  // Timeline co-occurrence from the session's latest likes.
  "timeline latest 1",
  "timeline latest 3",
  "timeline latest 10",
  "timeline latest 30",
  "timeline latest 100",
  // "People who loved X also loved" (co-liked-neighbours.ts) from the session's latest likes.
  "co-liked latest 10",
  "co-liked latest 100",
  // The taste of the latest likes alone (their own fold-in, without dislikes).
  "recent x·y",
  "recent cosine",
  // Item-item cosine to the latest likes.
  "cosine to latest like",
  "max cosine to latest 5",
  "mean cosine to latest 5",
  // The item (ITEM_STATISTIC_NAMES).
  ...ITEM_STATISTIC_NAMES,
  // The item against the session's likes.
  "genre affinity",
  "year − mean liked year",
  "|year gap| / liked year spread",
  "year − mean year of latest 5",
  // The session.
  "log session likes",
  "mean liked year",
  "|x|",
  // The session's dislikes.
  "timeline from dislikes",
  "max cosine to dislikes",
  "log session dislikes",
] as const;

export const SESSION_RANKER_FEATURE_COUNT = SESSION_RANKER_FEATURE_NAMES.length;

/** Likes that summarise a session (genres, years): the latest ones, so the cost stays bounded. */
const SUMMARY_LIKES = 50;
const TIMELINE_DEPTHS = [1, 3, 10, 30, 100] as const;
const CO_LIKED_DEPTHS = [10, 100] as const;
/** Likes folded in for the "recent taste" vector. */
const RECENT_TASTE_LIKES = 10;
const COSINE_LIKES = 5;
/** Genres beyond this many (by frequency) are not tracked; the catalog has 22. */
const MAX_GENRES = 31;

export interface SessionItemStatistics {
  itemCount: number;
  /** itemCount × ITEM_STATISTIC_COUNT, row-major. */
  values: Float32Array;
  /** Per item, bit g set when it has genre g (genres numbered by frequency, at most 31). */
  genreMasks: Int32Array;
}

/** Rating rows (any order). */
export interface RatingRows {
  items: ArrayLike<number>;
  ratings: ArrayLike<number>;
  timestamps: ArrayLike<number>;
}

export interface ItemStatisticsOptions {
  /** Ratings at or above this are likes (default 4). */
  likedRating?: number;
  /** Pseudo-ratings at the global mean that shrink small counts (default 10). */
  priorRatings?: number;
  /** Width of "the data's last year", in seconds before the latest timestamp (default 365 days). */
  recentSeconds?: number;
}

/** Counts are per this many ratings, so a ranker trained on a holdout's fewer rows reads the full data's counts on the same scale. */
const COUNT_SCALE = 100_000;

/**
 * Item statistics from rating rows: log counts of ratings and likes (per 100,000 ratings), like rate and mean rating
 * shrunk towards the global values, release year (NaN unknown), log ratings within the last
 * `recentSeconds` of the rows, and the norm of the item's CF vector; genre bit masks from the items.
 * @throws when the vectors do not hold `items.length` rows of `dimensions`
 */
export function sessionItemStatistics(
  rows: RatingRows,
  items: readonly Pick<Item, "year" | "genres">[],
  itemVectors: Float32Array,
  dimensions: number,
  options: ItemStatisticsOptions = {},
): SessionItemStatistics {
  const itemCount = items.length;
  if (itemVectors.length !== itemCount * dimensions) throw new Error(`sessionItemStatistics: ${itemVectors.length} vector values for ${itemCount} items of ${dimensions}`);
  const likedRating = options.likedRating ?? 4;
  const prior = options.priorRatings ?? 10;
  const recentSeconds = options.recentSeconds ?? 365 * 24 * 3600;
  const ratingCount = new Float64Array(itemCount);
  const likedCount = new Float64Array(itemCount);
  const ratingSum = new Float64Array(itemCount);
  const recentCount = new Float64Array(itemCount);
  let latest = -Infinity;
  for (let row = 0; row < rows.items.length; row += 1) latest = Math.max(latest, rows.timestamps[row]);
  let globalSum = 0;
  let globalLiked = 0;
  for (let row = 0; row < rows.items.length; row += 1) {
    const item = rows.items[row];
    const rating = rows.ratings[row];
    ratingCount[item] += 1;
    ratingSum[item] += rating;
    globalSum += rating;
    if (rating >= likedRating) {
      likedCount[item] += 1;
      globalLiked += 1;
    }
    if (rows.timestamps[row] >= latest - recentSeconds) recentCount[item] += 1;
  }
  const total = rows.items.length;
  const globalMean = total ? globalSum / total : 0;
  const globalLikeRate = total ? globalLiked / total : 0;
  const values = new Float32Array(itemCount * ITEM_STATISTIC_COUNT);
  const perScale = total ? COUNT_SCALE / total : 0;
  for (let item = 0; item < itemCount; item += 1) {
    let squares = 0;
    for (let column = 0; column < dimensions; column += 1) squares += itemVectors[item * dimensions + column] ** 2;
    values.set(
      [
        Math.log1p(ratingCount[item] * perScale),
        Math.log1p(likedCount[item] * perScale),
        (likedCount[item] + prior * globalLikeRate) / (ratingCount[item] + prior),
        (ratingSum[item] + prior * globalMean) / (ratingCount[item] + prior),
        items[item].year ?? NaN,
        Math.log1p(recentCount[item] * perScale),
        Math.sqrt(squares),
      ],
      item * ITEM_STATISTIC_COUNT,
    );
  }
  return { itemCount, values, genreMasks: genreMasks(items) };
}

/** Genre bit masks, genres numbered by frequency (ties by name) so the numbering is stable. */
function genreMasks(items: readonly Pick<Item, "genres">[]): Int32Array {
  const counts = new Map<string, number>();
  for (const item of items) for (const genre of item.genres) counts.set(genre, (counts.get(genre) ?? 0) + 1);
  const numbered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_GENRES);
  const bit = new Map(numbered.map(([genre], position) => [genre, position]));
  return Int32Array.from(items, (item) => item.genres.reduce((mask, genre) => (bit.has(genre) ? mask | (1 << bit.get(genre)!) : mask), 0));
}

/** What the features are computed from besides the pool and the session. */
export interface SessionFeatureResources {
  itemVectors: Float32Array;
  dimensions: number;
  timeline: ItemKnnModel;
  /** The served co-liked neighbour lists (co-liked-neighbours.ts); an empty model gives zeros. */
  coLiked: ItemKnnModel;
  statistics: SessionItemStatistics;
  /** The served fold-in (cf fold-in.ts) of likes alone, for the recent-taste vector. */
  foldInLikes: (liked: readonly number[]) => Float32Array;
}

/** The session: its folded-in vector and its likes, most recent first. */
export interface SessionInput {
  userVector: Float32Array;
  likedItems: readonly number[];
  /** The session's dislikes (any order; the first `SUMMARY_LIKES` are read). */
  dislikedItems?: readonly number[];
}

/**
 * Reusable per-caller scratch (an item-sized position map): serving calls this once per request,
 * so it is allocated once per resources, not per call.
 */
export class SessionFeatureScratch {
  readonly positions: Int32Array;
  constructor(itemCount: number) {
    this.positions = new Int32Array(itemCount).fill(-1);
  }
}

function standardised(values: ArrayLike<number>): Float64Array {
  const count = values.length;
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += values[index];
  const mean = count ? sum / count : 0;
  let squares = 0;
  for (let index = 0; index < count; index += 1) squares += (values[index] - mean) ** 2;
  const deviation = Math.sqrt(squares / Math.max(1, count)) || 1;
  return Float64Array.from(values, (value) => (value - mean) / deviation);
}

/** Rank (0 = best) of each entry by `values`, ties to the lower item index. */
function ranks(values: ArrayLike<number>, items: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, index) => index).sort((a, b) => values[b] - values[a] || items[a] - items[b]);
  const out = new Float64Array(values.length);
  order.forEach((index, rank) => (out[index] = rank));
  return out;
}

/**
 * Σ of `model`'s weights from the latest depths[d] likes to each pool item (positions: item →
 * pool row, −1 outside the pool), one array per depth; only the rows of the likes are read.
 */
function latestNeighbourScores(model: ItemKnnModel, likes: readonly number[], depths: readonly number[], positions: Int32Array, size: number): Float64Array[] {
  const scores = depths.map(() => new Float64Array(size));
  const deepest = Math.min(likes.length, depths[depths.length - 1]);
  for (let position = 0; position < deepest; position += 1) {
    const item = likes[position];
    for (let entry = model.starts[item]; entry < model.starts[item + 1]; entry += 1) {
      const row = positions[model.neighbourItems[entry]];
      if (row < 0) continue;
      const weight = model.similarities[entry];
      for (let depth = 0; depth < depths.length; depth += 1) if (position < depths[depth]) scores[depth][row] += weight;
    }
  }
  return scores;
}

/**
 * Feature rows (row-major, pool.items.length × SESSION_RANKER_FEATURE_COUNT) for a session's pool.
 * Cost: O(pool × (5 likes × dimensions + 300 trees later)) plus the timeline rows of the latest
 * 30 likes; a session with no likes gets NaN/zero session features (the trees send NaN left).
 */
export function sessionRankerFeatures(
  pool: SessionPool,
  session: SessionInput,
  resources: SessionFeatureResources,
  scratch: SessionFeatureScratch = new SessionFeatureScratch(resources.statistics.itemCount),
): Float32Array {
  const { itemVectors, dimensions, timeline, statistics } = resources;
  const size = pool.items.length;
  const width = SESSION_RANKER_FEATURE_COUNT;
  const out = new Float32Array(size * width);
  const likes = session.likedItems;
  const positions = scratch.positions;
  for (let row = 0; row < size; row += 1) positions[pool.items[row]] = row;
  try {
    const timelineScores = latestNeighbourScores(timeline, likes, TIMELINE_DEPTHS, positions, size);
    const coLikedScores = latestNeighbourScores(resources.coLiked, likes, CO_LIKED_DEPTHS, positions, size);
    const dislikes = (session.dislikedItems ?? []).slice(0, SUMMARY_LIKES);
    const [dislikeTimeline] = latestNeighbourScores(timeline, dislikes, [SUMMARY_LIKES], positions, size);

    // The latest likes' own taste: what the session wants now, apart from its older likes.
    const recent = likes.length > 0 ? resources.foldInLikes(likes.slice(0, RECENT_TASTE_LIKES)) : null;
    let recentNorm = 0;
    if (recent) for (let column = 0; column < dimensions; column += 1) recentNorm += recent[column] ** 2;
    recentNorm = Math.sqrt(recentNorm);

    // Session summaries from its latest likes.
    const summary = likes.slice(0, SUMMARY_LIKES);
    const genreShare = new Float64Array(32);
    let [yearSum, yearSquares, yearCount, recentYearSum, recentYearCount] = [0, 0, 0, 0, 0];
    summary.forEach((item, position) => {
      const mask = statistics.genreMasks[item];
      for (let genre = 0; genre < 32; genre += 1) if (mask & (1 << genre)) genreShare[genre] += 1;
      const year = statistics.values[item * ITEM_STATISTIC_COUNT + 4];
      if (Number.isNaN(year)) return;
      yearSum += year;
      yearSquares += year * year;
      yearCount += 1;
      if (position < COSINE_LIKES) {
        recentYearSum += year;
        recentYearCount += 1;
      }
    });
    if (summary.length > 0) for (let genre = 0; genre < 32; genre += 1) genreShare[genre] /= summary.length;
    const meanYear = yearCount ? yearSum / yearCount : NaN;
    const yearSpread = yearCount ? Math.sqrt(Math.max(yearSquares / yearCount - meanYear * meanYear, 0)) + 1 : NaN;
    const recentYear = recentYearCount ? recentYearSum / recentYearCount : NaN;
    let userNorm = 0;
    for (let column = 0; column < dimensions; column += 1) userNorm += session.userVector[column] ** 2;
    userNorm = Math.sqrt(userNorm);
    const norm = (item: number) => statistics.values[item * ITEM_STATISTIC_COUNT + 6];
    const cosineLikes = likes.slice(0, COSINE_LIKES);

    const dotZ = standardised(pool.dots);
    const dotRank = ranks(pool.dots, pool.items);
    for (let row = 0; row < size; row += 1) {
      const item = pool.items[row];
      const offset = item * dimensions;
      const itemNorm = norm(item) || 1;
      let [latestCosine, maxCosine, cosineSum] = [NaN, NaN, 0];
      cosineLikes.forEach((like, position) => {
        let dot = 0;
        const likeOffset = like * dimensions;
        for (let column = 0; column < dimensions; column += 1) dot += itemVectors[offset + column] * itemVectors[likeOffset + column];
        const cosine = dot / (itemNorm * (norm(like) || 1));
        if (position === 0) latestCosine = cosine;
        if (!(cosine <= maxCosine)) maxCosine = cosine;
        cosineSum += cosine;
      });
      const mask = statistics.genreMasks[item];
      let [affinity, genres] = [0, 0];
      for (let genre = 0; genre < 32; genre += 1) {
        if (!(mask & (1 << genre))) continue;
        affinity += genreShare[genre];
        genres += 1;
      }
      const year = statistics.values[item * ITEM_STATISTIC_COUNT + 4];
      const base = row * width;
      out[base] = pool.dots[row];
      out[base + 1] = dotZ[row];
      out[base + 2] = dotRank[row];
      out[base + 3] = userNorm > 0 ? pool.dots[row] / (userNorm * itemNorm) : 0;
      out[base + 4] = pool.scores[row];
      out[base + 5] = row; // the pool is sorted by the served score
      for (let depth = 0; depth < TIMELINE_DEPTHS.length; depth += 1) out[base + 6 + depth] = timelineScores[depth][row];
      out[base + 11] = coLikedScores[0][row];
      out[base + 12] = coLikedScores[1][row];
      let recentDot = NaN;
      if (recent) {
        recentDot = 0;
        for (let column = 0; column < dimensions; column += 1) recentDot += recent[column] * itemVectors[offset + column];
      }
      out[base + 13] = recentDot;
      out[base + 14] = recentNorm > 0 ? recentDot / (recentNorm * itemNorm) : NaN;
      out[base + 15] = latestCosine;
      out[base + 16] = maxCosine;
      out[base + 17] = cosineLikes.length ? cosineSum / cosineLikes.length : NaN;
      out.set(statistics.values.subarray(item * ITEM_STATISTIC_COUNT, (item + 1) * ITEM_STATISTIC_COUNT), base + 18);
      const after = base + 18 + ITEM_STATISTIC_COUNT;
      out[after] = genres ? affinity / genres : 0;
      out[after + 1] = year - meanYear;
      out[after + 2] = Math.abs(year - meanYear) / yearSpread;
      out[after + 3] = year - recentYear;
      out[after + 4] = Math.log1p(likes.length);
      out[after + 5] = meanYear;
      out[after + 6] = userNorm;
      let dislikeCosine = NaN;
      for (const dislike of dislikes.slice(0, COSINE_LIKES)) {
        let dot = 0;
        for (let column = 0; column < dimensions; column += 1) dot += itemVectors[offset + column] * itemVectors[dislike * dimensions + column];
        const cosine = dot / (itemNorm * (norm(dislike) || 1));
        if (!(cosine <= dislikeCosine)) dislikeCosine = cosine;
      }
      out[after + 7] = dislikeTimeline[row];
      out[after + 8] = dislikeCosine;
      out[after + 9] = Math.log1p((session.dislikedItems ?? []).length);
    }
  } finally {
    for (let row = 0; row < size; row += 1) positions[pool.items[row]] = -1;
  }
  return out;
}
