import { gaussian, randomInteger, type RandomSource } from "./seeded-random";
import type { SparseMatrix } from "./sparse-matrix";

/**
 * Bayesian personalised ranking (Rendle et al., UAI 2009): stochastic gradient ascent on
 * ln σ(x_u·y_i − x_u·y_j) for sampled (user, liked item i, unobserved item j) triples, with item
 * biases. Evaluated against WALS in eval:cf; not shipped (see docs/EVALUATION.md).
 */
export interface BprOptions {
  dimensions: number;
  /** SGD step size (default 0.05). */
  learningRate: number;
  /** L2 penalty per update (default 0.002). */
  regularization: number;
  /** Passes; each samples as many triples as there are positive entries (default 60). */
  epochs: number;
}

const DEFAULT_BPR_OPTIONS: BprOptions = { dimensions: 64, learningRate: 0.05, regularization: 0.002, epochs: 60 };

export interface BprModel {
  dimensions: number;
  userFactors: Float32Array;
  itemFactors: Float32Array;
  itemBiases: Float32Array;
}

/**
 * Trains BPR on the positive (strength > 0) entries of a user × item matrix; negatives are
 * sampled uniformly from items the user has no entry for. Deterministic for a given `random`.
 */
export function trainBpr(userItems: SparseMatrix, options: Partial<BprOptions>, random: RandomSource): BprModel {
  const { dimensions: k, learningRate, regularization, epochs } = { ...DEFAULT_BPR_OPTIONS, ...options };
  const users = userItems.rowCount;
  const items = userItems.columnCount;
  const scale = 0.1 / Math.sqrt(k);
  const userFactors = Float32Array.from({ length: users * k }, () => gaussian(random) * scale);
  const itemFactors = Float32Array.from({ length: items * k }, () => gaussian(random) * scale);
  const itemBiases = new Float32Array(items);
  const positives: number[] = [];
  const seen = new Set<number>();
  for (let user = 0; user < users; user += 1) {
    for (let entry = userItems.rowStarts[user]; entry < userItems.rowStarts[user + 1]; entry += 1) {
      seen.add(user * items + userItems.columns[entry]);
      if (userItems.values[entry] > 0) positives.push(entry);
    }
  }
  const entryUser = new Int32Array(userItems.columns.length);
  for (let user = 0; user < users; user += 1) entryUser.fill(user, userItems.rowStarts[user], userItems.rowStarts[user + 1]);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let sample = 0; sample < positives.length; sample += 1) {
      const entry = positives[randomInteger(random, positives.length)];
      const user = entryUser[entry];
      const liked = userItems.columns[entry];
      let other = randomInteger(random, items);
      while (seen.has(user * items + other)) other = randomInteger(random, items);
      const u = user * k;
      const i = liked * k;
      const j = other * k;
      let difference = itemBiases[liked] - itemBiases[other];
      for (let column = 0; column < k; column += 1) difference += userFactors[u + column] * (itemFactors[i + column] - itemFactors[j + column]);
      const gradient = 1 / (1 + Math.exp(difference));
      itemBiases[liked] += learningRate * (gradient - regularization * itemBiases[liked]);
      itemBiases[other] += learningRate * (-gradient - regularization * itemBiases[other]);
      for (let column = 0; column < k; column += 1) {
        const userValue = userFactors[u + column];
        const likedValue = itemFactors[i + column];
        const otherValue = itemFactors[j + column];
        userFactors[u + column] += learningRate * (gradient * (likedValue - otherValue) - regularization * userValue);
        itemFactors[i + column] += learningRate * (gradient * userValue - regularization * likedValue);
        itemFactors[j + column] += learningRate * (-gradient * userValue - regularization * otherValue);
      }
    }
  }
  return { dimensions: k, userFactors, itemFactors, itemBiases };
}
