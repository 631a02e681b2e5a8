import { EXPLANATION_KINDS } from "../bandit/arms";
import { doublyRobustEstimate, inversePropensityEstimate, selfNormalizedEstimate, type Estimate, type LoggedSlot, type SlotWeighting } from "../bandit/off-policy";
import type { SlotAction } from "./choice-problem";
import type { PreparedImpression } from "./prepared-impression";
import type { RewardTable } from "./reward-table";
import { actionKey, conditionalsAlongLog, kindOfKey, slotMarginals, type SlotDistribution } from "./slot-marginals";
import type { EvaluatedPolicy } from "./target-policies";

/** An estimate with its normal-approximation interval; null fields when nothing could be estimated. */
export interface IntervalEstimate {
  /** Estimated expected reward per impression (the sum over its slots). */
  value: number | null;
  standardError: number | null;
  lower: number | null;
  upper: number | null;
  /** Kish effective sample size of the importance weights at the slot where it is smallest. */
  effectiveSampleSize: number;
}

export interface EstimatorSet {
  ips: IntervalEstimate;
  snips: IntervalEstimate;
  dr: IntervalEstimate;
}

export interface PolicyEstimate {
  name: string;
  description: string;
  /** Impressions the estimates used. */
  impressions: number;
  /**
   * Per-slot weights π_p(a)/μ_p(a) of exact marginal probabilities (assumes, as the bandit does,
   * that a slot's reward depends on what is shown there and its position, not on the other
   * slots; Li et al. 2018): the estimates of record, far lower variance.
   */
  perSlot: EstimatorSet;
  /** Products of conditional ratios over the slots so far: no assumption, high variance for deterministic policies. */
  sequential: EstimatorSet;
  /**
   * From the per-slot DR intervals: "better" when this policy's interval lies wholly above the
   * logging policy's, "worse" when wholly below, else "inconclusive" (the logging policy itself:
   * "baseline").
   */
  comparedToLogging: "better" | "worse" | "inconclusive" | "baseline";
}

const kindName = (kind: number) => EXPLANATION_KINDS[kind] ?? `kind-${kind}`;

function withInterval(estimate: Estimate, z: number): IntervalEstimate {
  const finite = Number.isFinite(estimate.value) && Number.isFinite(estimate.standardError);
  return {
    value: finite ? estimate.value : null,
    standardError: finite ? estimate.standardError : null,
    lower: finite ? estimate.value - z * estimate.standardError : null,
    upper: finite ? estimate.value + z * estimate.standardError : null,
    effectiveSampleSize: Number.isFinite(estimate.effectiveSampleSize) ? estimate.effectiveSampleSize : 0,
  };
}

function estimatorSet(slates: LoggedSlot[][], weighting: SlotWeighting, z: number): EstimatorSet {
  return {
    ips: withInterval(inversePropensityEstimate(slates, weighting), z),
    snips: withInterval(selfNormalizedEstimate(slates, weighting), z),
    dr: withInterval(doublyRobustEstimate(slates, weighting), z),
  };
}

function expectedPrediction(actions: readonly SlotAction[], probabilities: readonly number[], table: RewardTable, position: number): number {
  let sum = 0;
  actions.forEach((action, index) => {
    if (probabilities[index] > 0) sum += probabilities[index] * table.predict(kindName(action.kind), position);
  });
  return sum;
}

/** Pinned slots: every policy shows the same thing there, so weight 1 and the model's prediction on both sides. */
function pinnedLoggedSlots(impression: PreparedImpression, table: RewardTable): LoggedSlot[] {
  return impression.pinnedSlots.map((slot) => {
    const predicted = table.predict(slot.kind, slot.position);
    return { reward: slot.reward, loggingPropensity: 1, targetPropensity: 1, predictedReward: predicted, targetPredictedReward: predicted };
  });
}

/**
 * The policy's slates for both weightings, or null when the policy cannot be computed for this
 * impression (or its marginals need too many item sets).
 */
