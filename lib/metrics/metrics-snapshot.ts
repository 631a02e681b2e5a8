import { z } from "zod";

/**
 * A metrics snapshot: what one server process counted between `from` and `to` (unix ms). Every
 * process stores its own as an operator record of kind "metrics" (snapshot-writer.ts), so the
 * counts of all processes add up by summing records, and they survive restarts: the /insights
 * page draws its charts from them. Counts only (no percentiles, which do not add up): latency is
 * kept as histogram bucket counts over `bounds`, from which any window's percentiles follow.
 */
export const METRICS_RECORD_KIND = "metrics";

const counts = z.record(z.string(), z.number());
const histogramSchema = z.object({
  /** Observations per bucket (not cumulative): counts[i] fell in (bounds[i-1], bounds[i]]; the last is past every bound. */
  counts: z.array(z.number()),
  /** Sum of the observed values, seconds. */
  sum: z.number(),
});

export const metricsSnapshotSchema = z.object({
  version: z.literal(1),
  from: z.number(),
  to: z.number(),
  /** Bucket upper bounds in seconds (latency-buckets.ts when written). */
  bounds: z.array(z.number()),
  /** path label → status label → requests. */
  requests: z.record(z.string(), counts),
  /** path label → request latency. */
  requestLatency: z.record(z.string(), histogramSchema),
  /** fast | offline | llm → the pipeline's latency (route.latencyMs). */
  reasonerLatency: z.record(z.string(), histogramSchema),
  /** permit kind → outcome → provider calls. */
  llmCalls: z.record(z.string(), counts),
  tokens: z.object({ input: z.number(), output: z.number() }),
  /** permit kind → USD settled. */
  spendUsd: counts,
  /** call → cause → free paths taken. */
  fallbacks: z.record(z.string(), counts),
  /** explanation arm → slots shown, net reward, feedback events. */
  arms: z.record(z.string(), z.object({ shown: z.number(), reward: z.number(), feedback: z.number() })),
  storeErrors: counts,
  rateLimited: counts,
});

export type MetricsSnapshot = z.infer<typeof metricsSnapshotSchema>;
export type LatencyHistogram = z.infer<typeof histogramSchema>;

export function emptySnapshot(bounds: readonly number[], from: number, to = from): MetricsSnapshot {
  return {
    version: 1,
    from,
    to,
    bounds: [...bounds],
    requests: {},
    requestLatency: {},
    reasonerLatency: {},
    llmCalls: {},
    tokens: { input: 0, output: 0 },
    spendUsd: {},
    fallbacks: {},
    arms: {},
    storeErrors: {},
    rateLimited: {},
  };
}

export function emptyHistogram(bounds: readonly number[]): LatencyHistogram {
  return { counts: new Array<number>(bounds.length + 1).fill(0), sum: 0 };
}

/** Adds one observation (seconds) to a histogram over `bounds`. */
export function observeInto(histogram: LatencyHistogram, bounds: readonly number[], seconds: number): void {
  let index = bounds.findIndex((bound) => seconds <= bound);
  if (index < 0) index = bounds.length;
  histogram.counts[index] += 1;
  histogram.sum += seconds;
}

const addCounts = (into: Record<string, number>, from: Readonly<Record<string, number>>) => {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
};
const addNested = (into: Record<string, Record<string, number>>, from: Readonly<Record<string, Readonly<Record<string, number>>>>) => {
  for (const [key, inner] of Object.entries(from)) addCounts((into[key] ??= {}), inner);
};
const addHistograms = (into: Record<string, LatencyHistogram>, from: Readonly<Record<string, LatencyHistogram>>, bounds: readonly number[]) => {
  for (const [key, histogram] of Object.entries(from)) {
    const target = (into[key] ??= emptyHistogram(bounds));
    histogram.counts.forEach((count, index) => (target.counts[index] = (target.counts[index] ?? 0) + count));
    target.sum += histogram.sum;
  }
};

/**
 * The sum of snapshots (processes, or consecutive periods): counts add, the period spans them
 * all. Snapshots with other bucket bounds than the first are skipped (their histograms would not
 * line up); `skipped` says how many.
 */
export function mergeSnapshots(snapshots: readonly MetricsSnapshot[], bounds: readonly number[] = snapshots[0]?.bounds ?? []): { merged: MetricsSnapshot; skipped: number } {
  const merged = emptySnapshot(bounds, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  let skipped = 0;
  for (const snapshot of snapshots) {
    if (snapshot.bounds.length !== bounds.length || snapshot.bounds.some((bound, index) => bound !== bounds[index])) {
      skipped++;
      continue;
    }
    merged.from = Math.min(merged.from, snapshot.from);
    merged.to = Math.max(merged.to, snapshot.to);
    addNested(merged.requests, snapshot.requests);
    addHistograms(merged.requestLatency, snapshot.requestLatency, bounds);
    addHistograms(merged.reasonerLatency, snapshot.reasonerLatency, bounds);
    addNested(merged.llmCalls, snapshot.llmCalls);
    merged.tokens.input += snapshot.tokens.input;
    merged.tokens.output += snapshot.tokens.output;
    addCounts(merged.spendUsd, snapshot.spendUsd);
    addNested(merged.fallbacks, snapshot.fallbacks);
    for (const [arm, armCounts] of Object.entries(snapshot.arms)) {
      const target = (merged.arms[arm] ??= { shown: 0, reward: 0, feedback: 0 });
      target.shown += armCounts.shown;
      target.reward += armCounts.reward;
      target.feedback += armCounts.feedback;
    }
    addCounts(merged.storeErrors, snapshot.storeErrors);
    addCounts(merged.rateLimited, snapshot.rateLimited);
  }
  if (merged.from > merged.to) merged.from = merged.to = 0;
  return { merged, skipped };
}

/** Whether a snapshot counted anything at all (an idle process stores nothing). */
export function snapshotIsEmpty(snapshot: MetricsSnapshot): boolean {
  const nonZero = (record: Readonly<Record<string, number>>) => Object.values(record).some((value) => value !== 0);
  const nestedNonZero = (record: Readonly<Record<string, Readonly<Record<string, number>>>>) => Object.values(record).some(nonZero);
  return !(
    nestedNonZero(snapshot.requests) ||
    Object.values(snapshot.reasonerLatency).some((histogram) => histogram.counts.some((count) => count > 0)) ||
    nestedNonZero(snapshot.llmCalls) ||
    snapshot.tokens.input + snapshot.tokens.output > 0 ||
    nonZero(snapshot.spendUsd) ||
    nestedNonZero(snapshot.fallbacks) ||
    Object.values(snapshot.arms).some((arm) => arm.shown > 0 || arm.feedback > 0) ||
    nonZero(snapshot.storeErrors) ||
    nonZero(snapshot.rateLimited)
  );
}
