/** The log evaluator's settings; every number a test or an operator may want to change. */
export interface EvaluationConfig {
  /** Two-sided confidence of the estimates' intervals. Default 0.95. */
  confidence: number;
  /** Pseudo-observations the DR reward table shrinks each cell by (reward-table.ts). Default 10. */
  rewardSmoothing: number;
  /** Positions at or past this share one reward-table cell. Default 9. */
  rewardMaximumPosition: number;
  /** Item sets per slot past which an impression's exact marginals are not computed (slot-marginals.ts). Default 4096. */
  maxPrefixStates: number;
  /** An explanation gets its own "explanation:<kind>" policy when it could be shown in at least this many logged choice sets. Default 30. */
  minimumExplanationChoices: number;
  drift: DriftConfig;
}

/**
 * Drift flags: a rate (feedback, a route's share, fallbacks) is flagged when the two-proportion
 * z-test against the previous window gives |z| ≥ `zThreshold` AND the rate moved by at least
 * `minimumRateChange`, with at least `minimumCount` trials in each window; a latency percentile
 * when it moved by at least `latencyRelativeChange` of the previous value with at least
 * `latencyMinimumCount` requests in each window. The z threshold is 3, not 1.96: every window is
 * tested on about a dozen metrics, four times an hour, and a flag should mean something.
 */
export interface DriftConfig {
  zThreshold: number;
  minimumRateChange: number;
  minimumCount: number;
  latencyRelativeChange: number;
  latencyMinimumCount: number;
}

const DEFAULT_DRIFT_CONFIG: Readonly<DriftConfig> = { zThreshold: 3, minimumRateChange: 0.02, minimumCount: 30, latencyRelativeChange: 0.25, latencyMinimumCount: 50 };

const DEFAULT_EVALUATION_CONFIG: Readonly<EvaluationConfig> = {
  confidence: 0.95,
  rewardSmoothing: 10,
  rewardMaximumPosition: 9,
  maxPrefixStates: 4096,
  minimumExplanationChoices: 30,
  drift: DEFAULT_DRIFT_CONFIG,
};

/** The defaults with `overrides` (drift thresholds merged one by one). */
export function evaluationConfig(overrides: Partial<Omit<EvaluationConfig, "drift">> & { drift?: Partial<DriftConfig> } = {}): EvaluationConfig {
  return { ...DEFAULT_EVALUATION_CONFIG, ...overrides, drift: { ...DEFAULT_DRIFT_CONFIG, ...overrides.drift } };
}
