import type { EvaluationResult } from "./evaluate-window";

/** The operator-record kind the log evaluator stores its runs under. */
export const EVALUATION_RECORD_KIND = "evaluation";

/**
 * The payload of an "evaluation" operator record (lib/server/log-evaluator.ts writes it; GET
 * /api/insights/evaluation and /insights read it): the evaluator's result for one window and how
 * the window was read.
 */
export interface StoredEvaluation extends EvaluationResult {
  reading: {
    /** Feedback counted only within this long after its impression. */
    feedbackHorizonMs: number;
    /** Impressions created in the window and in the previous one, before thinning to `maxImpressions`. */
    impressionsFound: { current: number; previous: number };
    maxImpressions: number;
    /** Event-log entries read. */
    entries: number;
    /** Wall-clock milliseconds the run took (reading and evaluating, interleaved with requests). */
    durationMs: number;
  };
}
