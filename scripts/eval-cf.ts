/**
 * eval:cf — offline evaluation of the collaborative-filtering models on ml-latest-small.
 *
 *   npm run eval:cf                 markdown tables
 *   npm run eval:cf -- --json       machine-readable results
 *   npm run eval:cf -- --tune       also print the WALS and RP3beta validation grids
 *
 * Protocol (docs/EVALUATION.md, "Collaborative filtering (eval:cf)"):
 * - Two splits of the 100,836 ratings, reported side by side:
 *   "random": per user, a seeded random 20 % of their ratings is held out (the usual protocol);
 *   "temporal": per user, their latest 20 % by timestamp is held out (harder, closer to serving).
 *   At least one rating per user is held out; the rest is training data.
 * - Positives: held-out ratings ≥ 4.0 stars. Users: every user with at least one positive.
 * - Candidates (same rule for every model): every item with at least one training rating, minus
 *   the user's own training items. Scores are ranked; ties go to the lower item index.
 * - Baseline variants (popularity of all ratings vs of ≥ 4 ratings; item-kNN history and
 *   neighbourhood size) are chosen on a validation split carved from the training data the same
 *   way (the last / a random 20 % of each user's training ratings), then refit on all training.
 * - Metrics averaged over users: Recall@K = hits@K / min(K, |positives|), NDCG@10 with binary
 *   gains, and catalog coverage@10 = distinct items in any top 10 / candidate items.
 * - RP3beta (α, β, neighbours), the WALS + RP3beta blend weight and the WALS + timeline blend
 *   (which of the user's ratings feed the timeline, and its weight) are chosen on the same
 *   validation split, then refit / applied once on all training data. The timeline
 *   co-occurrence model is trained exactly as the catalog build trains it; the "served path"
 *   rows score each user as serving scores a session, with the shipped blend settings.
 * - The GBDT re-ranker row re-orders a pool per user (top 200 of WALS ∪ top 200 of the WALS +
 *   timeline blend) with boosted trees over features of lib/retrieval/rerank-features.ts. The
 *   trees are trained on the validation split only (pools and features from the validation-
 *   training rows, labels = validation positives), then applied to pools and features built from
 *   all training rows. Its configuration was chosen on both validation splits, cross-fitted over
 *   users, by scripts/tune-gbdt-rerank.ts; training has no randomness.
 * - The "served path + session ranker" row is what serving does since issue 16: the served pool
 *   re-ordered by the session ranker (lib/retrieval/session-ranker*.ts), trained by the catalog
 *   build's own recipe on the split's training rows (their latest 20 % per person as labels, the
 *   served models refitted on the rest, session-like inputs, serving's features only). Its
 *   configuration was chosen on the validation splits by scripts/tune-session-ranker.ts. The
 *   paired NDCG@10 difference against today's served path is reported ± one standard error, and
 *   the same pair for a live session's shape (the latest 5 likes, no dislikes).
 * - Seeds: split 7, models 42.
 */
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { evaluationData, holdoutMasks, likedMatrix, POSITIVE_RATING, SPLIT_SEED, type EvaluationData, type SplitKind } from "./support/cf-splits";
import { trainBpr } from "../lib/retrieval/bpr";
import { DEFAULT_MINIMUM_INDEXED_INTERACTIONS, gatherRows } from "../lib/retrieval/cf-item-vectors";
import { recommendForUser } from "../lib/retrieval/cf-neighbours";
import { DEFAULT_CF_DIMENSIONS, DEFAULT_CF_TRAINING, feedbackMatrix, sessionStrengths, trainCfModel, type CfTrainingOptions } from "../lib/retrieval/cf-training";
import { createFoldInContext, foldInUser } from "../lib/retrieval/fold-in";
import { scoreItemKnn, trainItemKnn, type ItemKnnModel } from "../lib/retrieval/item-knn";
import { ndcgAtK, recallAtK, topKIndexes } from "../lib/retrieval/ranking-metrics";
import { trainRp3betaGrid, type Rp3betaOptions } from "../lib/retrieval/rp3beta";
import { blendStandardisedScores } from "../lib/retrieval/score-blend";
import { createSeededRandom } from "../lib/retrieval/seeded-random";
import { sparseFromTriples, type SparseMatrix } from "../lib/retrieval/sparse-matrix";
import { DEFAULT_TIMELINE_BLEND, DEFAULT_TIMELINE_OPTIONS, trainTimelineNeighbours } from "../lib/retrieval/timeline-neighbours";
import { DEFAULT_BOOSTING_OPTIONS, predictRows, trainBoostedTrees, type BoostingOptions } from "../lib/retrieval/gradient-boosted-trees";
import { RERANK_FEATURE_COUNT } from "../lib/retrieval/rerank-features";
import { itemSide, rerankDataset, selectRows, type RerankModels } from "./support/rerank-dataset";
import { pairedDifference } from "./support/paired-difference";
import { SessionRanker } from "../lib/retrieval/session-ranker";
import { sessionItemStatistics } from "../lib/retrieval/session-ranker-features";
import { DEFAULT_SESSION_RANKER_TRAINING, trainSessionRanker } from "../lib/retrieval/session-ranker-training";
import { trainCoLikedNeighbours } from "../lib/retrieval/co-liked-neighbours";
import { SERVED_CO_LIKED_OPTIONS } from "../catalog/co-liked-stage";
import type { Item } from "../lib/catalog/item";
import { UsearchVectorIndex } from "../lib/retrieval/usearch-vector-index";
import type { Interactions } from "../lib/catalog/interactions";
import { describeRun, runContext } from "./support/run-context";