function policySlates(impression: PreparedImpression, policy: EvaluatedPolicy, table: RewardTable, maxPrefixStates: number): { sequential: LoggedSlot[]; perSlot: LoggedSlot[] } | null {
  const { problem, steps, stepSlots, startPosition } = impression;
  const conditionals: SlotDistribution[] | null = conditionalsAlongLog(problem, policy, steps, startPosition);
  const marginals = slotMarginals(problem, policy, steps.length, startPosition, maxPrefixStates);
  if (!conditionals || !marginals) return null;
  const pinned = pinnedLoggedSlots(impression, table);
  const sequential = steps.map((step, index): LoggedSlot => {
    const slot = stepSlots[index];
    const { actions, probabilities } = conditionals[index];
    const logged = actions.findIndex((action) => action.item === step.item && action.kind === step.kind);
    return {
      reward: slot.reward,
      loggingPropensity: slot.propensity,
      targetPropensity: logged >= 0 ? probabilities[logged] : 0,
      predictedReward: table.predict(slot.kind, slot.position),
      targetPredictedReward: expectedPrediction(actions, probabilities, table, slot.position),
    };
  });
  const perSlot = steps.map((step, index): LoggedSlot => {
    const slot = stepSlots[index];
    let targetPredictedReward = 0;
    for (const [key, probability] of marginals[index]) targetPredictedReward += probability * table.predict(kindName(kindOfKey(key)), slot.position);
    return {
      reward: slot.reward,
      loggingPropensity: impression.loggingMarginals[index].get(actionKey(step.item, step.kind)) ?? 0,
      targetPropensity: marginals[index].get(actionKey(step.item, step.kind)) ?? 0,
      predictedReward: table.predict(slot.kind, slot.position),
      targetPredictedReward,
    };
  });
  return { sequential: [...pinned, ...sequential], perSlot: [...pinned, ...perSlot] };
}

/** Impressions per step of the step-wise evaluation: a few milliseconds of work between yields. */
export const IMPRESSIONS_PER_STEP = 100;

/**
 * IPS, SNIPS and DR of each policy over the prepared impressions, with both weightings and
 * normal-approximation intervals (z from the confidence level; the standard errors are those of
 * lib/bandit/off-policy.ts: across impressions, delta method for SNIPS). `tables(i)` is the
 * cross-fitted reward table for impression i. The first policy must be the logging policy: the
 * others are compared with it. A generator that yields every `IMPRESSIONS_PER_STEP` impressions,
 * so a server can interleave it with requests (evaluate-window.ts runs it straight through).
 */
export function* estimatePolicies(
  impressions: readonly PreparedImpression[],
  policies: readonly EvaluatedPolicy[],
  tables: (index: number) => RewardTable,
  options: { z: number; maxPrefixStates: number },
): Generator<void, PolicyEstimate[]> {
  const estimates: PolicyEstimate[] = [];
  for (const policy of policies) {
    const sequential: LoggedSlot[][] = [];
    const perSlot: LoggedSlot[][] = [];
    for (let index = 0; index < impressions.length; index++) {
      if (index > 0 && index % IMPRESSIONS_PER_STEP === 0) yield;
      const slates = policySlates(impressions[index], policy, tables(index), options.maxPrefixStates);
      if (!slates) continue;
      sequential.push(slates.sequential);
      perSlot.push(slates.perSlot);
    }
    estimates.push({
      name: policy.name,
      description: policy.description,
      impressions: perSlot.length,
      perSlot: estimatorSet(perSlot, "per-slot", options.z),
      sequential: estimatorSet(sequential, "sequential", options.z),
      comparedToLogging: "baseline",
    });
    yield;
  }
  const baseline = estimates[0]?.perSlot.dr;
  for (const estimate of estimates.slice(1)) {
    const own = estimate.perSlot.dr;
    if (!baseline || baseline.lower === null || baseline.upper === null || own.lower === null || own.upper === null) estimate.comparedToLogging = "inconclusive";
    else estimate.comparedToLogging = own.lower > baseline.upper ? "better" : own.upper < baseline.lower ? "worse" : "inconclusive";
  }
  return estimates;
}
