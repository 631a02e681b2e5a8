/**
 * How the served session ranker is trained (the catalog build and eval:cf run this same recipe).
 *
 * 1. Carve each person's latest `holdoutFraction` of ratings off as what comes next (a session
 *    predicts the next picks; the held-out ratings ≥ 4★ are the labels).
 * 2. Fit on the rest, exactly as the build fits the served models: WALS, timeline co-occurrence,
 *    item statistics. Nothing fitted here has seen a label.
 * 3. Turn each person into session-like inputs: their likes (most recent first, no stars, no
 *    timestamps) folded in as serving folds in a session, in the shapes of `sessions` (the whole
 *    history with dislikes, as eval:cf's served path scores it, and the latest few likes, as a
 *    live session has them).
 * 4. Build each session's pool as serving does (cf-neighbours.ts `sessionPool`, the shipped
 *    timeline blend), keep its best `depth` items, compute serving's features, label them.
 * 5. Fit boosted trees (deterministic: no sampling; WALS from a seeded generator).
 */
import type { Item } from "../catalog/item";
import { DEFAULT_MINIMUM_INDEXED_INTERACTIONS, gatherRows } from "./cf-item-vectors";
import { poolHead, sessionPool } from "./cf-neighbours";
import { concatenateFloat32 } from "./concatenate";
import { DEFAULT_CF_DIMENSIONS, DEFAULT_CF_TRAINING, feedbackMatrix, sessionStrengths, trainCfModel } from "./cf-training";
import { ExactVectorIndex } from "./exact-vector-index";
import { createFoldInContext, foldInUser, type FoldInContext } from "./fold-in";
import { DEFAULT_BOOSTING_OPTIONS, trainBoostedTrees, widenFeatures, type BoostedTrees, type BoostingOptions } from "./gradient-boosted-trees";
import { DEFAULT_CO_LIKED_OPTIONS, trainCoLikedNeighbours, type CoLikedOptions } from "./co-liked-neighbours";
import { createSeededRandom } from "./seeded-random";
import { SESSION_RANKER_FEATURE_COUNT, SessionFeatureScratch, sessionItemStatistics, sessionRankerFeatures, type SessionFeatureResources } from "./session-ranker-features";
import type { SessionRankerModel } from "./session-ranker";
import { temporalHoldoutMask } from "./temporal-holdout";
import { DEFAULT_TIMELINE_BLEND, DEFAULT_TIMELINE_OPTIONS, trainTimelineNeighbours } from "./timeline-neighbours";
import type { VectorIndex } from "./vector-index";

/** Rating rows grouped by person, in time order within a person (as `Interactions` stores them). */
export interface PersonRows {
  users: Int32Array;
  items: Int32Array;
  ratings: Float32Array;
  timestamps: Int32Array;
}

/** A session-like view of a person's history. */
export interface SessionShape {
  /** Latest likes kept (Infinity: all of them). */
  likes: number;
  /** Whether the person's dislikes (< 4★) are folded in too. */
  dislikes: boolean;
}

export interface SessionRankerTrainingOptions {
  /** Each person's latest share of ratings held out as labels (default 0.2). */
  holdoutFraction: number;
  /** Ratings at or above this are likes and positives (default 4). */
  likedRating: number;
  /** The shapes the main trees learn from. */
  sessions: readonly SessionShape[];
  /** A second set of trees for sessions of at most `maxLikes` likes, learnt from `sessions` shapes; null: one set for all. */
  short: { sessions: readonly SessionShape[]; maxLikes: number } | null;
  /** Items of each pool re-ranked (and trained on): the best `depth` by the served score. */
  depth: number;
  /** Feature columns the trees may use (default: all). */
  featureColumns: readonly number[] | null;
  boosting: BoostingOptions;
  dimensions: number;
  /** The co-liked lists' options: the ones the bundle's co-liked stage serves (catalog/co-liked-stage.ts). */
  coLiked: CoLikedOptions;
}