const MODEL_SEED = 42;
const KNN_NEIGHBOUR_COUNTS = [20, 50, 100, Infinity];
// RP3beta validation grid (history = liked items). A wider exploration on both validation splits
// (α ∈ 0.25…1.25, β ∈ 0…0.7, k ∈ 25…800, every rated item or rating-weighted history, recency-
// weighted history) found nothing better outside this box: every rated item as history was
// clearly worse (0.163 vs 0.187 random), α ≥ 1, β < 0.3 and k < 200 lost ≥ 0.005.
const RP3BETA_ALPHAS = [0.25, 0.5, 0.75];
const RP3BETA_BETAS = [0.3, 0.4, 0.5, 0.6];
const RP3BETA_NEIGHBOUR_COUNTS = [200, 400, 800];
// Weight of standardised RP3beta scores next to standardised WALS scores (weight 1).
const BLEND_WEIGHTS = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3];
// Weight of standardised timeline co-occurrence scores next to standardised WALS scores, and
// which of the user's ratings feed the timeline: every rated item, or only the latest n.
const TIMELINE_BLEND_WEIGHTS = [0, 0.25, 0.5, 0.75, 1, 1.5];
const TIMELINE_HISTORY_LENGTHS = [Infinity, 3, 5, 10];
// The timeline model exactly as the catalog build trains it (cf-stage.ts).
const TIMELINE_OPTIONS = { ...DEFAULT_TIMELINE_OPTIONS, minimumNeighbourRatings: DEFAULT_MINIMUM_INDEXED_INTERACTIONS };
// The GBDT re-ranker of the WALS + timeline blend, as chosen on both validation splits by
// scripts/tune-gbdt-rerank.ts (cross-fitted over validation users; docs/EVALUATION.md).
const GBDT_RERANK_OPTIONS: BoostingOptions = { ...DEFAULT_BOOSTING_OPTIONS, lambda: 100 };
const GBDT_RERANK_POOL = 200;
// The served-path rows for a live session's shape: the latest few likes, no dislikes.
const SHORT_SESSION_LIKES = 5;

interface Metrics {
  recallAt10: number;
  recallAt20: number;
  ndcgAt10: number;
  coverageAt10: number;
}

interface ModelResult extends Metrics {
  model: string;
  variant: string;
  trainSeconds: number;
}

/**
 * Ranks with `score` (writes all item scores for a user) and averages the metrics over users;
 * `ndcgPerUser`, when given, receives each user's NDCG@10 (in `data.positives` order).
 */
function evaluate(data: EvaluationData, score: (user: number, scores: Float32Array) => void, ndcgPerUser?: number[]): Metrics {
  const scores = new Float32Array(data.itemCount);
  const covered = new Set<number>();
  let recallAt10 = 0;
  let recallAt20 = 0;
  let ndcgAt10 = 0;
  for (const [user, relevant] of data.positives) {
    score(user, scores);
    for (let item = 0; item < data.itemCount; item += 1) if (!data.candidate[item]) scores[item] = -Infinity;
    for (let entry = data.binary.rowStarts[user]; entry < data.binary.rowStarts[user + 1]; entry += 1) scores[data.binary.columns[entry]] = -Infinity;
    const ranked = topKIndexes(scores, 20);
    recallAt10 += recallAtK(ranked, relevant, 10);
    recallAt20 += recallAtK(ranked, relevant, 20);
    const ndcg = ndcgAtK(ranked, relevant, 10);
    ndcgAt10 += ndcg;
    ndcgPerUser?.push(ndcg);
    for (const item of ranked.slice(0, 10)) covered.add(item);
  }
  const users = data.positives.size;
  return { recallAt10: recallAt10 / users, recallAt20: recallAt20 / users, ndcgAt10: ndcgAt10 / users, coverageAt10: covered.size / data.candidateCount };
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, (performance.now() - started) / 1000];
}

const userHistory = (matrix: SparseMatrix, user: number) => matrix.columns.subarray(matrix.rowStarts[user], matrix.rowStarts[user + 1]);

/** Popularity variants: how many training ratings / how many ≥ 4 ratings an item has. */
function popularityScores(data: EvaluationData, likedOnly: boolean): Float32Array {
  const counts = new Float32Array(data.itemCount);
  data.train.items.forEach((item, row) => {
    if (!likedOnly || data.train.ratings[row] >= POSITIVE_RATING) counts[item] += 1;
  });
  return counts;
}

interface KnnVariant {
  likedOnly: boolean;
  neighbourCount: number;
}

const knnName = (variant: KnnVariant) => `${variant.likedOnly ? "history ≥ 4★" : "all history"}, k = ${Number.isFinite(variant.neighbourCount) ? variant.neighbourCount : "all"}`;

