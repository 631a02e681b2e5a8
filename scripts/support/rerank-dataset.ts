/**
 * Re-ranking data for one train/target split (eval:cf and its GBDT tuning script): per user, the
 * pool (top `poolSize` of WALS ∪ top `poolSize` of the WALS + timeline blend among the user's
 * candidates), its feature rows (lib/retrieval/rerank-features.ts) and 0/1 labels (held-out
 * positives). Every model and statistic is fitted on the split's training rows only.
 */
import type { Item } from "../../lib/catalog/item";
import type { ItemKnnModel } from "../../lib/retrieval/item-knn";
import { scoreItemKnn, trainItemKnn } from "../../lib/retrieval/item-knn";
import { itemActivity, RERANK_FEATURE_COUNT, rerankFeatures, rerankPool, type ItemSide, type UserScores } from "../../lib/retrieval/rerank-features";
import { standardiseScores } from "../../lib/retrieval/score-blend";
import { concatenateFloat32 } from "../../lib/retrieval/concatenate";
import { likedMatrix, POSITIVE_RATING, type EvaluationData } from "./cf-splits";

export interface RerankModels {
  wals: { userFactors: Float32Array; itemFactors: Float32Array; dimensions: number };
  timeline: ItemKnnModel;
  rp3beta: ItemKnnModel;
  /** The WALS + timeline blend: which of the user's ratings feed the timeline, and its weight. */
  blend: { historyLength: number; weight: number };
}

export interface RerankDataset {
  users: number[];
  /** Pool items of every user, concatenated; user u's rows are groupStarts[u]..groupStarts[u+1]. */
  items: Int32Array;
  groupStarts: Int32Array;
  features: Float32Array;
  labels: Uint8Array;
  /** Blend score of each row (the baseline order inside the pool). */
  blendScores: Float32Array;
}

export function itemSide(items: readonly Item[]): ItemSide {
  const genreIds = new Map<string, number>();
  const genreStarts = new Int32Array(items.length + 1);
  const genres: number[] = [];
  items.forEach((item, index) => {
    for (const genre of new Set(item.genres)) {
      if (!genreIds.has(genre)) genreIds.set(genre, genreIds.size);
      genres.push(genreIds.get(genre)!);
    }
    genreStarts[index + 1] = genres.length;
  });
  return { year: Float32Array.from(items, (item) => item.year ?? NaN), genreStarts, genres: Int32Array.from(genres), genreCount: genreIds.size };
}

