import type { BanditCatalog } from "../bandit-catalog";
import { createBanditState, type BanditState, type BanditStateOptions } from "../bandit-state";
import { createSlatePolicy, fillSlate, prepareSlate, slotFeatures, type FilledSlot, type SlatePolicy } from "../choose-slate";
import type { SlateProblem } from "../slate-problem";
import type { SparseFeatures } from "../features";
import { applyFeedback, observeImpression } from "../feedback-loop";
import type { PolicyConfig } from "../policy";
import { deriveRandom } from "../random";
import type { RelevanceBand } from "../relevance-band";
import { observe, shiftLabel } from "../reward-model";
import { positionBias, type SimulationEnvironment, type SimulationRound } from "./environment";

/**
 * How a simulated policy learns. "reactions" is production's rule (feedback-loop.ts: only slots
 * someone reacted to are observed). "impressions-as-zeros" is the rule before it, kept only to
 * measure what it did: every shown slot observed as a 0 at once, a play raising it to 1.
 */
export type LearningRule = "reactions" | "impressions-as-zeros";

export interface SimulatedPolicy {
  name: string;
  config: PolicyConfig;
  /** The band its slots are chosen within; default: the problem's (DEFAULT_RELEVANCE_BAND). */
  band?: RelevanceBand;
  /** Default "reactions". */
  learning?: LearningRule;
  /** False: the simulated people never react (a stream of impressions without feedback). Default true. */
  feedback?: boolean;
}

/** What a simulated person did with a shown slot. */
export type SimulatedEvent = "play" | "skip" | null;

/**
 * Share of examined, unplayed slots a simulated person explicitly skips. Production learns only
 * from reactions, so the simulation needs some negative ones; 30 % is an assumption (the app
 * has a skip button on every card), and the share does not change what is optimal: the model
 * learns P(play | reaction) = e / (e + s·(1 − e)), which orders actions as engagement e does.
 */
export const DEFAULT_SKIP_SHARE = 0.3;

/** What one policy did in one round, for loggers (off-policy evaluation, q̂ fitting). */
export interface RoundRecord {
  round: number;
  policyName: string;
  /** The policy as bound for this round, before the round's feedback updated its state. */
  policy: SlatePolicy;
  simulationRound: SimulationRound;
  problem: SlateProblem;
  filled: FilledSlot[];
  /** Sampled reward of each filled slot (1 = played, 0 = not). */
  rewards: number[];
  /** What the person did with each filled slot (null: nothing). */
  events: SimulatedEvent[];
}

export interface PolicyRun {
  name: string;
  config: PolicyConfig;
  /** Cumulative expected regret after each round (index t = after round t + 1). */
  cumulativeRegret: Float64Array;
  /**
   * Cumulative regret against the observable oracle (see `observableOracleValue`): the part
   * learning can remove. It can dip below zero in a round; its growth is what must be sublinear.
   */
  cumulativeLearnableRegret: Float64Array;
  /** Σ expected slate reward. */
  expectedReward: number;
  /** Σ sampled slate reward. */
  realisedReward: number;
  /** Final learned state. */
  state: BanditState;
}

export interface SimulationOptions {
  environment: SimulationEnvironment;
  catalog: BanditCatalog;
  policies: readonly SimulatedPolicy[];
  rounds: number;
  seed: number;
  /** Slate size. Default 5. */
  limit?: number;
  stateOptions?: BanditStateOptions;
  /** Share of examined, unplayed slots skipped explicitly. Default `DEFAULT_SKIP_SHARE`. */
  skipShare?: number;
  /** Called for every policy's slate in every round, before the policy learns from it. */
  onRound?: (record: RoundRecord) => void;
}

export interface SimulationResult {
  runs: PolicyRun[];
  /** Σ oracle slate value over rounds. */
  oracleValue: number;
  /** Σ observable-oracle slate value over rounds. */
  observableOracleValue: number;
  rounds: number;
}

/** The request stream of a seed: the same rounds for every policy (common random numbers). */
export function roundStream(environment: SimulationEnvironment, seed: number, purpose = "rounds"): () => SimulationRound {
  const random = deriveRandom(seed, purpose);
  return () => environment.drawRound(random);
}

/**
 * One policy's learning step after its slate was shown: production's nearline path
 * (`observeImpression`, then `applyFeedback` per reaction) or the earlier rule it replaced.
 */
