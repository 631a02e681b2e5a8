/**
 * The train / validation / test splits of eval:cf, shared by the eval and its tuning scripts so
 * both see exactly the same rows (docs/EVALUATION.md, "Collaborative filtering (eval:cf)").
 */
import type { Interactions } from "../../lib/catalog/interactions";
import { createSeededRandom } from "../../lib/retrieval/seeded-random";
import { sparseFromTriples, type SparseMatrix } from "../../lib/retrieval/sparse-matrix";
import { temporalHoldoutMask } from "../../lib/retrieval/temporal-holdout";

export const SPLIT_SEED = 7;
const HOLDOUT_FRACTION = 0.2;
/** Held-out ratings at or above this are the positives. */
export const POSITIVE_RATING = 4;

export type SplitKind = "random" | "temporal";

/** Rows of one train/target split plus everything the rankers need. */
export interface EvaluationData {
  itemCount: number;
  userCount: number;
  /** Rows grouped by user, in time order within a user (as Interactions stores them). */
  train: { users: Int32Array; items: Int32Array; ratings: Float32Array; timestamps: Int32Array };
  binary: SparseMatrix;
  /** Held-out positives per user. */
  positives: Map<number, Set<number>>;
  /** Items with at least one training rating. */
  candidate: Uint8Array;
  candidateCount: number;
}

function selectRows(interactions: Interactions, mask: Uint8Array) {
  const rows: number[] = [];
  mask.forEach((keep, row) => {
    if (keep) rows.push(row);
  });
  return {
    users: Int32Array.from(rows, (row) => interactions.users[row]),
    items: Int32Array.from(rows, (row) => interactions.items[row]),
    ratings: Float32Array.from(rows, (row) => interactions.ratings[row]),
    timestamps: Int32Array.from(rows, (row) => interactions.timestamps[row]),
  };
}

/** Training rows from `trainMask`, positives (≥ POSITIVE_RATING) from `targetMask`. */
export function evaluationData(interactions: Interactions, itemCount: number, trainMask: Uint8Array, targetMask: Uint8Array): EvaluationData {
  const train = selectRows(interactions, trainMask);
  const binary = sparseFromTriples(interactions.userCount, itemCount, train.users, train.items, new Float32Array(train.users.length).fill(1));
  const positives = new Map<number, Set<number>>();
  targetMask.forEach((isTarget, row) => {
    if (!isTarget || interactions.ratings[row] < POSITIVE_RATING) return;
    const user = interactions.users[row];
    const set = positives.get(user) ?? new Set<number>();
    set.add(interactions.items[row]);
    positives.set(user, set);
  });
  const candidate = new Uint8Array(itemCount);
  for (const item of train.items) candidate[item] = 1;
  return { itemCount, userCount: interactions.userCount, train, binary, positives, candidate, candidateCount: candidate.reduce((sum, value) => sum + value, 0) };
}

/** Training items rated ≥ POSITIVE_RATING as a binary user × item matrix (RP3beta's and item-kNN's history). */
export function likedMatrix(data: Pick<EvaluationData, "itemCount" | "userCount" | "train">): SparseMatrix {
  const rows = [...data.train.ratings.keys()].filter((row) => data.train.ratings[row] >= POSITIVE_RATING);
  return sparseFromTriples(
    data.userCount,
    data.itemCount,
    rows.map((row) => data.train.users[row]),
    rows.map((row) => data.train.items[row]),
    new Float32Array(rows.length).fill(1),
  );
}

/**
 * Test = per user, a seeded random (or the latest) 20 % of their ratings; validation = the same
 * cut of what remains; trainInner = training minus validation.
 */
export function holdoutMasks(interactions: Interactions, kind: SplitKind) {
  const random = createSeededRandom(SPLIT_SEED);
  // A random holdout is a temporal one over shuffled timestamps.
  const order = () => (kind === "temporal" ? interactions.timestamps : Int32Array.from(interactions.timestamps, () => Math.floor(random() * 2 ** 30)));
  const test = temporalHoldoutMask(interactions.users, order(), HOLDOUT_FRACTION);
  const trainAll = test.map((value) => 1 - value);
  const validation = temporalHoldoutMask(interactions.users, order(), HOLDOUT_FRACTION, trainAll);
  const trainInner = trainAll.map((value, row) => (value && !validation[row] ? 1 : 0));
  return { test, trainAll, validation, trainInner };
}
