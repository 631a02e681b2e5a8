export { createEnvironment, positionBias, type EnvironmentOptions, type SimulationEnvironment, type SimulationRound } from "./environment";
export { solveSymmetricPositiveDefinite, ridgeFoldIn, rowDot } from "./linear-algebra";
export { runOffPolicyExperiment, type EstimateSet, type OffPolicyExperimentOptions, type OffPolicyResult, type OffPolicyRow, type TargetPolicy } from "./off-policy-experiment";
export { quickFactorisation, type FactorisationOptions, type RatingTable } from "./quick-factorisation";
export { regretGrowthExponent, roundStream, runSimulation, type PolicyRun, type RoundRecord, type SimulatedPolicy, type SimulationOptions, type SimulationResult } from "./run-simulation";
export { buildSimulatedUsers, heldOutRows, KIND_BASE_EFFECT, pickSimulatedUsers, type SimulatedUser, type SyntheticUserOptions } from "./synthetic-users";
