import { standardNormal, type RandomSource } from "./random";
import type { SparseFeatures } from "./features";

/**
 * Bayesian online logistic regression with a diagonal Gaussian posterior (the Laplace
 * approximation of Chapelle & Li, "An Empirical Evaluation of Thompson Sampling", 2011):
 * weight i ~ N(mean[i], 1 / precision[i]). It predicts P(engagement) = σ(w · x) for a sparse
 * feature vector x over a hashed space.
 */
export interface RewardModel {
  /** Hashed feature space size; a power of two. */
  dimension: number;
  priorPrecision: number;
  mean: Float64Array;
  precision: Float64Array;
  /** Labelled observations absorbed so far. */
  observations: number;
}

export interface RewardModelOptions {
  /** Default 2^16: room for user × explanation crosses of tens of thousands of people. */
  dimension?: number;
  /** Prior precision (1 / variance) of every weight. Default 1. */
  priorPrecision?: number;
  /** Non-zero prior means as [index, mean] pairs (e.g. "relevance helps"). */
  priorMeans?: ReadonlyArray<readonly [number, number]>;
}

export const DEFAULT_DIMENSION = 1 << 16;

export function createRewardModel(options: RewardModelOptions = {}): RewardModel {
  const dimension = options.dimension ?? DEFAULT_DIMENSION;
  if (!Number.isInteger(Math.log2(dimension))) throw new RangeError(`Reward model dimension must be a power of two, got ${dimension}.`);
  const priorPrecision = options.priorPrecision ?? 1;
  const mean = new Float64Array(dimension);
  for (const [index, value] of options.priorMeans ?? []) mean[index] = value;
  return { dimension, priorPrecision, mean, precision: new Float64Array(dimension).fill(priorPrecision), observations: 0 };
}

export const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));

/** w · x under the posterior mean (the logit of predicted engagement). */
export function meanScore(model: RewardModel, features: SparseFeatures): number {
  let score = 0;
  for (let index = 0; index < features.indexes.length; index++) score += model.mean[features.indexes[index]] * features.values[index];
  return score;
}

/** Predicted engagement probability under the posterior mean, 0..1. */
export function predictEngagement(model: RewardModel, features: SparseFeatures): number {
  return sigmoid(meanScore(model, features));
}

/** The posterior-mean logit s0 = Σ mean·x and the variance along x, v = Σ x²/precision. */
function scoreAndVariance(model: RewardModel, features: SparseFeatures): { score: number; variance: number } {
  let score = 0;
  let variance = 0;
  for (let index = 0; index < features.indexes.length; index++) {
    const feature = features.indexes[index];
    const value = features.values[index];
    score += model.mean[feature] * value;
    variance += (value * value) / model.precision[feature];
  }
  return { score, variance };
}

/**
 * Absorbs one observation with a soft label in [0, 1] (mutates the model). The posterior mode
 * moves along x / precision, so the Laplace step is a 1-D Newton solve for its length t:
 * t = label − σ(s0 + t·v), v = Σ x²/precision. Then precision += x² σ(1 − σ) at the new mode.
 */
export function observe(model: RewardModel, features: SparseFeatures, label: number): void {
  if (!(label >= 0 && label <= 1)) throw new RangeError(`Reward label must be in [0, 1], got ${label}.`);
  const { indexes, values } = features;
  const { score, variance } = scoreAndVariance(model, features);
  let step = 0;
  for (let iteration = 0; iteration < 20; iteration++) {
    const probability = sigmoid(score + step * variance);
    const gradient = step - label + probability;
    const next = step - gradient / (1 + variance * probability * (1 - probability));
    const converged = Math.abs(next - step) < 1e-12;
    step = next;
    if (converged) break;
  }
  const probability = sigmoid(score + step * variance);
  const curvature = probability * (1 - probability);
  for (let index = 0; index < indexes.length; index++) {
    const feature = indexes[index];
    model.mean[feature] += (step * values[index]) / model.precision[feature];
  }
  // Precision after the mean: the mean step uses the precision the mode was solved with.
  for (let index = 0; index < indexes.length; index++) model.precision[indexes[index]] += values[index] * values[index] * curvature;
  model.observations++;
}

/**
 * Changes the label of an observation already absorbed by `delta` (mutates), e.g. the 0 logged
 * when a slot was shown becomes 1 when it is played. The soft-label log-likelihood
 * y·s − log(1 + e^s) changes by exactly delta·s; alone, that would shift the mean by
 * delta·x / precision. But a diagonal posterior holds only part of this observation's own
 * curvature along x (its true Hessian is rank one, σ(1 − σ)·x xᵀ), so that shift overshoots
 * when many features are active. The step is therefore re-solved along x / precision with the
 * observation's likelihood evaluated exactly on that line:
 * t = delta − (σ(s0 + t·v) − σ(s0)), v = Σ x²/precision. Precision is left unchanged.
 */
export function shiftLabel(model: RewardModel, features: SparseFeatures, delta: number): void {
  if (delta === 0) return;
  const { indexes, values } = features;
  const { score, variance } = scoreAndVariance(model, features);
  const base = sigmoid(score);
  let step = 0;
  for (let iteration = 0; iteration < 20; iteration++) {
    const probability = sigmoid(score + step * variance);
    const gradient = step - delta + probability - base;
    const next = step - gradient / (1 + variance * probability * (1 - probability));
    const converged = Math.abs(next - step) < 1e-12;
    step = next;
    if (converged) break;
  }
  for (let index = 0; index < indexes.length; index++) model.mean[indexes[index]] += (step * values[index]) / model.precision[indexes[index]];
}

/**
 * Forgets an observation absorbed with `label` (mutates), when the reaction behind it was undone:
 * the inverse of `observe`. Right after `observe`, the prediction p at the new mode gives both
 * the step it took (t = label − p, its Newton condition) and the precision it added
 * (x² p(1 − p)), so both are taken back exactly; when other observations moved the shared
 * weights in between, p is today's prediction and the inverse is close, not exact. Precision
 * never drops below the prior's.
 */
export function forgetObservation(model: RewardModel, features: SparseFeatures, label: number): void {
  if (!(label >= 0 && label <= 1)) throw new RangeError(`Reward label must be in [0, 1], got ${label}.`);
  const probability = predictEngagement(model, features);
  const step = label - probability;
  const curvature = probability * (1 - probability);
  for (let index = 0; index < features.indexes.length; index++) {
    const feature = features.indexes[index];
    const value = features.values[index];
    const precision = Math.max(model.priorPrecision, model.precision[feature] - value * value * curvature);
    // observe moved the mean with the precision before its own update.
    model.mean[feature] -= (step * value) / precision;
    model.precision[feature] = precision;
  }
  model.observations = Math.max(0, model.observations - 1);
}

/**
 * Draws `samples` weight vectors from the posterior, restricted to the listed feature indexes
 * (the only weights a request's scores depend on). Returns a map index → one weight per
 * sample. `scale` widens (> 1) or narrows the posterior, as in Chapelle & Li.
 */
export function drawWeights(model: RewardModel, featureIndexes: Iterable<number>, samples: number, random: RandomSource, scale = 1): Map<number, Float64Array> {
  const drawn = new Map<number, Float64Array>();
  for (const feature of featureIndexes) {
    if (drawn.has(feature)) continue;
    const weights = new Float64Array(samples);
    const deviation = scale / Math.sqrt(model.precision[feature]);
    for (let sample = 0; sample < samples; sample++) weights[sample] = model.mean[feature] + deviation * standardNormal(random);
    drawn.set(feature, weights);
  }
  return drawn;
}
