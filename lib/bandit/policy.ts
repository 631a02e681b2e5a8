import { z } from "zod";

/**
 * How the bandit explores. `random` and `greedy` are baselines; `epsilon-greedy` is BaRT's
 * production choice; `thompson` samples the reward model's posterior.
 */
export const policyConfigSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("random") }),
  z.object({ kind: z.literal("greedy") }),
  z.object({
    kind: z.literal("epsilon-greedy"),
    /** Probability of a uniformly random action at each slot. */
    epsilon: z.number().min(0).max(1),
    /**
     * When set, ε decays as ε·min(1, (decayImpressions / t)^(1/3)) after t impressions — the
     * schedule with O(T^(2/3)) regret. Null keeps ε constant (BaRT), which keeps every action's
     * propensity above ε/K for off-policy evaluation but gives linear regret.
     */
    decayImpressions: z.number().positive().nullable(),
    /** Floor under the decayed ε, so logged data keeps support for off-policy evaluation. */
    minimumEpsilon: z.number().min(0).max(1),
  }),
  z.object({
    kind: z.literal("thompson"),
    /**
     * Posterior draws per request. One of them, chosen uniformly, picks each slot: in
     * distribution that is exactly Thompson sampling, and the propensity of the action shown
     * is exact given the draws (the share of draws whose best action it is).
     */
    samples: z.number().int().min(1).max(1024),
    /** Posterior width multiplier (1 = the Laplace posterior). */
    explorationScale: z.number().positive(),
  }),
]);

export type PolicyConfig = z.infer<typeof policyConfigSchema>;
export type PolicyKind = PolicyConfig["kind"];

/**
 * The serving default: ε-greedy with ε = 0.1, as BaRT ran in production. Every action keeps a
 * propensity ≥ ε/K, so logs always support off-policy evaluation of new policies; Thompson
 * sampling can give an action zero draws, and then no log can evaluate a policy that shows it.
 */
export const DEFAULT_POLICY: PolicyConfig = { kind: "epsilon-greedy", epsilon: 0.1, decayImpressions: null, minimumEpsilon: 0 };

/**
 * Parses a policy name as written in configuration (REELCAST_BANDIT_POLICY): `random`,
 * `greedy`, `epsilon-greedy`, `epsilon-greedy:0.05`, `thompson` or `thompson:64`.
 * Throws a RangeError naming the accepted forms on anything else.
 */
export function parsePolicy(text: string): PolicyConfig {
  const [name, argument] = text.trim().toLowerCase().split(":");
  const number = argument === undefined ? undefined : Number(argument);
  if (argument !== undefined && !Number.isFinite(number)) throw new RangeError(`Bad policy parameter in "${text}".`);
  switch (name) {
    case "random":
      return { kind: "random" };
    case "greedy":
      return { kind: "greedy" };
    case "epsilon-greedy":
    case "epsilon":
      return policyConfigSchema.parse({ ...DEFAULT_POLICY, epsilon: number ?? 0.1 });
    case "thompson":
      return policyConfigSchema.parse({ kind: "thompson", samples: number ?? 32, explorationScale: 1 });
    default:
      throw new RangeError(`Unknown bandit policy "${text}": use random, greedy, epsilon-greedy[:ε] or thompson[:samples].`);
  }
}

/** The ε in force after `impressions` impressions (0 for non-ε policies). */
export function epsilonAt(policy: PolicyConfig, impressions: number): number {
  if (policy.kind !== "epsilon-greedy") return 0;
  if (policy.decayImpressions === null) return policy.epsilon;
  const decayed = policy.epsilon * Math.min(1, Math.cbrt(policy.decayImpressions / Math.max(1, impressions)));
  return Math.max(policy.minimumEpsilon, decayed);
}

/** A short label for logs and reports, e.g. "epsilon-greedy(0.1)". */
export function describePolicy(policy: PolicyConfig): string {
  switch (policy.kind) {
    case "epsilon-greedy":
      return policy.decayImpressions === null ? `epsilon-greedy(${policy.epsilon})` : `epsilon-greedy(${policy.epsilon}, decay ${policy.decayImpressions})`;
    case "thompson":
      return `thompson(${policy.samples}${policy.explorationScale === 1 ? "" : `, ×${policy.explorationScale}`})`;
    default:
      return policy.kind;
  }
}
