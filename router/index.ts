// The agentic router: pure decisions over the query and session (no I/O, no process.env, no
// clock), its cost model and its budget guard.
export { budgetConfigFromEnvironment, DEFAULT_BUDGET, emptyBudgetState, guardBudget, recordUsage, type BudgetConfig, type BudgetDecision, type BudgetState } from "./budget-guard";
export { DEFAULT_ROUTER_THRESHOLD, routerThresholdFromEnvironment } from "./config";
export { actualCost, estimateCallUsd, estimateRouteCost, speechUsd, type ActualCost, type CostEstimate, type PriceTable, type SpeechPriceTable } from "./cost-model";
export { decideRoute } from "./decide-route";