/** Item-kNN on either every training rating or only the liked (≥ 4) ones, as binary interactions. */
function knnRanker(data: EvaluationData, variant: KnnVariant): (user: number, scores: Float32Array) => void {
  const keep = data.train.ratings.map((rating) => (!variant.likedOnly || rating >= POSITIVE_RATING ? 1 : 0));
  const rows = [...keep.keys()].filter((row) => keep[row]);
  const matrix = sparseFromTriples(
    data.binary.rowCount,
    data.itemCount,
    rows.map((row) => data.train.users[row]),
    rows.map((row) => data.train.items[row]),
    new Float32Array(rows.length).fill(1),
  );
  const model = trainItemKnn(matrix, variant.neighbourCount);
  return (user, scores) => scoreItemKnn(model, userHistory(matrix, user), scores);
}

const rp3betaName = (options: Rp3betaOptions) => `α=${options.alpha}, β=${options.beta}, k=${options.neighbourCount}, history ≥ 4★`;

/** Picks RP3beta's α, β and neighbour count on validation; returns the grid too. */
function tuneRp3beta(data: EvaluationData) {
  const liked = likedMatrix(data);
  const grid: Array<{ variant: string; ndcgAt10: number }> = [];
  let best: Rp3betaOptions = { alpha: 1, beta: 0.5, neighbourCount: 100 };
  let bestNdcg = -1;
  for (const alpha of RP3BETA_ALPHAS) {
    const models = trainRp3betaGrid(liked, alpha, RP3BETA_BETAS, RP3BETA_NEIGHBOUR_COUNTS);
    RP3BETA_BETAS.forEach((beta, betaIndex) =>
      RP3BETA_NEIGHBOUR_COUNTS.forEach((neighbourCount, countIndex) => {
        const options = { alpha, beta, neighbourCount };
        const model = models[betaIndex][countIndex];
        const { ndcgAt10 } = evaluate(data, (user, scores) => scoreItemKnn(model, userHistory(liked, user), scores));
        grid.push({ variant: rp3betaName(options), ndcgAt10 });
        if (ndcgAt10 > bestNdcg) [best, bestNdcg] = [options, ndcgAt10];
      }),
    );
  }
  return { best, grid };
}

type Scorer = (user: number, scores: Float32Array) => void;

/**
 * WALS x·y and a second model's scores (RP3beta, timeline co-occurrence), each standardised per
 * user over that user's candidates, summed with weights 1 and `weight`.
 */
function blendRanker(data: EvaluationData, wals: { userFactors: Float32Array; itemFactors: Float32Array; dimensions: number }, second: Scorer, weight: number): Scorer {
  const walsScores = new Float32Array(data.itemCount);
  const secondScores = new Float32Array(data.itemCount);
  const eligible = new Uint8Array(data.itemCount);
  const dot = dotRanker(wals.userFactors, wals.itemFactors, wals.dimensions);
  return (user: number, scores: Float32Array) => {
    eligible.set(data.candidate);
    for (const item of userHistory(data.binary, user)) eligible[item] = 0;
    dot(user, walsScores);
    if (weight !== 0) second(user, secondScores);
    blendStandardisedScores([walsScores, secondScores], [1, weight], eligible, scores);
  };
}

const historyName = (length: number) => (Number.isFinite(length) ? `latest ${length} rated items` : "every rated item");

/** Each user's training items in time order (the rows are grouped by user and time-ordered). */
function timelinesOf(data: EvaluationData, likedOnly = false): Map<number, number[]> {
  const timelines = new Map<number, number[]>();
  data.train.users.forEach((user, row) => {
    if (likedOnly && data.train.ratings[row] < POSITIVE_RATING) return;
    const items = timelines.get(user) ?? [];
    items.push(data.train.items[row]);
    timelines.set(user, items);
  });
  return timelines;
}

/** The timeline model, scored from every training item of the user or from their latest `historyLength`. */
function timelineScorer(timelines: Map<number, number[]>, model: ItemKnnModel, historyLength: number): Scorer {
  return (user, scores) => scoreItemKnn(model, (timelines.get(user) ?? []).slice(-historyLength), scores);
}

/** Picks the timeline history and blend weight with the best validation NDCG@10 (ties: the first listed); returns the validation timeline model too. */
function tuneTimelineBlend(data: EvaluationData, wals: Parameters<typeof blendRanker>[1]) {
  const model = trainTimelineNeighbours(data.train, data.itemCount, TIMELINE_OPTIONS);
  const timelines = timelinesOf(data);
  const grid: Array<{ variant: string; ndcgAt10: number; historyLength: number; weight: number }> = [];
  for (const historyLength of TIMELINE_HISTORY_LENGTHS) {
    const scorer = timelineScorer(timelines, model, historyLength);
    for (const weight of TIMELINE_BLEND_WEIGHTS) {
      if (weight === 0 && grid.length > 0) continue; // weight 0 is WALS alone, whatever the history
      grid.push({ variant: `z(WALS) + ${weight}·z(timeline of ${historyName(historyLength)})`, ndcgAt10: evaluate(data, blendRanker(data, wals, scorer, weight)).ndcgAt10, historyLength, weight });
    }
  }
  const best = grid.reduce((chosen, row) => (row.ndcgAt10 > chosen.ndcgAt10 ? row : chosen), grid[0]);
  return { best: { historyLength: best.historyLength, weight: best.weight }, grid: grid.map(({ variant, ndcgAt10 }) => ({ variant, ndcgAt10 })), model };
}