export const DEFAULT_SESSION_RANKER_TRAINING: SessionRankerTrainingOptions = {
  holdoutFraction: 0.2,
  likedRating: 4,
  sessions: [{ likes: Infinity, dislikes: true }],
  short: { sessions: [{ likes: 5, dislikes: false }], maxLikes: 10 },
  depth: 200,
  featureColumns: null,
  boosting: { ...DEFAULT_BOOSTING_OPTIONS, lambda: 100 },
  dimensions: DEFAULT_CF_DIMENSIONS,
  coLiked: DEFAULT_CO_LIKED_OPTIONS,
};

/** The timeline model exactly as the catalog build trains it (cf-stage.ts). */
const SERVED_TIMELINE_OPTIONS = { ...DEFAULT_TIMELINE_OPTIONS, minimumNeighbourRatings: DEFAULT_MINIMUM_INDEXED_INTERACTIONS };

/** The served models fitted on some rows: what a session's pool and features come from. */
export interface SessionModels extends SessionFeatureResources {
  foldIn: FoldInContext;
  /** Cosine index over items with ≥ DEFAULT_MINIMUM_INDEXED_INTERACTIONS ratings (exact search). */
  index: VectorIndex;
}

/**
 * WALS, timeline, co-liked lists (with the served `coLikedOptions`) and item statistics fitted on
 * `rows` as the catalog build fits them (WALS from a generator seeded with `seed`); cold-start
 * content vectors are skipped (no pool reaches them:
 * the index and the timeline hold items with ≥ 3 ratings only).
 */
export function fitSessionModels(
  rows: PersonRows,
  userCount: number,
  items: readonly Item[],
  seed: number,
  dimensions = DEFAULT_CF_DIMENSIONS,
  coLikedOptions: CoLikedOptions = DEFAULT_CO_LIKED_OPTIONS,
): SessionModels {
  const itemCount = items.length;
  const matrix = feedbackMatrix(userCount, itemCount, rows.users, rows.items, rows.ratings, DEFAULT_CF_TRAINING.strength);
  const wals = trainCfModel(matrix, createSeededRandom(seed), dimensions, DEFAULT_CF_TRAINING);
  const timeline = trainTimelineNeighbours(rows, itemCount, SERVED_TIMELINE_OPTIONS);
  const counts = new Int32Array(itemCount);
  for (const item of rows.items) counts[item] += 1;
  const strengths = sessionStrengths(DEFAULT_CF_TRAINING.strength);
  const foldIn = createFoldInContext(wals.itemFactors, dimensions, wals.regularization, strengths.liked, strengths.disliked, wals.missingWeights, (item) => counts[item] > 0);
  const indexed = [...counts.keys()].filter((item) => counts[item] >= DEFAULT_MINIMUM_INDEXED_INTERACTIONS);
  const index = new ExactVectorIndex(dimensions, "cos", Math.max(1, indexed.length));
  index.add(indexed, gatherRows(wals.itemFactors, dimensions, indexed));
  const statistics = sessionItemStatistics(rows, items, wals.itemFactors, dimensions);
  const coLiked = trainCoLikedNeighbours(rows, itemCount, coLikedOptions);
  return { itemVectors: wals.itemFactors, dimensions, timeline, coLiked, statistics, foldIn, index, foldInLikes: (liked) => foldInUser(foldIn, { liked }) };
}

/** Pools, features and labels of session-like inputs: one group per (person, session shape). */
export interface SessionRankerDataset {
  /** Person of each group. */
  users: Int32Array;
  /** Session shape (index into the options' `sessions`) of each group. */
  shapes: Int32Array;
  /** Group g's rows are groupStarts[g]..groupStarts[g+1], in served order. */
  groupStarts: Int32Array;
  items: Int32Array;
  features: Float32Array;
  labels: Uint8Array;
}

