/**
 * lib/evaluation — the evaluator over the real logs (issue 22). Pure: the server reads a window
 * of the store (lib/server/evaluation-window-reader.ts) and stores the result
 * (lib/server/log-evaluator.ts); `npm run eval:logs` runs it over a store file or a synthetic log.
 */
export { evaluateWindow, evaluationSteps, type EvaluationResult } from "./evaluate-window";
export { evaluationConfig, type EvaluationConfig } from "./evaluation-config";
export type { IntervalEstimate } from "./policy-estimates";
export type { EvaluationWindow, WindowImpression } from "./window-input";
export { EVALUATION_RECORD_KIND, type StoredEvaluation } from "./stored-evaluation";
