import { driftFlags, type DriftFlag } from "./drift";
import { evaluationConfig, type DriftConfig, type EvaluationConfig } from "./evaluation-config";
import { normalQuantile } from "./normal-quantile";
import { estimatePolicies, IMPRESSIONS_PER_STEP, type PolicyEstimate } from "./policy-estimates";
import { prepareImpression, type Exclusion, type PreparedImpression } from "./prepared-impression";
import { crossFittedRewardTables } from "./reward-table";
import { explanationPolicy, GREEDY_POLICY, LOGGING_POLICY, RELEVANCE_ORDER_POLICY, UNIFORM_POLICY, type EvaluatedPolicy } from "./target-policies";
import type { EvaluationWindow } from "./window-input";
import { windowStats, type WindowStats } from "./window-stats";

/**
 * One run of the log evaluator, as stored in an operator record of kind "evaluation"
 * (`store.appendOperatorRecord({ kind: "evaluation", at, payload })`) and answered by
 * GET /api/insights/evaluation. Plain JSON: numbers that could not be computed are null.
 *
 * - `policies`: the logging policy first, then the alternatives, each with IPS, SNIPS and DR
 *   under per-slot weights (the estimates of record) and sequential weights, every estimate with
 *   its interval and effective sample size, and `comparedToLogging` from the per-slot DR
 *   intervals. Values are expected reward per impression: the sum over its slots of the slot's
 *   reward (lib/bandit/rewards.ts: like or play 1, "more like this" 0.5, skip 0, no reaction 0).
 * - `drift`: this window's and the previous window's statistics and one flag per metric.
 */
export interface EvaluationResult {
  version: 1;
  window: { from: number; to: number };
  previousWindow: { from: number; to: number } | null;
  impressions: {
    total: number;
    /** Used by the off-policy estimates. */
    evaluated: number;
    /** Left out of the estimates, by reason (prepared-impression.ts); they still count for drift. */
    excluded: Record<Exclusion, number>;
  };
  method: {
    /** Two-sided confidence of every interval. */
    confidence: number;
    interval: string;
    rewardModel: string;
    weighting: string;
  };
  policies: PolicyEstimate[];
  drift: {
    current: WindowStats;
    previous: WindowStats | null;
    thresholds: DriftConfig;
    flags: DriftFlag[];
    /** The metrics flagged, for a glance. */
    flagged: string[];
  };
}

/** The logging policy, the greedy one, uniform, relevance order, then one per explanation with enough support. */
function policiesFor(prepared: readonly PreparedImpression[], minimumChoices: number): EvaluatedPolicy[] {
  const choicesWithKind = new Map<number, number>();
  for (const impression of prepared) {
    let taken = 0;
    impression.steps.forEach((step, index) => {
      const kinds = new Set(impression.problem.actions(impression.startPosition + index, taken).map((action) => action.kind));
      for (const kind of kinds) choicesWithKind.set(kind, (choicesWithKind.get(kind) ?? 0) + 1);
      taken |= 1 << step.item;
    });
  }
  const kinds = [...choicesWithKind.entries()]
    .filter(([, count]) => count >= minimumChoices)
    .map(([kind]) => kind)
    .sort((left, right) => left - right);
  return [LOGGING_POLICY, GREEDY_POLICY, UNIFORM_POLICY, RELEVANCE_ORDER_POLICY, ...kinds.map(explanationPolicy)];
}

/**
 * Evaluates one window of the log (pure: the caller reads the store): off-policy estimates of the
 * alternative explanation and ordering policies, and drift flags against the previous window when
 * one is given.
 */
export function evaluateWindow(input: EvaluationInput): EvaluationResult {
  const steps = evaluationSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface EvaluationInput {
  current: EvaluationWindow;
  previous: EvaluationWindow | null;
  config?: EvaluationConfig;
}

/**
 * `evaluateWindow` in steps of a few milliseconds (a generator that yields between them), for a
 * server process that must keep answering requests while it evaluates: drive it with a macrotask
 * between steps (lib/server/log-evaluator.ts). Same result as `evaluateWindow`.
 */
export function* evaluationSteps(input: EvaluationInput): Generator<void, EvaluationResult> {
  const config = input.config ?? evaluationConfig();
  const excluded: Record<Exclusion, number> = { "without-choices": 0, thompson: 0, mismatched: 0, "too-many-prefixes": 0 };
  const prepared: PreparedImpression[] = [];
  for (const [index, impression] of input.current.impressions.entries()) {
    if (index > 0 && index % IMPRESSIONS_PER_STEP === 0) yield;
    const result = prepareImpression(impression, config.maxPrefixStates);
    if (typeof result === "string") excluded[result] += 1;
    else prepared.push(result);
  }
  const tables = crossFittedRewardTables(
    prepared.map((impression) => [...impression.pinnedSlots, ...impression.stepSlots]),
    { smoothing: config.rewardSmoothing, maximumPosition: config.rewardMaximumPosition },
  );
  const z = normalQuantile(1 - (1 - config.confidence) / 2);
  const policies = yield* estimatePolicies(prepared, policiesFor(prepared, config.minimumExplanationChoices), tables.forImpression, { z, maxPrefixStates: config.maxPrefixStates });
  const current = windowStats(input.current.impressions);
  const previous = input.previous ? windowStats(input.previous.impressions) : null;
  const flags = previous ? driftFlags(previous, current, config.drift) : [];
  return {
    version: 1,
    window: { from: input.current.from, to: input.current.to },
    previousWindow: input.previous ? { from: input.previous.from, to: input.previous.to } : null,
    impressions: { total: input.current.impressions.length, evaluated: prepared.length, excluded },
    method: {
      confidence: config.confidence,
      interval: `normal approximation: estimate ± ${z.toFixed(3)} standard errors (across impressions; delta method for SNIPS)`,
      rewardModel: `DR's q̂: mean reward per (explanation, position), shrunk by ${config.rewardSmoothing} pseudo-observations towards the explanation's and the window's means, cross-fitted over two folds of the window`,
      weighting: "per-slot: exact marginal propensities of both policies (position-based model); sequential: products of logged conditional ratios (no assumption)",
    },
    policies,
    drift: { current, previous, thresholds: config.drift, flags, flagged: flags.filter((flag) => flag.flagged).map((flag) => flag.metric) },
  };
}