/** A person's likes (most recent first) and dislikes, from rows in time order. */
function personFeedback(rows: PersonRows, start: number, end: number, likedRating: number) {
  const liked: number[] = [];
  const disliked: number[] = [];
  for (let row = end - 1; row >= start; row -= 1) (rows.ratings[row] >= likedRating ? liked : disliked).push(rows.items[row]);
  return { liked, disliked };
}

/**
 * Session-like inputs for every person with a positive in `positives`: pools from `models`
 * (fitted on `rows`), features, and labels (1 = among the person's positives).
 * @param rows the history rows (grouped by person, time-ordered); a person's rows are excluded from their pool
 */
export function sessionRankerDataset(
  rows: PersonRows,
  userCount: number,
  positives: ReadonlyMap<number, ReadonlySet<number>>,
  models: SessionModels,
  options: Pick<SessionRankerTrainingOptions, "sessions" | "depth" | "likedRating"> = DEFAULT_SESSION_RANKER_TRAINING,
): SessionRankerDataset {
  const starts = new Int32Array(userCount + 1);
  for (const user of rows.users) starts[user + 1] += 1;
  for (let user = 0; user < userCount; user += 1) starts[user + 1] += starts[user];
  const scratch = new SessionFeatureScratch(models.statistics.itemCount);
  const [users, shapes, items, labels, groupStarts] = [[] as number[], [] as number[], [] as number[], [] as number[], [0]];
  const parts: Float32Array[] = [];
  for (const user of [...positives.keys()].sort((a, b) => a - b)) {
    const relevant = positives.get(user)!;
    const feedback = personFeedback(rows, starts[user], starts[user + 1], options.likedRating);
    const exclude = new Set(rows.items.subarray(starts[user], starts[user + 1]));
    options.sessions.forEach((shape, shapeIndex) => {
      const liked = feedback.liked.slice(0, shape.likes);
      if (liked.length === 0) return;
      const userVector = foldInUser(models.foldIn, { liked, disliked: shape.dislikes ? feedback.disliked : [] });
      const timeline = { model: models.timeline, weight: DEFAULT_TIMELINE_BLEND.weight, history: liked.slice(0, DEFAULT_TIMELINE_BLEND.historyLength) };
      const full = sessionPool(models.index, models.itemVectors, userVector, 20, { exclude, timeline });
      const pool = poolHead(full, Math.min(options.depth, full.items.length));
      if (pool.items.length === 0) return;
      parts.push(sessionRankerFeatures(pool, { userVector, likedItems: liked, dislikedItems: shape.dislikes ? feedback.disliked : [] }, models, scratch));
      for (const item of pool.items) {
        items.push(item);
        labels.push(relevant.has(item) ? 1 : 0);
      }
      users.push(user);
      shapes.push(shapeIndex);
      groupStarts.push(items.length);
    });
  }
  return {
    users: Int32Array.from(users),
    shapes: Int32Array.from(shapes),
    groupStarts: Int32Array.from(groupStarts),
    items: Int32Array.from(items),
    features: concatenateFloat32(parts),
    labels: Uint8Array.from(labels),
  };
}

/** The dataset's rows of `groups`, only `columns` of each row (all columns: null). */
export function datasetRows(dataset: SessionRankerDataset, groups: readonly number[], columns: readonly number[] | null) {
  const picked = columns ?? [...Array(SESSION_RANKER_FEATURE_COUNT).keys()];
  const width = picked.length;
  let count = 0;
  for (const group of groups) count += dataset.groupStarts[group + 1] - dataset.groupStarts[group];
  const features = new Float32Array(count * width);
  const labels = new Uint8Array(count);
  const groupStarts = new Int32Array(groups.length + 1);
  let out = 0;
  groups.forEach((group, position) => {
    for (let row = dataset.groupStarts[group]; row < dataset.groupStarts[group + 1]; row += 1, out += 1) {
      for (let column = 0; column < width; column += 1) features[out * width + column] = dataset.features[row * SESSION_RANKER_FEATURE_COUNT + picked[column]];
      labels[out] = dataset.labels[row];
    }
    groupStarts[position + 1] = out;
  });
  return { features, labels, width, columns: picked, groupStarts };
}

