import committed from "./weights.json" with { type: "json" };
import { FEATURE_NAMES } from "./features";
import type { LogisticModel } from "./logistic-regression";

/** The committed router model (router/weights.json), as trained by `npm run router:train`. */
export interface RouterWeightsFile extends LogisticModel {
  /** Suggested default threshold from training (the eval reports its own). */
  threshold: number;
  trainedOn: { queries: number; reasoningShare: number; trainAccuracy: number };
}

/**
 * Checks that a weights file matches the feature vector this code computes.
 * @throws when the feature names differ (retrain with `npm run router:train`)
 */
export function validateRouterWeights(weights: RouterWeightsFile): RouterWeightsFile {
  const expected = FEATURE_NAMES.join(",");
  if (weights.featureNames.join(",") !== expected || weights.weights.length !== FEATURE_NAMES.length) {
    throw new Error("router/weights.json does not match router/features.ts; run `npm run router:train`");
  }
  return weights;
}

/** The committed weights, validated once. */
export const ROUTER_WEIGHTS: RouterWeightsFile = validateRouterWeights(committed as RouterWeightsFile);
