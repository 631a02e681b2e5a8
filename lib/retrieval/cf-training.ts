import { trainAls, type AlsModel, type AlsOptions } from "./als";
import { feedbackStrength, type FeedbackStrengthOptions } from "./feedback-strength";
import type { RandomSource } from "./seeded-random";
import { sparseFromTriples, type SparseMatrix } from "./sparse-matrix";

/**
 * The CF recipe the catalog build and `eval:cf` share, so the evaluated model is the shipped one.
 * Chosen on a validation split carved out of the eval's training data (see docs/EVALUATION.md):
 * ratings below 4 stars are dislikes at a quarter of the weight of likes, α = 10, λ = 50.
 */
export interface CfTrainingOptions {
  strength: FeedbackStrengthOptions;
  als: Omit<AlsOptions, "dimensions">;
}

export const DEFAULT_CF_TRAINING: CfTrainingOptions = {
  strength: { alpha: 10, dislikeBelow: 4, weighting: "rating", dislikeWeight: 0.25 },
  als: { regularization: 50, iterations: 15, solver: "conjugate-gradient", conjugateGradientSteps: 3, initialScale: 0.1, missingWeightExponent: 0 },
};

/** Default CF vector dimension (the build reads REELCAST_CF_DIM to change it). */
export const DEFAULT_CF_DIMENSIONS = 64;

/** Ratings as a user × item matrix of signed feedback strengths (see feedback-strength.ts). */
export function feedbackMatrix(
  userCount: number,
  itemCount: number,
  users: ArrayLike<number>,
  items: ArrayLike<number>,
  ratings: ArrayLike<number>,
  strength: FeedbackStrengthOptions = DEFAULT_CF_TRAINING.strength,
): SparseMatrix {
  const strengths = Float32Array.from({ length: ratings.length }, (_, row) => feedbackStrength(ratings[row], strength));
  return sparseFromTriples(userCount, itemCount, users, items, strengths);
}

/**
 * Trains the CF model (WALS) on rating triples. Deterministic for a given `random`.
 * @param dimensions vector size k (default 64)
 */
export function trainCfModel(
  matrix: SparseMatrix,
  random: RandomSource,
  dimensions = DEFAULT_CF_DIMENSIONS,
  options: CfTrainingOptions = DEFAULT_CF_TRAINING,
  onIteration?: (iteration: number) => void,
): AlsModel {
  return trainAls(matrix, { ...options.als, dimensions }, random, onIteration);
}

/** Strengths to use when folding in session feedback: a like = a 5-star rating, a dislike = 1 star. */
export function sessionStrengths(options: FeedbackStrengthOptions = DEFAULT_CF_TRAINING.strength): { liked: number; disliked: number } {
  const disliked = options.dislikeBelow === null ? options.alpha : Math.abs(feedbackStrength(1, options));
  return { liked: feedbackStrength(5, options), disliked };
}
