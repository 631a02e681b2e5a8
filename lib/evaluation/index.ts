/**
 * lib/evaluation — the evaluator over the real logs (issue 22). Pure: the server reads a window
 * of the store (lib/server/evaluation-window-reader.ts) and stores the result
 * (lib/server/log-evaluator.ts); `npm run eval:logs` runs it over a store file or a synthetic log.
 */
export { evaluateWindow, evaluationSteps, type EvaluationInput, type EvaluationResult } from "./evaluate-window";
export { DEFAULT_DRIFT_CONFIG, DEFAULT_EVALUATION_CONFIG, evaluationConfig, type DriftConfig, type EvaluationConfig } from "./evaluation-config";
export type { DriftFlag } from "./drift";
export type { EstimatorSet, IntervalEstimate, PolicyEstimate } from "./policy-estimates";
export type { Exclusion } from "./prepared-impression";
export type { EvaluatedPolicy } from "./target-policies";
export type { EvaluationWindow, WindowImpression, WindowSlot } from "./window-input";
export type { LatencySummary, Route, WindowStats } from "./window-stats";
export { EVALUATION_RECORD_KIND, type StoredEvaluation } from "./stored-evaluation";
