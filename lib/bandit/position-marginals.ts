import { sampleIndex, type SlatePolicy, type SlotDistribution } from "./choose-slate";
import type { SlateProblem } from "./slate-problem";
import type { RandomSource } from "./random";

/**
 * The marginal probability that a bound policy shows each action in each slot, marginalised over
 * the earlier slots. Slot 0 is exact. Later slots average the exact conditional distribution over
 * `samples` prefixes drawn from the policy itself (Rao–Blackwellised Monte Carlo): every action
 * keeps the probability mass it has after each sampled prefix, so an ε-greedy policy's marginals
 * stay bounded below. Returns one map actionIndex → probability per slot. Used for per-slot
 * off-policy estimators.
 */
export function positionMarginals(problem: SlateProblem, policy: SlatePolicy, random: RandomSource, samples = 32): Array<Map<number, number>> {
  const marginals = Array.from({ length: problem.limit }, () => new Map<number, number>());
  const distributionAfter = cachedDistributions(policy);
  for (let sample = 0; sample < samples; sample++) {
    const taken = new Set<number>();
    for (let position = 0; position < problem.limit; position++) {
      const distribution = distributionAfter(position, taken);
      if (distribution.actions.length === 0) break;
      const marginal = marginals[position];
      distribution.actions.forEach((actionIndex, slot) => {
        const probability = distribution.probabilities[slot];
        if (probability > 0) marginal.set(actionIndex, (marginal.get(actionIndex) ?? 0) + probability / samples);
      });
      taken.add(problem.actions[distribution.actions[sampleIndex(distribution.probabilities, random)]].itemIndex);
    }
  }
  return marginals;
}

/**
 * Prefixes repeat a lot for near-deterministic policies, and the conditional distribution only
 * depends on the slot and the set of items already placed: memoise it per bound policy.
 */
function cachedDistributions(policy: SlatePolicy): (position: number, taken: ReadonlySet<number>) => SlotDistribution {
  const cache = new Map<string, SlotDistribution>();
  return (position, taken) => {
    const key = `${position}|${[...taken].sort((left, right) => left - right).join(",")}`;
    let distribution = cache.get(key);
    if (!distribution) cache.set(key, (distribution = policy.distribution(position, taken)));
    return distribution;
  };
}

/**
 * P(the item is still unplaced when slot `position` is filled) under a bound policy, estimated
 * without ever returning 0 for an item the policy can reach: each of `samples` prefixes is drawn
 * from the policy conditioned on never placing the item, weighted by the probability that it
 * was not placed at each step (sequential importance sampling; unbiased).
 *
 * With it, a logged slot gives an unbiased per-slot weight from its exact logged conditional
 * propensity: π(a, p) / (μ(a | logged prefix) · availability(item(a), p)). Every term's
 * expectation over the logged prefixes is π(a, p)·f(a, p), because the item is available after
 * exactly that share of them. Unlike Monte Carlo marginals of μ, the denominator is never a
 * zero count for a rarely-reached action.
 */
export function availabilityProbability(problem: SlateProblem, policy: SlatePolicy, random: RandomSource, itemIndex: number, position: number, samples = 32): number {
  if (position === 0) return 1;
  const distributionAfter = cachedDistributions(policy);
  let total = 0;
  for (let sample = 0; sample < samples; sample++) {
    const taken = new Set<number>();
    let weight = 1;
    for (let slot = 0; slot < position && weight > 0; slot++) {
      const distribution = distributionAfter(slot, taken);
      if (distribution.actions.length === 0) break;
      let itemMass = 0;
      const others: number[] = [];
      distribution.actions.forEach((actionIndex, index) => {
        if (problem.actions[actionIndex].itemIndex === itemIndex) {
          itemMass += distribution.probabilities[index];
          others.push(0);
        } else others.push(distribution.probabilities[index]);
      });
      weight *= 1 - itemMass;
      if (weight <= 0) break;
      // Draw from the policy conditioned on not placing the item (renormalised).
      const conditioned = others.map((probability) => probability / (1 - itemMass));
      taken.add(problem.actions[distribution.actions[sampleIndex(conditioned, random)]].itemIndex);
    }
    total += Math.max(0, weight);
  }
  return total / samples;
}
