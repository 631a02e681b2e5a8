import type { BanditCatalog } from "../bandit-catalog";
import { createBanditState, type BanditState, type BanditStateOptions } from "../bandit-state";
import { createSlatePolicy, fillSlate, prepareSlate, slotFeatures, type FilledSlot } from "../choose-slate";
import { doublyRobustEstimate, inversePropensityEstimate, selfNormalizedEstimate, type Estimate, type LoggedSlot, type SlotWeighting } from "../off-policy";
import { availabilityProbability, positionMarginals } from "../position-marginals";
import type { PolicyConfig } from "../policy";
import { deriveRandom } from "../random";
import { observe, predictEngagement, type RewardModel } from "../reward-model";
import { positionBias, type SimulationEnvironment } from "./environment";
import { roundStream, runSimulation, type SimulatedPolicy } from "./run-simulation";

/** A frozen policy to evaluate: its configuration and learned state (not updated here). */
export interface TargetPolicy {
  name: string;
  config: PolicyConfig;
  state: BanditState;
}

export interface OffPolicyExperimentOptions {
  environment: SimulationEnvironment;
  catalog: BanditCatalog;
  seed: number;
  /** The policy that logs (learning online as in production), e.g. ε-greedy with ε = 0.3. */
  logger: SimulatedPolicy;
  loggedRounds: number;
  targets: readonly TargetPolicy[];
  /** Fresh on-policy rounds per target for its true value. */
  truthRounds: number;
  /** Prefix samples for the targets' marginal propensities (per-slot estimators). Default 32. */
  marginalSamples?: number;
  /** Prefix samples for the logger's item availability (per-slot estimators). Default 32. */
  availabilitySamples?: number;
  limit?: number;
  stateOptions?: BanditStateOptions;
}

export interface EstimateSet {
  inversePropensity: Estimate;
  selfNormalized: Estimate;
  doublyRobust: Estimate;
}

export interface OffPolicyRow {
  name: string;
  /** True on-policy expected slate reward per request (mean over `truthRounds` fresh requests). */
  trueValue: number;
  trueStandardError: number;
  /** Sequential weights from the logged conditional propensities: no assumption, high variance. */
  sequential: EstimateSet;
  /** Per-slot weights from marginal propensities: assumes the position-based model. */
  perSlot: EstimateSet;
  /**
   * Diagnostic: the per-slot estimators on the same logged actions but with each slot's expected
   * reward in place of the sampled outcome. Its error is the estimator's own (weights, q̂); the
   * difference to `perSlot` is outcome noise on heavily weighted slots.
   */
  perSlotExpectedOutcomes: EstimateSet;
}

export interface OffPolicyResult {
  logger: string;
  loggedRounds: number;
  loggedSlots: number;
  /** Mean sampled slate reward of the logging run. */
  loggerRealisedValue: number;
  rows: OffPolicyRow[];
}

interface LoggedRound {
  filled: FilledSlot[];
  rewards: number[];
  /** What each logged slot's reward was worth in expectation (diagnostic, never seen by estimators of record). */
  expectedRewards: number[];
  /**
   * Per-slot logging weight denominators: the logged conditional propensity times the logger's
   * probability that the item was still available at that slot.
   */
  perSlotPropensities: number[];
}

function estimates(slates: LoggedSlot[][], weighting: SlotWeighting): EstimateSet {
  return {
    inversePropensity: inversePropensityEstimate(slates, weighting),
    selfNormalized: selfNormalizedEstimate(slates, weighting),
    doublyRobust: doublyRobustEstimate(slates, weighting),
  };
}

/**
 * Off-policy evaluation from ONE logged run. The logger runs `loggedRounds` requests, learning
 * online and logging every slot's propensity. Each frozen target is then scored on that log
 * with IPS, SNIPS and doubly robust estimators, twice: with sequential weights from the logged
 * conditional propensities, and with per-slot weights π(a, p) / (μ(a | prefix) · availability),
 * the target's marginal over the logger's conditional propensity times the probability the item
 * was still available (computed at logging time, see `availabilityProbability`). The DR reward model is cross-fitted (fitted on even rounds for odd
 * ones and vice versa). Each target's true value is measured by running it on fresh requests
 * with exact expected rewards.
 */
