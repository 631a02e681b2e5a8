export { createEnvironment, positionBias, type SimulationEnvironment } from "./environment";
export { ridgeFoldIn, rowDot } from "./linear-algebra";
export { runOffPolicyExperiment, type OffPolicyResult } from "./off-policy-experiment";
export { quickFactorisation } from "./quick-factorisation";
export { DEFAULT_SKIP_SHARE, regretGrowthExponent, runSimulation, type PolicyRun, type SimulatedPolicy } from "./run-simulation";
export { slateNdcg, trueGain } from "./slate-ndcg";
export { createRelevanceTracker, type NdcgWindow, type RelevanceSummary } from "./relevance-tracker";
export { runRelevanceExperiment, type RelevanceRow } from "./relevance-experiment";
export { buildSimulatedUsers, heldOutRows, pickSimulatedUsers, type SimulatedUser } from "./synthetic-users";