/** Picks the weight with the best validation NDCG@10; ties keep the smaller weight (listed first). */
function pickWeight(data: EvaluationData, weights: readonly number[], name: string, ranker: (weight: number) => Scorer) {
  const grid = weights.map((weight) => ({ variant: `z(WALS) + ${weight}·z(${name})`, ndcgAt10: evaluate(data, ranker(weight)).ndcgAt10 }));
  const best = weights[grid.reduce((bestIndex, row, index) => (row.ndcgAt10 > grid[bestIndex].ndcgAt10 ? index : bestIndex), 0)];
  return { best, grid };
}

function dotRanker(userFactors: Float32Array, itemFactors: Float32Array, dimensions: number, itemBiases?: Float32Array) {
  return (user: number, scores: Float32Array) => {
    const offset = user * dimensions;
    for (let item = 0; item < scores.length; item += 1) {
      let sum = itemBiases ? itemBiases[item] : 0;
      const itemOffset = item * dimensions;
      for (let column = 0; column < dimensions; column += 1) sum += userFactors[offset + column] * itemFactors[itemOffset + column];
      scores[item] = sum;
    }
  };
}

function trainWals(data: EvaluationData, userCount: number, options: CfTrainingOptions = DEFAULT_CF_TRAINING) {
  const matrix = feedbackMatrix(userCount, data.itemCount, data.train.users, data.train.items, data.train.ratings, options.strength);
  return timed(() => trainCfModel(matrix, createSeededRandom(MODEL_SEED), DEFAULT_CF_DIMENSIONS, options));
}

interface SplitReport {
  split: SplitKind;
  users: number;
  trainRatings: number;
  candidateItems: number;
  results: ModelResult[];
  /** Paired NDCG@10 differences over the same users (model − baseline), ± one standard error. */
  paired: Array<{ model: string; baseline: string; mean: number; standardError: number; better: number; worse: number; users: number }>;
  validation: {
    popularity: string;
    itemKnn: string;
    rp3beta: string;
    blendWeight: number;
    timeline: string;
    grid?: Array<{ variant: string; ndcgAt10: number }>;
    rp3betaGrid?: Array<{ variant: string; ndcgAt10: number }>;
    blendGrid: Array<{ variant: string; ndcgAt10: number }>;
    timelineGrid: Array<{ variant: string; ndcgAt10: number }>;
  };
}

