import type { BanditCatalog } from "../bandit-catalog";
import { createBanditState, type BanditState, type BanditStateOptions } from "../bandit-state";
import { createSlatePolicy, fillSlate, prepareSlate, slotFeatures, type FilledSlot, type SlatePolicy, type SlateProblem } from "../choose-slate";
import { applyFeedback, observeImpression } from "../feedback-loop";
import type { PolicyConfig } from "../policy";
import { deriveRandom } from "../random";
import { positionBias, type SimulationEnvironment, type SimulationRound } from "./environment";

export interface SimulatedPolicy {
  name: string;
  config: PolicyConfig;
}

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
 * Runs every policy over the same `rounds` requests in lockstep, each learning online through
 * the production feedback path (impression observed as 0, engagement raised by feedback).
 * Regret is expected regret against the oracle slate, so it carries no reward-sampling noise.
 */
export function runSimulation(options: SimulationOptions): SimulationResult {
  const { environment, catalog, policies, rounds, seed } = options;
  const limit = options.limit ?? 5;
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
      const policy = createSlatePolicy(problem, run.state, run.config, decisionRandom[index]);
      const filled = fillSlate(problem, policy, decisionRandom[index]);
      let expected = 0;
      const rewards = filled.map(({ actionIndex, position }): number => {
        const probability = positionBias(position) * engagement[actionIndex];
        expected += probability;
        return rewardRandom[index]() < probability ? 1 : 0;
      });
      regret[index] += oracle - expected;
      run.cumulativeRegret[round] = regret[index];
      learnableRegret[index] += observableOracle - expected;
      run.cumulativeLearnableRegret[round] = learnableRegret[index];
      run.expectedReward += expected;
      run.realisedReward += rewards.reduce((sum, reward) => sum + reward, 0);
      options.onRound?.({ round, policyName: run.name, policy, simulationRound, problem, filled, rewards });
      const features = filled.map(({ actionIndex, position }) => slotFeatures(problem, actionIndex, position));
      observeImpression(run.state, features.map((slotFeature) => ({ features: slotFeature })));
      rewards.forEach((reward, slot) => {
        if (reward > 0) applyFeedback(run.state, { features: features[slot], previousEvents: [], event: "play" });
      });
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