/** Builds pools, features and labels for every user with a positive in `data.positives`. */
export function rerankDataset(data: Omit<EvaluationData, "candidateCount">, models: RerankModels, side: ItemSide, poolSize = 200): RerankDataset {
  const { itemCount } = data;
  const activity = itemActivity(data.train, itemCount, POSITIVE_RATING);
  const liked = likedMatrix(data);
  const knn = trainItemKnn(liked, Infinity);
  // Each user's rows (time order).
  const userStarts = new Int32Array(data.userCount + 1);
  for (const user of data.train.users) userStarts[user + 1] += 1;
  for (let user = 0; user < data.userCount; user += 1) userStarts[user + 1] += userStarts[user];
  const { dimensions, userFactors, itemFactors } = models.wals;
  const itemNorms = new Float32Array(itemCount);
  for (let item = 0; item < itemCount; item += 1) {
    let sum = 0;
    for (let column = 0; column < dimensions; column += 1) sum += itemFactors[item * dimensions + column] ** 2;
    itemNorms[item] = Math.sqrt(sum);
  }
  const buffers = (): UserScores => ({
    wals: new Float32Array(itemCount),
    walsCosine: new Float32Array(itemCount),
    blend: new Float32Array(itemCount),
    timelineAll: new Float32Array(itemCount),
    timelineLatest3: new Float32Array(itemCount),
    timelineLatest10: new Float32Array(itemCount),
    itemKnn: new Float32Array(itemCount),
    rp3beta: new Float32Array(itemCount),
  });
  const scores = buffers();
  const walsZ = new Float32Array(itemCount);
  const timelineZ = new Float32Array(itemCount);
  const eligible = new Uint8Array(itemCount);

  const users = [...data.positives.keys()];
  const itemsOut: number[] = [];
  const groupStarts = [0];
  const featureParts: Float32Array[] = [];
  const labels: number[] = [];
  const blendOut: number[] = [];
  for (const user of users) {
    const [start, end] = [userStarts[user], userStarts[user + 1]];
    const history = { items: data.train.items.subarray(start, end), ratings: data.train.ratings.subarray(start, end), timestamps: data.train.timestamps.subarray(start, end) };
    eligible.set(data.candidate);
    for (const item of history.items) eligible[item] = 0;
    let userNorm = 0;
    for (let column = 0; column < dimensions; column += 1) userNorm += userFactors[user * dimensions + column] ** 2;
    userNorm = Math.sqrt(userNorm) || 1;
    for (let item = 0; item < itemCount; item += 1) {
      let sum = 0;
      for (let column = 0; column < dimensions; column += 1) sum += userFactors[user * dimensions + column] * itemFactors[item * dimensions + column];
      scores.wals[item] = sum;
      scores.walsCosine[item] = sum / (userNorm * (itemNorms[item] || 1));
    }
    const timelineOf = (length: number, out: Float32Array) =>
      scoreItemKnn(models.timeline, Number.isFinite(length) ? history.items.subarray(Math.max(0, history.items.length - length)) : history.items, out);
    timelineOf(Infinity, scores.timelineAll);
    timelineOf(3, scores.timelineLatest3);
    timelineOf(10, scores.timelineLatest10);
    const likedHistory = liked.columns.subarray(liked.rowStarts[user], liked.rowStarts[user + 1]);
    scoreItemKnn(knn, likedHistory, scores.itemKnn);
    scoreItemKnn(models.rp3beta, likedHistory, scores.rp3beta);
    // The blend exactly as eval:cf's blendRanker computes it (standardised over candidates).
    walsZ.set(scores.wals);
    timelineOf(models.blend.historyLength, timelineZ);
    standardiseScores(walsZ, eligible);
    standardiseScores(timelineZ, eligible);
    for (let item = 0; item < itemCount; item += 1) scores.blend[item] = eligible[item] ? walsZ[item] + models.blend.weight * timelineZ[item] : -Infinity;

    const pool = rerankPool([scores.wals, scores.blend], eligible, poolSize);
    const relevant = data.positives.get(user)!;
    featureParts.push(rerankFeatures(pool, scores, history, activity, side, { likedRating: POSITIVE_RATING }));
    for (const item of pool) {
      itemsOut.push(item);
      labels.push(relevant.has(item) ? 1 : 0);
      blendOut.push(scores.blend[item]);
    }
    groupStarts.push(itemsOut.length);
  }
  const features = concatenateFloat32(featureParts);
  return { users, items: Int32Array.from(itemsOut), groupStarts: Int32Array.from(groupStarts), features, labels: Uint8Array.from(labels), blendScores: Float32Array.from(blendOut) };
}

/** Copies the rows of the chosen groups (and only the chosen feature columns) into a new dataset. */
export function selectRows(dataset: RerankDataset, groups: readonly number[], featureColumns: readonly number[]) {
  const width = featureColumns.length;
  let rowCount = 0;
  for (const group of groups) rowCount += dataset.groupStarts[group + 1] - dataset.groupStarts[group];
  const features = new Float32Array(rowCount * width);
  const labels = new Uint8Array(rowCount);
  const groupStarts = [0];
  let out = 0;
  for (const group of groups) {
    for (let row = dataset.groupStarts[group]; row < dataset.groupStarts[group + 1]; row += 1, out += 1) {
      for (let column = 0; column < width; column += 1) features[out * width + column] = dataset.features[row * RERANK_FEATURE_COUNT + featureColumns[column]];
      labels[out] = dataset.labels[row];
    }
    groupStarts.push(out);
  }
  return { features, labels, groupStarts: Int32Array.from(groupStarts), width };
}