/** Trees fitted to the dataset's groups of the given shapes (indexes into its shape list), reading full-width rows. */
function fitSessionTrees(dataset: SessionRankerDataset, shapes: readonly number[], options: Pick<SessionRankerTrainingOptions, "boosting" | "featureColumns">): BoostedTrees {
  const groups = [...Array(dataset.users.length).keys()].filter((group) => shapes.includes(dataset.shapes[group]));
  const rows = datasetRows(dataset, groups, options.featureColumns);
  const trees = trainBoostedTrees(rows.features, rows.width, rows.labels, options.boosting, rows.groupStarts);
  return widenFeatures(trees, rows.columns, SESSION_RANKER_FEATURE_COUNT);
}

export interface SessionRankerTrainingReport {
  people: number;
  groups: number;
  rows: number;
  positives: number;
  seconds: { models: number; dataset: number; trees: number };
}

/**
 * The whole recipe on `rows` (every rating the ranker may learn from): carve, fit, build the
 * session-like dataset, fit the trees. Deterministic for a given `seed`.
 * @throws when no person has a held-out positive (nothing to learn from)
 */
export function trainSessionRanker(
  rows: PersonRows,
  userCount: number,
  items: readonly Item[],
  seed: number,
  options: SessionRankerTrainingOptions = DEFAULT_SESSION_RANKER_TRAINING,
): { model: SessionRankerModel; report: SessionRankerTrainingReport } {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = Math.round(now - mark) / 1000;
    mark = now;
    return seconds;
  };
  const heldOut = temporalHoldoutMask(rows.users, rows.timestamps, options.holdoutFraction);
  const kept = [...heldOut.keys()].filter((row) => !heldOut[row]);
  const history: PersonRows = {
    users: Int32Array.from(kept, (row) => rows.users[row]),
    items: Int32Array.from(kept, (row) => rows.items[row]),
    ratings: Float32Array.from(kept, (row) => rows.ratings[row]),
    timestamps: Int32Array.from(kept, (row) => rows.timestamps[row]),
  };
  const positives = new Map<number, Set<number>>();
  heldOut.forEach((isHeld, row) => {
    if (!isHeld || rows.ratings[row] < options.likedRating) return;
    const set = positives.get(rows.users[row]) ?? new Set<number>();
    set.add(rows.items[row]);
    positives.set(rows.users[row], set);
  });
  if (positives.size === 0) throw new Error("trainSessionRanker: no held-out rating ≥ the liked rating, nothing to learn from");
  const models = fitSessionModels(history, userCount, items, seed, options.dimensions, options.coLiked);
  const modelSeconds = lap();
  // One dataset for both sets of trees: the main shapes first, then the short ones.
  const shapes = [...options.sessions, ...(options.short?.sessions ?? [])];
  const dataset = sessionRankerDataset(history, userCount, positives, models, { ...options, sessions: shapes });
  const datasetSeconds = lap();
  const main = options.sessions.map((_, index) => index);
  const short = options.short ? options.short.sessions.map((_, index) => main.length + index) : [];
  const model: SessionRankerModel = {
    trees: fitSessionTrees(dataset, main, options),
    short: options.short ? { trees: fitSessionTrees(dataset, short, options), maxLikes: options.short.maxLikes } : null,
    depth: options.depth,
  };
  const treeSeconds = lap();
  return {
    model,
    report: {
      people: new Set(dataset.users).size,
      groups: dataset.users.length,
      rows: dataset.items.length,
      positives: dataset.labels.reduce((sum, label) => sum + label, 0),
      seconds: { models: modelSeconds, dataset: datasetSeconds, trees: treeSeconds },
    },
  };
}
