import { EXPLANATION_KINDS } from "../bandit/arms";
import { slotReward } from "../bandit/rewards";
import { choiceProblem, type ChoiceProblem } from "./choice-problem";
import { actionKey, conditionalsAlongLog, slotMarginals, type LoggedStep } from "./slot-marginals";
import { LOGGING_POLICY } from "./target-policies";
import type { WindowImpression } from "./window-input";

/** A shown slot with its reward: the standing reaction (lib/bandit/rewards.ts), 0 when none. */
export interface RewardedSlot {
  kind: string;
  position: number;
  reward: number;
  propensity: number;
}

/** An impression the off-policy estimators can use, with the logging policy's exact marginals. */
export interface PreparedImpression {
  problem: ChoiceProblem;
  /** Pinned slots: the same under every policy (weight 1). */
  pinnedSlots: RewardedSlot[];
  /** The other slots, in order, as ranks and kinds, with their rewards. */
  steps: LoggedStep[];
  stepSlots: RewardedSlot[];
  /** The position of the first unpinned slot (the number of pinned ones). */
  startPosition: number;
  /** The logging policy's probability of each (item, explanation) at each unpinned slot. */
  loggingMarginals: Array<Map<number, number>>;
}

/**
 * Why an impression is left out of the off-policy estimates (it still counts for drift):
 * logged without choices (before they were logged, or a newer format), by Thompson sampling
 * (its draws were not logged), with shown slots the logged choices do not rebuild (rounded scores
 * that changed an argmax, a corrupt row), or with too many item sets for exact marginals.
 */
export type Exclusion = "without-choices" | "thompson" | "mismatched" | "too-many-prefixes";

/** Propensities agree when they differ by less than this (absolute) plus 1e-4 of the logged one. */
const PROPENSITY_TOLERANCE = 1e-6;

export function prepareImpression(impression: WindowImpression, maxPrefixStates: number): PreparedImpression | Exclusion {
  const problem = choiceProblem(impression.context);
  if (!problem) return "without-choices";
  if (problem.choices.policy === "thompson") return "thompson";
  const slots = [...impression.slots].sort((left, right) => left.position - right.position);
  if (slots.some((slot, index) => slot.position !== index)) return "mismatched";
  const rewarded = slots.map((slot): RewardedSlot => ({ kind: slot.explanationKind, position: slot.position, reward: slotReward(slot.events) ?? 0, propensity: slot.propensity }));
  const pinned = problem.choices.pinned;
  if (pinned.length > slots.length || pinned.some((id, index) => slots[index].itemId !== id)) return "mismatched";
  const steps: LoggedStep[] = [];
  for (const slot of slots.slice(pinned.length)) {
    const item = problem.rankOf.get(slot.itemId);
    const kind = (EXPLANATION_KINDS as readonly string[]).indexOf(slot.explanationKind);
    if (item === undefined || kind < 0) return "mismatched";
    steps.push({ item, kind });
  }
  const startPosition = pinned.length;
  const conditionals = conditionalsAlongLog(problem, LOGGING_POLICY, steps, startPosition);
  if (!conditionals) return "thompson";
  for (let step = 0; step < steps.length; step++) {
    const { actions, probabilities } = conditionals[step];
    const index = actions.findIndex((action) => action.item === steps[step].item && action.kind === steps[step].kind);
    const logged = slots[startPosition + step].propensity;
    if (index < 0 || Math.abs(probabilities[index] - logged) > PROPENSITY_TOLERANCE + 1e-4 * logged) return "mismatched";
  }
  const loggingMarginals = slotMarginals(problem, LOGGING_POLICY, steps.length, startPosition, maxPrefixStates);
  if (!loggingMarginals) return "too-many-prefixes";
  if (steps.some((step, index) => !((loggingMarginals[index].get(actionKey(step.item, step.kind)) ?? 0) > 0))) return "mismatched";
  return { problem, pinnedSlots: rewarded.slice(0, startPosition), steps, stepSlots: rewarded.slice(startPosition), startPosition, loggingMarginals };
}
