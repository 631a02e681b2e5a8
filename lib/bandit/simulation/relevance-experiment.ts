import { createRelevanceTracker, type RelevanceSummary } from "./relevance-tracker";
import { runSimulation, type SimulatedPolicy, type SimulationOptions } from "./run-simulation";

export interface RelevanceRow {
  policy: SimulatedPolicy;
  relevance: RelevanceSummary;
  /** Expected plays per request (the simulator's engagement, position-discounted). */
  playsPerRequest: number;
  /** Feedback events the policy learned from by the end (plays and skips it was shown). */
  feedbackEvents: number;
}

/**
 * The simulation's own options: `policies` are the variants to compare (distinct names: they seed
 * each policy's decisions); `limit` (default 5) is also the NDCG cut-off.
 */
export type RelevanceExperimentOptions = Pick<SimulationOptions, "environment" | "catalog" | "policies" | "rounds" | "seed" | "limit">;

/**
 * Runs every variant over the same requests (same seed, so the same request stream as any other
 * run with that seed), each learning online from the feedback its own slates earn, and compares
 * each request's served order with retrieval's order on that request (`createRelevanceTracker`).
 * Throws a RangeError when two variants share a name.
 */
export function runRelevanceExperiment(options: RelevanceExperimentOptions): RelevanceRow[] {
  const names = new Set(options.policies.map((policy) => policy.name));
  if (names.size !== options.policies.length) throw new RangeError("Relevance experiment variants need distinct names.");
  const limit = options.limit ?? 5;
  const tracker = createRelevanceTracker(options.environment, limit);
  const result = runSimulation({ environment: options.environment, catalog: options.catalog, policies: options.policies, rounds: options.rounds, seed: options.seed, limit, onRound: tracker.onRound });
  return result.runs.map((run, index) => ({
    policy: options.policies[index],
    relevance: tracker.summary(run.name),
    playsPerRequest: run.expectedReward / options.rounds,
    feedbackEvents: run.state.feedbackEvents,
  }));
}
