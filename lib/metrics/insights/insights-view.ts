import { mergeSnapshots, type LatencyHistogram, type MetricsSnapshot } from "../metrics-snapshot";
import { PATH_LABELS } from "../path-label";
import { REASONER_LABELS, type ReasonerLabel } from "../serving-observer";
import { histogramQuantile } from "./histogram-quantile";
import { wilsonInterval } from "./wilson-interval";

/** One time bucket of the charts: answers per reasoner, spend in it, and spend over the budget window ending with it. */
export interface TimelinePoint {
  /** Unix ms of the bucket's end. */
  at: number;
  fast: number;
  offline: number;
  llm: number;
  spendUsd: number;
  /** USD spent in the budget window ending at `at` (what the global ceiling is measured against). */
  windowSpendUsd: number;
}

export interface LatencyRow {
  label: string;
  kind: "path" | "reasoner";
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface ArmRow {
  arm: string;
  shown: number;
  /** Net reward of the shown slots (each slot's final reward, summed). */
  reward: number;
  feedback: number;
  /** Reward per shown slot with its 95 % Wilson interval; null before anything was shown. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** The metrics panels of /insights, from the stored snapshots of every server process. */
export interface MetricsInsights {
  from: number;
  to: number;
  bucketMs: number;
  /** Snapshots read (every process stores its own every interval). */
  snapshots: number;
  totals: {
    requests: number;
    answers: Record<ReasonerLabel, number>;
    spendUsd: number;
    llmCalls: number;
    fallbacks: number;
    feedback: number;
    rateLimited: number;
    storeErrors: number;
    tokens: number;
  };
  timeline: TimelinePoint[];
  latency: LatencyRow[];
  arms: ArmRow[];
  fallbacks: Array<{ call: string; cause: string; count: number }>;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};
const histogramCount = (histogram: LatencyHistogram | undefined) => (histogram ? sum(histogram.counts) : 0);

/** A bucket width that gives the range about 40 points, in whole 10 s steps, at least 10 s and at most an hour. */
function bucketWidthMs(rangeMs: number): number {
  const step = 10_000;
  return Math.min(3_600_000, Math.max(step, Math.ceil(rangeMs / 40 / step) * step));
}

const milliseconds = (seconds: number | null) => (seconds === null ? null : seconds * 1000);

function latencyRow(label: string, kind: LatencyRow["kind"], histogram: LatencyHistogram, bounds: readonly number[]): LatencyRow {
  return {
    label,
    kind,
    count: histogramCount(histogram),
    p50Ms: milliseconds(histogramQuantile(0.5, bounds, histogram.counts)),
    p95Ms: milliseconds(histogramQuantile(0.95, bounds, histogram.counts)),
    p99Ms: milliseconds(histogramQuantile(0.99, bounds, histogram.counts)),
  };
}

/**
 * Reads the stored snapshots (any order, any processes) into the panels: totals, a timeline of
 * `bucketMs` buckets ending at `now` (answers per reasoner, spend, and spend over the trailing
 * budget window `budgetWindowMs`), latency percentiles per path and per reasoner from the summed
 * histograms, reward rates per explanation arm with intervals, fallbacks by cause.
 */
export function metricsInsights(snapshots: readonly MetricsSnapshot[], options: { now: number; budgetWindowMs: number; bucketMs?: number }): MetricsInsights {
  const { merged } = mergeSnapshots(snapshots);
  const bounds = merged.bounds;
  const from = snapshots.length === 0 ? options.now : Math.min(...snapshots.map((snapshot) => snapshot.from));
  const bucketMs = options.bucketMs ?? bucketWidthMs(options.now - from);
  const buckets = Math.max(1, Math.ceil((options.now - from) / bucketMs));
  const start = options.now - buckets * bucketMs;
  const timeline: TimelinePoint[] = Array.from({ length: buckets }, (_, index) => ({ at: start + (index + 1) * bucketMs, fast: 0, offline: 0, llm: 0, spendUsd: 0, windowSpendUsd: 0 }));
  for (const snapshot of snapshots) {
    // A snapshot counts in the bucket its period ended in.
    const index = Math.min(buckets - 1, Math.max(0, Math.ceil((snapshot.to - start) / bucketMs) - 1));
    const point = timeline[index];
    for (const reasoner of REASONER_LABELS) point[reasoner] += histogramCount(snapshot.reasonerLatency[reasoner]);
    point.spendUsd += sum(Object.values(snapshot.spendUsd));
  }
  for (const point of timeline) {
    point.windowSpendUsd = sum(snapshots.filter((snapshot) => snapshot.to <= point.at && snapshot.to > point.at - options.budgetWindowMs).map((snapshot) => sum(Object.values(snapshot.spendUsd))));
  }

  const pathOrder = (label: string) => {
    const index = (PATH_LABELS as readonly string[]).indexOf(label);
    return index < 0 ? PATH_LABELS.length : index;
  };
  const latency = [
    ...Object.entries(merged.requestLatency)
      .sort(([a], [b]) => pathOrder(a) - pathOrder(b) || a.localeCompare(b))
      .map(([path, histogram]) => latencyRow(path, "path", histogram, bounds)),
    ...REASONER_LABELS.filter((reasoner) => merged.reasonerLatency[reasoner]).map((reasoner) => latencyRow(reasoner, "reasoner", merged.reasonerLatency[reasoner], bounds)),
  ];
  const arms = Object.entries(merged.arms)
    .map(([arm, counts]) => {
      const interval = wilsonInterval(counts.reward, counts.shown);
      return { arm, shown: counts.shown, reward: counts.reward, feedback: counts.feedback, rate: interval?.rate ?? null, low: interval?.low ?? null, high: interval?.high ?? null };
    })
    .sort((a, b) => b.shown - a.shown || a.arm.localeCompare(b.arm));
  const fallbacks = Object.entries(merged.fallbacks)
    .flatMap(([call, causes]) => Object.entries(causes).map(([cause, count]) => ({ call, cause, count })))
    .sort((a, b) => b.count - a.count || a.call.localeCompare(b.call) || a.cause.localeCompare(b.cause));
  const answers = Object.fromEntries(REASONER_LABELS.map((reasoner) => [reasoner, histogramCount(merged.reasonerLatency[reasoner])])) as Record<ReasonerLabel, number>;
  return {
    from,
    to: options.now,
    bucketMs,
    snapshots: snapshots.length,
    totals: {
      requests: sum(Object.values(merged.requests).map((statuses) => sum(Object.values(statuses)))),
      answers,
      spendUsd: sum(Object.values(merged.spendUsd)),
      llmCalls: sum(Object.values(merged.llmCalls).map((outcomes) => sum(Object.values(outcomes)))),
      fallbacks: sum(fallbacks.map((row) => row.count)),
      feedback: sum(arms.map((row) => row.feedback)),
      rateLimited: sum(Object.values(merged.rateLimited)),
      storeErrors: sum(Object.values(merged.storeErrors)),
      tokens: merged.tokens.input + merged.tokens.output,
    },
    timeline,
    latency,
    arms,
    fallbacks,
  };
}