function runSplit(interactions: Interactions, items: readonly Item[], kind: SplitKind, tune: boolean, log: (line: string) => void): SplitReport {
  const itemCount = items.length;
  const side = itemSide(items);
  const masks = holdoutMasks(interactions, kind);
  const validationData = evaluationData(interactions, itemCount, masks.trainInner, masks.validation);
  const data = evaluationData(interactions, itemCount, masks.trainAll, masks.test);
  log(`[${kind}] ${data.train.users.length} training ratings, ${data.positives.size} users with positives, ${data.candidateCount} candidate items`);

  // Baseline variants chosen on validation.
  const popularityLikedOnly =
    evaluate(validationData, (_user, scores) => scores.set(popularityScores(validationData, true))).ndcgAt10 >
    evaluate(validationData, (_user, scores) => scores.set(popularityScores(validationData, false))).ndcgAt10;
  let bestKnn: KnnVariant = { likedOnly: false, neighbourCount: 100 };
  let bestKnnNdcg = -1;
  for (const likedOnly of [false, true]) {
    for (const neighbourCount of KNN_NEIGHBOUR_COUNTS) {
      const variant = { likedOnly, neighbourCount };
      const { ndcgAt10 } = evaluate(validationData, knnRanker(validationData, variant));
      if (ndcgAt10 > bestKnnNdcg) [bestKnn, bestKnnNdcg] = [variant, ndcgAt10];
    }
  }
  log(`[${kind}] validation picked popularity of ${popularityLikedOnly ? "≥ 4 ratings" : "all ratings"}, item-kNN ${knnName(bestKnn)}`);

  // RP3beta parameters, then the WALS + RP3beta blend weight, on validation.
  const rp3betaTuning = tuneRp3beta(validationData);
  log(`[${kind}] validation picked RP3beta ${rp3betaName(rp3betaTuning.best)}`);
  const validationLiked = likedMatrix(validationData);
  const validationRp3beta = trainRp3betaGrid(validationLiked, rp3betaTuning.best.alpha, [rp3betaTuning.best.beta], [rp3betaTuning.best.neighbourCount])[0][0];
  const [validationWals] = trainWals(validationData, interactions.userCount);
  const rp3betaBlend = pickWeight(validationData, BLEND_WEIGHTS, "RP3beta", (weight) =>
    blendRanker(validationData, validationWals, (user, scores) => scoreItemKnn(validationRp3beta, userHistory(validationLiked, user), scores), weight),
  );
  const blendWeight = rp3betaBlend.best;
  const blendGrid = rp3betaBlend.grid;
  log(`[${kind}] validation picked RP3beta blend weight ${blendWeight} (${blendGrid.map((row) => row.ndcgAt10.toFixed(4)).join(", ")})`);
  const timelineBlend = tuneTimelineBlend(validationData, validationWals);
  const { historyLength, weight: timelineWeight } = timelineBlend.best;
  log(`[${kind}] validation picked timeline of ${historyName(historyLength)}, weight ${timelineWeight} (${timelineBlend.grid.map((row) => row.ndcgAt10.toFixed(4)).join(", ")})`);

  let grid: Array<{ variant: string; ndcgAt10: number }> | undefined;
  if (tune) {
    grid = [];
    for (const regularization of [20, 50, 80]) {
      for (const [alpha, dislikeBelow, dislikeWeight] of [
        [10, null, 1],
        [10, 4, 0.25],
        [10, 4, 1],
        [20, 4, 0.25],
        [5, 4, 0.25],
      ] as const) {
        const options: CfTrainingOptions = {
          strength: { alpha, dislikeBelow, weighting: "rating", dislikeWeight },
          als: { ...DEFAULT_CF_TRAINING.als, regularization },
        };
        const [model] = trainWals(validationData, interactions.userCount, options);
        const { ndcgAt10 } = evaluate(validationData, dotRanker(model.userFactors, model.itemFactors, model.dimensions));
        const variant = `λ=${regularization} α=${alpha} dislikes ${dislikeBelow === null ? "off" : `< ${dislikeBelow}★ ×${dislikeWeight}`}`;
        grid.push({ variant, ndcgAt10 });
        log(`[${kind}] validation WALS ${variant}: NDCG@10 ${ndcgAt10.toFixed(4)}`);
      }
    }
  }

  const results: ModelResult[] = [];
  const add = (model: string, variant: string, trainSeconds: number, metrics: Metrics) => {
    results.push({ model, variant, trainSeconds: Math.round(trainSeconds * 100) / 100, ...metrics });
    log(`[${kind}] ${model}: NDCG@10 ${metrics.ndcgAt10.toFixed(4)}`);
  };

  const [popularity, popularitySeconds] = timed(() => popularityScores(data, popularityLikedOnly));
  add(
    "Popularity",
    popularityLikedOnly ? "count of ≥ 4 ratings" : "count of ratings",
    popularitySeconds,
    evaluate(data, (_user, scores) => scores.set(popularity)),
  );

  const [knn, knnSeconds] = timed(() => knnRanker(data, bestKnn));
  add("Item-kNN (cosine)", knnName(bestKnn), knnSeconds, evaluate(data, knn));

  const bprMatrix = sparseFromTriples(
    interactions.userCount,
    itemCount,
    data.train.users,
    data.train.items,
    data.train.ratings.map((rating) => (rating >= POSITIVE_RATING ? 1 : -1)),
  );
  const [bpr, bprSeconds] = timed(() => trainBpr(bprMatrix, { dimensions: DEFAULT_CF_DIMENSIONS }, createSeededRandom(MODEL_SEED)));
  add("BPR", `${DEFAULT_CF_DIMENSIONS}-d, positives ≥ 4★, 60 epochs`, bprSeconds, evaluate(data, dotRanker(bpr.userFactors, bpr.itemFactors, bpr.dimensions, bpr.itemBiases)));

  const [wals, walsSeconds] = trainWals(data, interactions.userCount);
  const { strength, als } = DEFAULT_CF_TRAINING;
  const walsVariant = `${wals.dimensions}-d, λ=${als.regularization}, α=${strength.alpha}, dislikes < ${strength.dislikeBelow}★ ×${strength.dislikeWeight}, ${als.iterations} iterations`;
  add("WALS", walsVariant, walsSeconds, evaluate(data, dotRanker(wals.userFactors, wals.itemFactors, wals.dimensions)));

  const liked = likedMatrix(data);
  const [rp3beta, rp3betaSeconds] = timed(() => trainRp3betaGrid(liked, rp3betaTuning.best.alpha, [rp3betaTuning.best.beta], [rp3betaTuning.best.neighbourCount])[0][0]);
  add(
    "RP3beta",
    rp3betaName(rp3betaTuning.best),
    rp3betaSeconds,
    evaluate(data, (user, scores) => scoreItemKnn(rp3beta, userHistory(liked, user), scores)),
  );
  add(
    "WALS + RP3beta blend",
    `z(WALS) + ${blendWeight}·z(RP3beta), per-user standardised over candidates`,
    walsSeconds + rp3betaSeconds,
    evaluate(
      data,
      blendRanker(data, wals, (user, scores) => scoreItemKnn(rp3beta, userHistory(liked, user), scores), blendWeight),
    ),
  );
  const [timelineModel, timelineSeconds] = timed(() => trainTimelineNeighbours(data.train, data.itemCount, TIMELINE_OPTIONS));
  const timeline = timelineScorer(timelinesOf(data), timelineModel, historyLength);
  const timelineVariant = `window ${TIMELINE_OPTIONS.window}, decay ${TIMELINE_OPTIONS.decay}, β=${TIMELINE_OPTIONS.popularityExponent}, k=${TIMELINE_OPTIONS.neighbourCount}, pair weight ≥ ${TIMELINE_OPTIONS.minimumPairWeight}, neighbours ≥ ${TIMELINE_OPTIONS.minimumNeighbourRatings} ratings, same-second ties in hashed order; history = ${historyName(historyLength)}`;
  add("Timeline co-occurrence", timelineVariant, timelineSeconds, evaluate(data, timeline));
  add(
    "WALS + timeline blend",
    `z(WALS) + ${timelineWeight}·z(timeline of ${historyName(historyLength)}), per-user standardised over candidates`,
    walsSeconds + timelineSeconds,
    evaluate(data, blendRanker(data, wals, timeline, timelineWeight)),
  );

  // GBDT re-ranker: trees trained on the validation split (pools and features from the
  // validation-training rows, labels = validation positives, every validation user), then applied
  // to pools and features built from all training rows.
  const [rerank, rerankSeconds] = timed(() => {
    const blend = { historyLength, weight: timelineWeight };
    const validationModels: RerankModels = { wals: validationWals, timeline: timelineBlend.model, rp3beta: validationRp3beta, blend };
    const validationSet = rerankDataset(validationData, validationModels, side, GBDT_RERANK_POOL);
    const allFeatures = [...Array(RERANK_FEATURE_COUNT).keys()];
    const trainRows = selectRows(
      validationSet,
      validationSet.users.map((_, group) => group),
      allFeatures,
    );
    const trees = trainBoostedTrees(trainRows.features, trainRows.width, trainRows.labels, GBDT_RERANK_OPTIONS, trainRows.groupStarts);
    const testSet = rerankDataset(data, { wals, timeline: timelineModel, rp3beta, blend }, side, GBDT_RERANK_POOL);
    const predicted = predictRows(trees, testSet.features);
    const byUser = new Map<number, { items: Int32Array; scores: Float64Array }>();
    testSet.users.forEach((user, group) => {
      const [start, end] = [testSet.groupStarts[group], testSet.groupStarts[group + 1]];
      byUser.set(user, { items: testSet.items.subarray(start, end), scores: predicted.subarray(start, end) });
    });
    return byUser;
  });
  const gbdt = GBDT_RERANK_OPTIONS;
  add(
    "WALS + timeline + GBDT re-ranker",
    `pool = top ${GBDT_RERANK_POOL} of WALS ∪ of the blend, re-ranked by ${gbdt.rounds} ${gbdt.objective === "logistic" ? "logistic" : "LambdaRank"} trees (≤ ${gbdt.maxLeaves} leaves, ≥ ${gbdt.minRowsPerLeaf} rows, λ=${gbdt.lambda}, shrinkage ${gbdt.shrinkage}, ${gbdt.maxBins} bins) over ${RERANK_FEATURE_COUNT} features, trained on validation`,
    walsSeconds + timelineSeconds + rerankSeconds,
    evaluate(data, (user, scores) => {
      scores.fill(-1e9); // below every pool item; the pool (≥ 200 items) fills the top 20
      const entry = rerank.get(user);
      entry?.items.forEach((item, index) => (scores[item] = entry.scores[index]));
    }),
  );

  // The serving path: each user folded in from their training likes/dislikes, then the cosine
  // usearch index (items with ≥ 3 training ratings, top 200) re-ranked by x·y, exactly as
  // loadCfArtifacts().recommendForUser does.
  const [served, servedSeconds] = timed(() => {
    const index = UsearchVectorIndex.create(wals.dimensions, { metric: "cos", addThreads: 1 });
    const counts = new Int32Array(itemCount);
    for (const item of data.train.items) counts[item] += 1;
    const indexed = [...counts.keys()].filter((item) => counts[item] >= DEFAULT_MINIMUM_INDEXED_INTERACTIONS);
    index.add(indexed, gatherRows(wals.itemFactors, wals.dimensions, indexed));
    const strengths = sessionStrengths(strength);
    const context = createFoldInContext(wals.itemFactors, wals.dimensions, wals.regularization, strengths.liked, strengths.disliked, wals.missingWeights, (item) => data.candidate[item] === 1);
    return { index, context };
  });
  const likes = new Map<number, { liked: number[]; disliked: number[] }>();
  data.train.users.forEach((user, row) => {
    const entry = likes.get(user) ?? { liked: [], disliked: [] };
    (data.train.ratings[row] >= POSITIVE_RATING ? entry.liked : entry.disliked).push(data.train.items[row]);
    likes.set(user, entry);
  });
  // Serving scores a session: its likes, most recent first, with the shipped blend settings.
  const likedTimelines = timelinesOf(data, true);
  const servedRanker =
    (withTimeline: boolean): Scorer =>
    (user, scores) => {
      scores.fill(-Infinity);
      const feedback = likes.get(user) ?? { liked: [], disliked: [] };
      const userVector = foldInUser(served.context, feedback);
      const exclude = new Set(userHistory(data.binary, user));
      const history = (likedTimelines.get(user) ?? []).slice(-DEFAULT_TIMELINE_BLEND.historyLength).reverse();
      const blend = withTimeline ? { model: timelineModel, weight: DEFAULT_TIMELINE_BLEND.weight, history } : undefined;
      recommendForUser(served.index, wals.itemFactors, userVector, 20, { exclude, timeline: blend }).forEach(({ itemIndex }, position) => {
        scores[itemIndex] = 20 - position;
      });
    };
  add("WALS served path", "fold-in of training likes/dislikes → usearch cosine top 200 (items ≥ 3 ratings) → x·y", servedSeconds, evaluate(data, servedRanker(false)));
  const servedNdcg: number[] = [];
  add(
    "WALS + timeline served path",
    `as above, pool ∪ the 200 strongest timeline neighbours of the latest ${DEFAULT_TIMELINE_BLEND.historyLength} likes, z(x·y) + ${DEFAULT_TIMELINE_BLEND.weight}·z(timeline) over the pool (shipped settings)`,
    servedSeconds,
    evaluate(data, servedRanker(true), servedNdcg),
  );

  // The served session ranker: trained by the catalog build's own recipe on this split's
  // training rows (it carves their latest 20 % per person as labels and refits the served models
  // on the rest), then re-ordering the served pool of every user from serving's features.
  const [sessionRanker, rankerSeconds] = timed(() => {
    const { model, report } = trainSessionRanker(data.train, interactions.userCount, items, MODEL_SEED, { ...DEFAULT_SESSION_RANKER_TRAINING, coLiked: SERVED_CO_LIKED_OPTIONS });
    log(
      `[${kind}] session ranker: ${report.rows} rows of ${report.groups} session-like inputs, ${report.positives} positives (models ${report.seconds.models} s, dataset ${report.seconds.dataset} s, trees ${report.seconds.trees} s)`,
    );
    const statistics = sessionItemStatistics(data.train, items, wals.itemFactors, wals.dimensions);
    const coLiked = trainCoLikedNeighbours(data.train, itemCount, SERVED_CO_LIKED_OPTIONS);
    return new SessionRanker(model, {
      itemVectors: wals.itemFactors,
      dimensions: wals.dimensions,
      timeline: timelineModel,
      coLiked,
      statistics,
      foldInLikes: (liked) => foldInUser(served.context, { liked }),
    });
  });
  const rankedRanker =
    (latestLikes: number | null, withRanker: boolean): Scorer =>
    (user, scores) => {
      scores.fill(-Infinity);
      const feedback = likes.get(user) ?? { liked: [], disliked: [] };
      // Most recent first, as sessions store them; a live session: its latest likes alone, no
      // dislikes; otherwise the whole history, as the served-path row above.
      const likedItems = [...feedback.liked].reverse().slice(0, latestLikes ?? Infinity);
      const dislikedItems = latestLikes === null ? [...feedback.disliked].reverse() : [];
      const userVector = foldInUser(served.context, { liked: likedItems, disliked: dislikedItems });
      const exclude = new Set(userHistory(data.binary, user));
      const blend = { model: timelineModel, weight: DEFAULT_TIMELINE_BLEND.weight, history: likedItems.slice(0, DEFAULT_TIMELINE_BLEND.historyLength) };
      const reranker = withRanker ? { model: sessionRanker, likedItems, dislikedItems } : undefined;
      recommendForUser(served.index, wals.itemFactors, userVector, 20, { exclude, timeline: blend, reranker }).forEach(({ itemIndex }, position) => {
        scores[itemIndex] = 20 - position;
      });
    };
  const training = DEFAULT_SESSION_RANKER_TRAINING;
  const rankerNdcg: number[] = [];
  add(
    "WALS + timeline served path + session ranker",
    `as above, the pool's best ${sessionRanker.depth} re-ordered by ${training.boosting.rounds} logistic trees (λ=${training.boosting.lambda}) over ${sessionRanker.model.trees.featureCount} serving features, trained by the catalog build's recipe on the training rows (latest 20 % per person as labels)`,
    servedSeconds + rankerSeconds,
    evaluate(data, rankedRanker(null, true), rankerNdcg),
  );
  const shortServedNdcg: number[] = [];
  const shortRankerNdcg: number[] = [];
  add(
    "Served path, 5-like session",
    `the latest ${SHORT_SESSION_LIKES} training likes only (no dislikes), today's served order`,
    servedSeconds,
    evaluate(data, rankedRanker(SHORT_SESSION_LIKES, false), shortServedNdcg),
  );
  add(
    "Served path, 5-like session + session ranker",
    `the same sessions re-ordered by the session ranker`,
    servedSeconds + rankerSeconds,
    evaluate(data, rankedRanker(SHORT_SESSION_LIKES, true), shortRankerNdcg),
  );
  const paired = [
    { model: "WALS + timeline served path + session ranker", baseline: "WALS + timeline served path", ...pairedDifference(rankerNdcg, servedNdcg) },
    { model: "Served path, 5-like session + session ranker", baseline: "Served path, 5-like session", ...pairedDifference(shortRankerNdcg, shortServedNdcg) },
  ].map(({ count, ...rest }) => ({ ...rest, users: count }));
  for (const row of paired)
    log(`[${kind}] ${row.model} − ${row.baseline}: ${row.mean >= 0 ? "+" : ""}${row.mean.toFixed(4)} ± ${row.standardError.toFixed(4)} (${row.better} better / ${row.worse} worse)`);

  return {
    split: kind,
    users: data.positives.size,
    trainRatings: data.train.users.length,
    candidateItems: data.candidateCount,
    results,
    paired,
    validation: {
      popularity: popularityLikedOnly ? "count of ≥ 4 ratings" : "count of ratings",
      itemKnn: knnName(bestKnn),
      rp3beta: rp3betaName(rp3betaTuning.best),
      blendWeight,
      timeline: `${historyName(historyLength)}, weight ${timelineWeight}`,
      grid,
      rp3betaGrid: tune ? rp3betaTuning.grid : undefined,
      blendGrid,
      timelineGrid: timelineBlend.grid,
    },
  };
}