function learn(state: BanditState, rule: LearningRule, features: readonly SparseFeatures[], events: readonly SimulatedEvent[]): void {
  if (rule === "impressions-as-zeros") {
    for (const slotFeature of features) observe(state.model, slotFeature, 0);
    state.impressions++;
    events.forEach((event, slot) => {
      if (event !== "play") return;
      shiftLabel(state.model, features[slot], 1);
      state.feedbackEvents++;
    });
    return;
  }
  observeImpression(
    state,
    features.map((slotFeature) => ({ features: slotFeature })),
  );
  events.forEach((event, slot) => {
    if (event !== null) applyFeedback(state, { features: features[slot], previousEvents: [], event });
  });
}

/**
 * Runs every policy over the same `rounds` requests in lockstep, each learning online through
 * the production feedback path (impressions counted; each examined slot played with its
 * engagement probability, else skipped with probability `skipShare`, and each play or skip
 * observed). Regret is expected regret against the oracle slate, so it carries no
 * reward-sampling noise. One uniform draw per slot decides play / skip / nothing, so the plays
 * of a seed do not depend on the skip share.
 */
export function runSimulation(options: SimulationOptions): SimulationResult {
  const { environment, catalog, policies, rounds, seed } = options;
  const limit = options.limit ?? 5;
  const skipShare = options.skipShare ?? DEFAULT_SKIP_SHARE;
  const nextRound = roundStream(environment, seed);
  const runs: PolicyRun[] = policies.map((policy) => ({
    name: policy.name,
    config: policy.config,
    cumulativeRegret: new Float64Array(rounds),
    cumulativeLearnableRegret: new Float64Array(rounds),
    expectedReward: 0,
    realisedReward: 0,
    state: createBanditState(options.stateOptions),
  }));
  const decisionRandom = policies.map((policy) => deriveRandom(seed, `decisions:${policy.name}`));
  const rewardRandom = policies.map((policy) => deriveRandom(seed, `rewards:${policy.name}`));
  let oracleValue = 0;
  let observableOracleValue = 0;
  const regret = new Float64Array(policies.length);
  const learnableRegret = new Float64Array(policies.length);

  for (let round = 0; round < rounds; round++) {
    const simulationRound = nextRound();
    const problem = prepareSlate({ candidates: simulationRound.candidates, catalog, context: simulationRound.context, limit, dimension: runs[0]?.state.model.dimension ?? 1 << 16 });
    const engagement = problem.actions.map((_, actionIndex) => environment.engagement(simulationRound, actionIndex, problem));
    const oracle = environment.oracleValue(simulationRound, problem);
    const observableOracle = environment.observableOracleValue(simulationRound, problem);
    oracleValue += oracle;
    observableOracleValue += observableOracle;
    runs.forEach((run, index) => {
      const band = policies[index].band;
      const policyProblem = band ? { ...problem, band } : problem;
      const policy = createSlatePolicy(policyProblem, run.state, run.config, decisionRandom[index]);
      const filled = fillSlate(policyProblem, policy, decisionRandom[index]);
      let expected = 0;
      const events = filled.map(({ actionIndex, position }): SimulatedEvent => {
        const examined = positionBias(position);
        const probability = examined * engagement[actionIndex];
        expected += probability;
        const draw = rewardRandom[index]();
        if (draw < probability) return "play";
        return draw < probability + examined * (1 - engagement[actionIndex]) * skipShare ? "skip" : null;
      });
      const rewards = events.map((event): number => (event === "play" ? 1 : 0));
      regret[index] += oracle - expected;
      run.cumulativeRegret[round] = regret[index];
      learnableRegret[index] += observableOracle - expected;
      run.cumulativeLearnableRegret[round] = learnableRegret[index];
      run.expectedReward += expected;
      run.realisedReward += rewards.reduce((sum, reward) => sum + reward, 0);
      options.onRound?.({ round, policyName: run.name, policy, simulationRound, problem: policyProblem, filled, rewards, events });
      const features = filled.map(({ actionIndex, position }) => slotFeatures(problem, actionIndex, position));
      learn(run.state, policies[index].learning ?? "reactions", features, policies[index].feedback === false ? events.map(() => null) : events);
    });
  }
  return { runs, oracleValue, observableOracleValue, rounds };
}

/**
 * Least-squares slope of log R(t) on log t over rounds [from, to): R(t) ∝ t^slope. Linear
 * regret gives 1, √T-type regret 0.5. Sampled at 50 log-spaced points so the tail does not
 * dominate the fit.
 */
export function regretGrowthExponent(cumulativeRegret: Float64Array, from = Math.floor(cumulativeRegret.length / 10), to = cumulativeRegret.length): number {
  const points: Array<[number, number]> = [];
  const start = Math.max(1, from);
  for (let step = 0; step < 50; step++) {
    const round = Math.min(to, Math.round(start * Math.pow(to / start, step / 49)));
    const value = cumulativeRegret[round - 1];
    if (value > 0) points.push([Math.log(round), Math.log(value)]);
  }
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}
