export { createEnvironment, positionBias, type EnvironmentOptions, type SimulationEnvironment, type SimulationRound } from "./environment";
export { solveSymmetricPositiveDefinite, ridgeFoldIn, rowDot } from "./linear-algebra";
export { runOffPolicyExperiment, type EstimateSet, type OffPolicyExperimentOptions, type OffPolicyResult, type OffPolicyRow, type TargetPolicy } from "./off-policy-experiment";
export { quickFactorisation, type FactorisationOptions, type RatingTable } from "./quick-factorisation";
export {
  DEFAULT_SKIP_SHARE,
  regretGrowthExponent,
  roundStream,
  runSimulation,
  type LearningRule,
  type PolicyRun,
  type RoundRecord,
  type SimulatedEvent,
  type SimulatedPolicy,
  type SimulationOptions,
  type SimulationResult,
} from "./run-simulation";
export { slateNdcg, trueGain } from "./slate-ndcg";
export { createRelevanceTracker, type NdcgWindow, type RelevanceSummary } from "./relevance-tracker";
export { runRelevanceExperiment, type RelevanceExperimentOptions, type RelevanceRow } from "./relevance-experiment";
export { buildSimulatedUsers, heldOutRows, KIND_BASE_EFFECT, pickSimulatedUsers, type SimulatedUser, type SyntheticUserOptions } from "./synthetic-users";
