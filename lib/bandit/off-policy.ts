/**
 * Off-policy estimators for slates filled slot by slot. A target policy's value is the expected
 * total reward of its slate. Slot p's reward depends on the action there and the earlier slots,
 * so its importance weight is the product of the per-slot ratios up to p (Precup et al. 2000;
 * Jiang & Li 2016): W_p = Π_{k≤p} π(a_k | h_k) / μ(a_k | h_k). With exact logging propensities
 * μ, IPS and DR are unbiased; SNIPS trades a small bias for less variance.
 *
 * The product makes the variance explode with slate length when the target is deterministic.
 * Under the position-based model (a slot's reward depends only on the item, explanation and
 * position shown there — the independence BaRT assumes), the "per-slot" weighting is unbiased
 * with single ratios π(a, p) / μ(a, p) of MARGINAL probabilities that each policy puts action a
 * in slot p (Li et al., "Offline Evaluation of Ranking Policies with Click Models", 2018); see
 * `positionMarginals` for computing them.
 */

/**
 * "sequential": weights are products of the per-slot ratios of conditional propensities (no
 * assumption on the reward). "per-slot": each slot's own ratio of marginal propensities
 * (assumes rewards independent across slots given what is shown).
 */
export type SlotWeighting = "sequential" | "per-slot";

/** One logged slot, with both policies' probabilities of the logged action given the logged prefix. */
export interface LoggedSlot {
  reward: number;
  /** μ(a | h): the propensity logged with the impression. */
  loggingPropensity: number;
  /** π(a | h): the target policy's probability of the same action after the same earlier slots. */
  targetPropensity: number;
  /** DR only: the reward model's prediction for the logged action, q̂(h, a). */
  predictedReward?: number;
  /** DR only: the prediction averaged over the target's actions at this slot, Σ_a π(a | h) q̂(h, a). */
  targetPredictedReward?: number;
}

export type LoggedSlate = readonly LoggedSlot[];

export interface Estimate {
  /** Estimated expected slate reward per request. */
  value: number;
  /** Standard error across requests (delta method for SNIPS). */
  standardError: number;
  /** Kish effective sample size of the weights at the slot where it is smallest. */
  effectiveSampleSize: number;
}

function slotWeights(slate: LoggedSlate, weighting: SlotWeighting): number[] {
  const weights: number[] = [];
  let weight = 1;
  for (const slot of slate) {
    if (!(slot.loggingPropensity > 0)) throw new RangeError(`Logging propensity must be positive, got ${slot.loggingPropensity}.`);
    const ratio = slot.targetPropensity / slot.loggingPropensity;
    weight = weighting === "sequential" ? weight * ratio : ratio;
    weights.push(weight);
  }
  return weights;
}

function meanAndError(values: readonly number[]): { value: number; standardError: number } {
  const count = values.length;
  if (count === 0) return { value: Number.NaN, standardError: Number.NaN };
  const value = values.reduce((sum, each) => sum + each, 0) / count;
  const variance = count > 1 ? values.reduce((sum, each) => sum + (each - value) ** 2, 0) / (count - 1) : 0;
  return { value, standardError: Math.sqrt(variance / count) };
}

function effectiveSampleSize(weightsBySlate: readonly number[][]): number {
  const slots = Math.max(0, ...weightsBySlate.map((weights) => weights.length));
  let smallest = weightsBySlate.length;
  for (let slot = 0; slot < slots; slot++) {
    let sum = 0;
    let squares = 0;
    for (const weights of weightsBySlate) {
      if (slot >= weights.length) continue;
      sum += weights[slot];
      squares += weights[slot] ** 2;
    }
    smallest = Math.min(smallest, squares > 0 ? (sum * sum) / squares : 0);
  }
  return smallest;
}

/** Inverse propensity scoring: mean over requests of Σ_p W_p r_p. */
export function inversePropensityEstimate(slates: readonly LoggedSlate[], weighting: SlotWeighting = "sequential"): Estimate {
  const weights = slates.map((slate) => slotWeights(slate, weighting));
  const values = slates.map((slate, index) => slate.reduce((sum, slot, position) => sum + weights[index][position] * slot.reward, 0));
  return { ...meanAndError(values), effectiveSampleSize: effectiveSampleSize(weights) };
}

/** Self-normalised IPS: per slot Σ W_p r_p / Σ W_p, summed over slots. */
export function selfNormalizedEstimate(slates: readonly LoggedSlate[], weighting: SlotWeighting = "sequential"): Estimate {
  const weights = slates.map((slate) => slotWeights(slate, weighting));
  const slots = Math.max(0, ...slates.map((slate) => slate.length));
  const count = slates.length;
  let value = 0;
  const influence = new Array<number>(count).fill(0);
  for (let slot = 0; slot < slots; slot++) {
    let weighted = 0;
    let total = 0;
    slates.forEach((slate, index) => {
      if (slot >= slate.length) return;
      weighted += weights[index][slot] * slate[slot].reward;
      total += weights[index][slot];
    });
    if (total === 0) continue;
    const slotValue = weighted / total;
    value += slotValue;
    const meanWeight = total / count;
    // Delta-method influence of each request on the ratio estimate.
    slates.forEach((slate, index) => {
      if (slot < slate.length) influence[index] += (weights[index][slot] * (slate[slot].reward - slotValue)) / meanWeight;
    });
  }
  return { value, standardError: meanAndError(influence).standardError, effectiveSampleSize: effectiveSampleSize(weights) };
}

/**
 * Doubly robust (sequential form): Σ_p [W_{p−1} Σ_a π(a|h_p) q̂(h_p, a) + W_p (r_p − q̂(h_p, a_p))],
 * W_{−1} = 1 (per-slot weighting: W_{p−1} = 1 and W_p = the slot's own ratio). Unbiased when the
 * propensities are exact whatever q̂ is; lower variance when q̂ is good. Throws when a slot
 * lacks the reward-model predictions.
 */
export function doublyRobustEstimate(slates: readonly LoggedSlate[], weighting: SlotWeighting = "sequential"): Estimate {
  const weights = slates.map((slate) => slotWeights(slate, weighting));
  const values = slates.map((slate, index) =>
    slate.reduce((sum, slot, position) => {
      if (slot.predictedReward === undefined || slot.targetPredictedReward === undefined)
        throw new RangeError("Doubly robust estimation needs predictedReward and targetPredictedReward on every slot.");
      const before = position === 0 || weighting === "per-slot" ? 1 : weights[index][position - 1];
      return sum + before * slot.targetPredictedReward + weights[index][position] * (slot.reward - slot.predictedReward);
    }, 0),
  );
  return { ...meanAndError(values), effectiveSampleSize: effectiveSampleSize(weights) };
}
