import type { DriftConfig } from "./evaluation-config";
import { ROUTES, type LatencySummary, type WindowStats } from "./window-stats";

/** One metric compared with the previous window. */
export interface DriftFlag {
  /** e.g. "feedback-rate", "route-share:llm", "fallback-rate", "latency-p95", "latency-p95:offline". */
  metric: string;
  test: "two-proportion-z" | "relative-change";
  previous: number | null;
  current: number | null;
  /** |z| for rates, |relative change| for latency; null when not tested. */
  statistic: number | null;
  /** What the statistic is compared with. */
  threshold: number;
  flagged: boolean;
  /** Why it was not tested (too few trials or requests in a window), else null. */
  skipped: string | null;
}

/**
 * Two-proportion z-test with the pooled standard error: z = (p₂ − p₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)).
 * Flagged when |z| reaches the threshold and the rate moved by at least the minimum change.
 */
function rateFlag(metric: string, previous: { hits: number; trials: number }, current: { hits: number; trials: number }, config: DriftConfig): DriftFlag {
  const before = previous.trials > 0 ? previous.hits / previous.trials : null;
  const after = current.trials > 0 ? current.hits / current.trials : null;
  const base = { metric, test: "two-proportion-z" as const, previous: before, current: after, threshold: config.zThreshold };
  if (previous.trials < config.minimumCount || current.trials < config.minimumCount || before === null || after === null) {
    return { ...base, statistic: null, flagged: false, skipped: `fewer than ${config.minimumCount} trials in a window (${previous.trials} before, ${current.trials} now)` };
  }
  const pooled = (previous.hits + current.hits) / (previous.trials + current.trials);
  const error = Math.sqrt(pooled * (1 - pooled) * (1 / previous.trials + 1 / current.trials));
  const z = error > 0 ? Math.abs(after - before) / error : 0;
  return { ...base, statistic: z, flagged: z >= config.zThreshold && Math.abs(after - before) >= config.minimumRateChange, skipped: null };
}

/** Relative change of a latency percentile, flagged past the threshold with enough requests on both sides. */
function latencyFlag(metric: string, previous: LatencySummary, current: LatencySummary, value: (summary: LatencySummary) => number | null, config: DriftConfig): DriftFlag {
  const before = value(previous);
  const after = value(current);
  const base = { metric, test: "relative-change" as const, previous: before, current: after, threshold: config.latencyRelativeChange };
  if (previous.count < config.latencyMinimumCount || current.count < config.latencyMinimumCount || before === null || after === null || !(before > 0)) {
    return { ...base, statistic: null, flagged: false, skipped: `fewer than ${config.latencyMinimumCount} requests in a window (${previous.count} before, ${current.count} now)` };
  }
  const change = Math.abs(after - before) / before;
  return { ...base, statistic: change, flagged: change >= config.latencyRelativeChange, skipped: null };
}

/**
 * The drift flags of `current` against `previous`: the feedback rate (slots with a standing
 * reaction), each route's share of served impressions, the fallback rate among reasoning
 * requests, and latency p50 and p95 overall and p95 per route.
 */
export function driftFlags(previous: WindowStats, current: WindowStats, config: DriftConfig): DriftFlag[] {
  const flags: DriftFlag[] = [rateFlag("feedback-rate", { hits: previous.reactedSlots, trials: previous.slots }, { hits: current.reactedSlots, trials: current.slots }, config)];
  for (const route of ROUTES) flags.push(rateFlag(`route-share:${route}`, { hits: previous.routes[route], trials: previous.served }, { hits: current.routes[route], trials: current.served }, config));
  flags.push(rateFlag("fallback-rate", { hits: previous.fallbacks, trials: previous.reasoningRequested }, { hits: current.fallbacks, trials: current.reasoningRequested }, config));
  flags.push(latencyFlag("latency-p50", previous.latency, current.latency, (summary) => summary.p50, config));
  flags.push(latencyFlag("latency-p95", previous.latency, current.latency, (summary) => summary.p95, config));
  for (const route of ROUTES) flags.push(latencyFlag(`latency-p95:${route}`, previous.latency.byRoute[route], current.latency.byRoute[route], (summary) => summary.p95, config));
  return flags;
}