function markdown(reports: SplitReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const byName = (name: string) => report.results.find((result) => result.model === name)!;
    lines.push(
      `### ${report.split === "random" ? "Random" : "Temporal"} 80/20 holdout per user — ${report.users} users, ${report.trainRatings} training ratings, ${report.candidateItems} candidate items`,
      "",
      "| model | variant | Recall@10 | Recall@20 | NDCG@10 | coverage@10 | train s |",
      "|---|---|---:|---:|---:|---:|---:|",
      ...report.results.map(
        (result) =>
          `| ${result.model} | ${result.variant} | ${result.recallAt10.toFixed(4)} | ${result.recallAt20.toFixed(4)} | ${result.ndcgAt10.toFixed(4)} | ${(100 * result.coverageAt10).toFixed(1)} % | ${result.trainSeconds.toFixed(2)} |`,
      ),
      "",
      ...[
        "WALS",
        "RP3beta",
        "WALS + RP3beta blend",
        "Timeline co-occurrence",
        "WALS + timeline blend",
        "WALS + timeline + GBDT re-ranker",
        "WALS + timeline served path",
        "WALS + timeline served path + session ranker",
      ].map((name) => {
        const result = byName(name);
        const ratio = (other: string) => `${(result.ndcgAt10 / byName(other).ndcgAt10).toFixed(2)}×`;
        return `- ${name} NDCG@10 = ${ratio("Popularity")} popularity, ${ratio("Item-kNN (cosine)")} item-kNN, ${ratio("BPR")} BPR, ${ratio("WALS")} WALS.`;
      }),
      "",
      ...report.paired.map(
        (row) =>
          `- Paired NDCG@10, ${row.model} − ${row.baseline}: ${row.mean >= 0 ? "+" : ""}${row.mean.toFixed(4)} ± ${row.standardError.toFixed(4)} (one standard error; ${row.better} users better / ${row.worse} worse of ${row.users}).`,
      ),
      "",
      `Validation picked: popularity ${report.validation.popularity}; item-kNN ${report.validation.itemKnn}; RP3beta ${report.validation.rp3beta}; RP3beta blend weight ${report.validation.blendWeight}; timeline blend ${report.validation.timeline}.`,
      "",
      "Validation blend grids (NDCG@10):",
      "",
      "| variant | NDCG@10 |",
      "|---|---:|",
      ...[...report.validation.blendGrid, ...report.validation.timelineGrid].map((row) => `| ${row.variant} | ${row.ndcgAt10.toFixed(4)} |`),
      "",
    );
    if (report.validation.rp3betaGrid) {
      lines.push(
        "Validation grid (RP3beta, NDCG@10):",
        "",
        "| variant | NDCG@10 |",
        "|---|---:|",
        ...report.validation.rp3betaGrid.map((row) => `| ${row.variant} | ${row.ndcgAt10.toFixed(4)} |`),
        "",
      );
    }
    if (report.validation.grid) {
      lines.push("Validation grid (WALS, 64-d, NDCG@10):", "", "| variant | NDCG@10 |", "|---|---:|", ...report.validation.grid.map((row) => `| ${row.variant} | ${row.ndcgAt10.toFixed(4)} |`), "");
    }
  }
  return lines.join("\n");
}

const json = process.argv.includes("--json");
const tune = process.argv.includes("--tune");
const log = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};
// Date, commit and machine of this run, read as it starts.
const run = runContext();
const started = performance.now();
const catalog = loadCurrentCatalog();
const reports = (["random", "temporal"] as const).map((kind) => runSplit(catalog.interactions, catalog.items, kind, tune, log));
const seconds = Math.round((performance.now() - started) / 100) / 10;
if (json) {
  process.stdout.write(`${JSON.stringify({ run, seeds: { split: SPLIT_SEED, model: MODEL_SEED }, seconds, reports }, null, 2)}\n`);
} else {
  process.stdout.write(`Run: ${describeRun(run)}.\n\n${markdown(reports)}\nTotal ${seconds} s.\n`);
}
