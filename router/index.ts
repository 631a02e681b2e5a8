// The agentic router: pure decisions over the query and session (no I/O, no process.env, no
// clock), its cost model and its budget guard.
export { budgetConfigFromEnvironment, DEFAULT_BUDGET, emptyBudgetState, guardBudget, recordUsage, type BudgetConfig, type BudgetDecision, type BudgetState, type OfflineBucket, type UsageEvent } from "./budget-guard";
export { DEFAULT_ROUTER_THRESHOLD, routerThresholdFromEnvironment } from "./config";
export {
  actualCost,
  CHARACTERS_PER_TOKEN,
  CONSTRAINT_COMPLETION_TOKENS,
  DEFAULT_MODEL_PRICE,
  DEFAULT_PRICE_TABLE,
  DEFAULT_SPEECH_PRICE,
  DEFAULT_SPEECH_PRICE_TABLE,
  estimateCallUsd,
  estimateRouteCost,
  estimateTokens,
  FAST_PATH_LATENCY_MS,
  OFFLINE_REASONER_LATENCY_MS,
  speechUsd,
  tokensToUsd,
  type ActualCost,
  type CostEstimate,
  type LlmUsage,
  type ModelPrice,
  type PriceTable,
  type RouteCostInput,
  type SpeechPrice,
  type SpeechPriceTable,
} from "./cost-model";
export { costQualityCurve, type CostQualityCurve, type CurveInput, type CurvePoint } from "./cost-quality-curve";
export { decideRoute, routeFeatureVector, type RouteDecision, type RouteOptions, type RoutePath, type RouterContext } from "./decide-route";
export { FEATURE_NAMES, routerFeatures, type FeatureName, type RouterFeatures, type RouterSessionContext } from "./features";
export { predictProbability, trainLogisticRegression, type LogisticModel, type TrainingOptions } from "./logistic-regression";
export { ROUTER_WEIGHTS, validateRouterWeights, type RouterWeightsFile } from "./router-weights";