export function runOffPolicyExperiment(options: OffPolicyExperimentOptions): OffPolicyResult {
  const { environment, catalog, seed, logger, targets } = options;
  const limit = options.limit ?? 5;
  const loggingSeed = seed + 1;
  const log: LoggedRound[] = [];
  const marginalSamples = options.marginalSamples ?? 32;
  const marginalRandom = deriveRandom(seed, "logger-availability");
  // Cross-fitted reward models for DR: fold f is trained on rounds with parity f.
  const folds: RewardModel[] = [createBanditState(options.stateOptions).model, createBanditState(options.stateOptions).model];
  let loggedSlots = 0;
  const logging = runSimulation({
    environment,
    catalog,
    policies: [logger],
    rounds: options.loggedRounds,
    seed: loggingSeed,
    limit,
    stateOptions: options.stateOptions,
    onRound({ round, problem, filled, rewards, policy, simulationRound }) {
      const expectedRewards = filled.map(({ actionIndex, position }) => positionBias(position) * environment.engagement(simulationRound, actionIndex, problem));
      // The logger's availability must come from its state at logging time, i.e. now.
      const perSlotPropensities = filled.map(
        ({ actionIndex, position, propensity }) =>
          propensity * availabilityProbability(problem, policy, marginalRandom, problem.actions[actionIndex].itemIndex, position, options.availabilitySamples ?? 32),
      );
      log.push({ filled, rewards, expectedRewards, perSlotPropensities });
      loggedSlots += filled.length;
      filled.forEach(({ actionIndex, position }, slot) => observe(folds[round % 2], slotFeatures(problem, actionIndex, position), rewards[slot]));
    },
  });
  const dimension = folds[0].dimension;

  const slates: Record<SlotWeighting | "per-slot-expected", LoggedSlot[][][]> = { sequential: targets.map(() => []), "per-slot": targets.map(() => []), "per-slot-expected": targets.map(() => []) };
  const targetRandom = targets.map((target) => deriveRandom(seed, `off-policy-target:${target.name}`));
  const nextLoggedRound = roundStream(environment, loggingSeed);
  log.forEach(({ filled, rewards, expectedRewards, perSlotPropensities }, round) => {
    const simulationRound = nextLoggedRound();
    const problem = prepareSlate({ candidates: simulationRound.candidates, catalog, context: simulationRound.context, limit, dimension });
    const model = folds[(round + 1) % 2];
    const predictions = new Map<number, number>();
    const predict = (actionIndex: number, position: number) => {
      const key = position * problem.actions.length + actionIndex;
      let prediction = predictions.get(key);
      if (prediction === undefined) predictions.set(key, (prediction = predictEngagement(model, slotFeatures(problem, actionIndex, position))));
      return prediction;
    };
    targets.forEach((target, index) => {
      const policy = createSlatePolicy(problem, target.state, target.config, targetRandom[index]);
      const sequential: LoggedSlot[] = [];
      const taken = new Set<number>();
      for (const { actionIndex, position, propensity } of filled) {
        const distribution = policy.distribution(position, taken);
        let targetPropensity = 0;
        let targetPredictedReward = 0;
        distribution.actions.forEach((candidateAction, slot) => {
          const probability = distribution.probabilities[slot];
          if (candidateAction === actionIndex) targetPropensity = probability;
          if (probability > 0) targetPredictedReward += probability * predict(candidateAction, position);
        });
        sequential.push({ reward: rewards[position], loggingPropensity: propensity, targetPropensity, predictedReward: predict(actionIndex, position), targetPredictedReward });
        taken.add(problem.actions[actionIndex].itemIndex);
      }
      // A deterministic target has one prefix; sampling it more would only repeat it.
      const samples = target.config.kind === "greedy" ? 1 : marginalSamples;
      const targetMarginals = positionMarginals(problem, policy, targetRandom[index], samples);
      const perSlot = filled.map(({ actionIndex, position }, slot): LoggedSlot => {
        let targetPredictedReward = 0;
        for (const [candidateAction, probability] of targetMarginals[position]) targetPredictedReward += probability * predict(candidateAction, position);
        return {
          reward: rewards[position],
          loggingPropensity: perSlotPropensities[slot],
          targetPropensity: targetMarginals[position].get(actionIndex) ?? 0,
          predictedReward: predict(actionIndex, position),
          targetPredictedReward,
        };
      });
      slates.sequential[index].push(sequential);
      slates["per-slot"][index].push(perSlot);
      slates["per-slot-expected"][index].push(perSlot.map((slot, position) => ({ ...slot, reward: expectedRewards[position] })));
    });
  });

  const truthValues: number[][] = targets.map(() => []);
  const truthRandom = targets.map((target) => deriveRandom(seed, `truth-decisions:${target.name}`));
  const nextTruthRound = roundStream(environment, seed, "truth-rounds");
  for (let round = 0; round < options.truthRounds; round++) {
    const simulationRound = nextTruthRound();
    const problem = prepareSlate({ candidates: simulationRound.candidates, catalog, context: simulationRound.context, limit, dimension });
    const engagement = new Map<number, number>();
    targets.forEach((target, index) => {
      const filled = fillSlate(problem, createSlatePolicy(problem, target.state, target.config, truthRandom[index]), truthRandom[index]);
      let value = 0;
      for (const { actionIndex, position } of filled) {
        let probability = engagement.get(actionIndex);
        if (probability === undefined) engagement.set(actionIndex, (probability = environment.engagement(simulationRound, actionIndex, problem)));
        value += positionBias(position) * probability;
      }
      truthValues[index].push(value);
    });
  }

  const rows = targets.map((target, index) => {
    const values = truthValues[index];
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length - 1);
    return {
      name: target.name,
      trueValue: mean,
      trueStandardError: Math.sqrt(variance / values.length),
      sequential: estimates(slates.sequential[index], "sequential"),
      perSlot: estimates(slates["per-slot"][index], "per-slot"),
      perSlotExpectedOutcomes: estimates(slates["per-slot-expected"][index], "per-slot"),
    };
  });
  return {
    logger: logger.name,
    loggedRounds: options.loggedRounds,
    loggedSlots,
    loggerRealisedValue: logging.runs[0].realisedReward / options.loggedRounds,
    rows,
  };
}
