import type { ChoiceProblem, SlotAction } from "./choice-problem";
import type { EvaluatedPolicy } from "./target-policies";

/** A policy's distribution over one slot's actions. */
export interface SlotDistribution {
  actions: readonly SlotAction[];
  probabilities: readonly number[];
}

/** One logged unpinned slot: the item's rank and the explanation kind shown. */
export interface LoggedStep {
  item: number;
  kind: number;
}

/** One number per (item rank, explanation kind): kinds are fewer than 64. */
export const actionKey = (item: number, kind: number) => item * 64 + kind;
export const kindOfKey = (key: number) => key % 64;

/**
 * The policy's distribution at each logged unpinned slot given the LOGGED earlier slots (what
 * the sequential estimators weigh with); null when the policy cannot be computed here.
 */
export function conditionalsAlongLog(problem: ChoiceProblem, policy: EvaluatedPolicy, steps: readonly LoggedStep[], startPosition: number): SlotDistribution[] | null {
  let taken = 0;
  const distributions: SlotDistribution[] = [];
  for (let step = 0; step < steps.length; step++) {
    const actions = problem.actions(startPosition + step, taken);
    const probabilities = policy.distribution(actions, problem);
    if (probabilities === null) return null;
    distributions.push({ actions, probabilities });
    taken |= 1 << steps[step].item;
  }
  return distributions;
}

/**
 * The probability that the policy shows each (item, explanation) at each of `slots` unpinned
 * slots, marginalised over the earlier slots: exact, by dynamic programming over the set of
 * items already shown (the band depends on nothing else). With the serving band (3 wide) a slot
 * has at most a few dozen such sets; a wider band can have combinatorially many, and past
 * `maxStates` the impression is left out (null), as it is when the policy cannot be computed.
 */
export function slotMarginals(problem: ChoiceProblem, policy: EvaluatedPolicy, slots: number, startPosition: number, maxStates: number): Array<Map<number, number>> | null {
  // Item sets as bit sets of ranks → probability of having shown exactly them.
  let states = new Map<number, number>([[0, 1]]);
  const marginals: Array<Map<number, number>> = [];
  for (let step = 0; step < slots; step++) {
    const marginal = new Map<number, number>();
    const next = new Map<number, number>();
    for (const [taken, stateProbability] of states) {
      const actions = problem.actions(startPosition + step, taken);
      const probabilities = policy.distribution(actions, problem);
      if (probabilities === null) return null;
      for (let index = 0; index < actions.length; index++) {
        const probability = stateProbability * probabilities[index];
        if (!(probability > 0)) continue;
        const action = actions[index];
        const key = actionKey(action.item, action.kind);
        marginal.set(key, (marginal.get(key) ?? 0) + probability);
        const after = taken | (1 << action.item);
        next.set(after, (next.get(after) ?? 0) + probability);
      }
    }
    if (next.size > maxStates) return null;
    marginals.push(marginal);
    states = next;
  }
  return marginals;
}
