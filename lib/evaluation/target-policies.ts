import { EXPLANATION_KINDS } from "../bandit/arms";
import type { ChoiceProblem, SlotAction } from "./choice-problem";

/**
 * A policy the evaluator scores on the log: its probabilities over one slot's actions (same
 * order), or null when it cannot be computed for this impression (the logging policy of a
 * Thompson-sampling impression: its posterior draws were not logged).
 */
export interface EvaluatedPolicy {
  /** Stable name: "logging", "greedy", "uniform", "relevance-order", "explanation:<kind>". */
  name: string;
  description: string;
  distribution(actions: readonly SlotAction[], problem: ChoiceProblem): number[] | null;
}

/** Index of the highest score; the first of equal ones, as the serving policy breaks ties. */
function argmax(actions: readonly SlotAction[]): number {
  let best = 0;
  for (let index = 1; index < actions.length; index++) if (actions[index].score > actions[best].score) best = index;
  return best;
}

const oneHot = (count: number, index: number) => Array.from({ length: count }, (_, each) => (each === index ? 1 : 0));

/** The policy that logged the impression, rebuilt from its kind, ε and the logged scores. */
export const LOGGING_POLICY: EvaluatedPolicy = {
  name: "logging",
  description: "the policy that served (rebuilt from the logged scores and ε): its estimate is the window's realised reward",
  distribution(actions, problem) {
    const { policy, epsilon } = problem.choices;
    if (actions.length === 0) return [];
    if (policy === "thompson") return null;
    if (policy === "random") return actions.map(() => 1 / actions.length);
    if (policy === "greedy") return oneHot(actions.length, argmax(actions));
    const explore = epsilon ?? 0;
    const probabilities = actions.map(() => explore / actions.length);
    probabilities[argmax(actions)] += 1 - explore;
    return probabilities;
  },
};

/** The logging model without exploration: what ε costs (or buys, when the model is wrong). */
export const GREEDY_POLICY: EvaluatedPolicy = {
  name: "greedy",
  description: "the logging model's best (item, explanation) at every slot, no exploration (ε = 0)",
  distribution: (actions) => (actions.length === 0 ? [] : oneHot(actions.length, argmax(actions))),
};

/** Uniformly random within the band: the floor any learned policy should clear. */
export const UNIFORM_POLICY: EvaluatedPolicy = {
  name: "uniform",
  description: "uniformly random (item, explanation) within the relevance band",
  distribution: (actions) => actions.map(() => 1 / actions.length),
};

/** Retrieval's order, no bandit reordering; each film with the explanation the model rates best. */
export const RELEVANCE_ORDER_POLICY: EvaluatedPolicy = {
  name: "relevance-order",
  description: "retrieval's order (the most relevant unshown film at every slot) with the model's best explanation for it: what the bandit's reordering buys",
  distribution(actions) {
    if (actions.length === 0) return [];
    const first = actions[0].item;
    const own = actions.map((action, index) => ({ action, index })).filter((entry) => entry.action.item === first);
    const best = own.reduce((winner, entry) => (entry.action.score > winner.action.score ? entry : winner), own[0]);
    return oneHot(actions.length, best.index);
  },
};

/**
 * Explanation `kind` wherever it is true of the film, in the greedy policy's order: the film the
 * model would show next, with `kind` when the film has it and the model's choice otherwise.
 */
export function explanationPolicy(kind: number): EvaluatedPolicy {
  const name = EXPLANATION_KINDS[kind] ?? `kind-${kind}`;
  return {
    name: `explanation:${name}`,
    description: `"${name}" wherever it is true of the film, in the greedy order (the model's explanation elsewhere)`,
    distribution(actions) {
      if (actions.length === 0) return [];
      const chosen = argmax(actions);
      const item = actions[chosen].item;
      const withKind = actions.findIndex((action) => action.item === item && action.kind === kind);
      return oneHot(actions.length, withKind >= 0 ? withKind : chosen);
    },
  };
}
