import type { Engine } from "../../pipeline/engine";
import { METRICS_RECORD_KIND, metricsSnapshotSchema, type MetricsSnapshot } from "../metrics-snapshot";
import { metricsInsights, type MetricsInsights } from "./insights-view";
import { latestEvaluation, pacingSeries, type EvaluationView, type PacingPoint } from "./operator-series";

/** How far back the page looks: a day of snapshots (two workers at one a minute: under 3,000 records). */
const INSIGHTS_LOOKBACK_MS = 24 * 3_600_000;

/** The most records of a kind the page reads (the store's largest page). */
const MAX_RECORDS = 10_000;

/** Everything /insights shows, read from the store: what every server process recorded. */
export type InsightsData =
  | {
      available: true;
      now: number;
      metrics: MetricsInsights;
      /** Stored snapshots this code could not read (another version). */
      unreadableSnapshots: number;
      budget: { ceilingUsd: number; windowMs: number; targetUsdPerHour: number | null };
      pacing: { points: PacingPoint[]; unreadable: number };
      evaluation: { latest: EvaluationView | null; stored: number; unreadable: number };
    }
  | { available: false; reason: string };

/** REELCAST_LLM_TARGET_USD_PER_HOUR, when set to a positive number (the pacing loop's target). */
function targetUsdPerHour(environment: Readonly<Record<string, string | undefined>>): number | null {
  const value = Number(environment.REELCAST_LLM_TARGET_USD_PER_HOUR?.trim() || Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Reads the last INSIGHTS_LOOKBACK_MS of metrics snapshots, pacing decisions and evaluations from
 * the engine's store and builds the panels. Without a store nothing was kept: not available.
 */
export async function loadInsights(engine: Engine, options: { now?: number; environment?: Readonly<Record<string, string | undefined>> } = {}): Promise<InsightsData> {
  const store = engine.store;
  if (!store) return { available: false, reason: "This server runs without its database, so nothing was recorded over time." };
  const now = options.now ?? engine.epochMs();
  const since = now - INSIGHTS_LOOKBACK_MS;
  const [metricsRecords, pacingRecords, evaluationRecords] = await Promise.all([
    store.listOperatorRecords(METRICS_RECORD_KIND, { since, limit: MAX_RECORDS }),
    store.listOperatorRecords("pacing", { since, limit: MAX_RECORDS }),
    store.listOperatorRecords("evaluation", { since, limit: 50 }),
  ]);
  const snapshots: MetricsSnapshot[] = [];
  let unreadableSnapshots = 0;
  for (const record of metricsRecords) {
    const parsed = metricsSnapshotSchema.safeParse(record.payload);
    if (parsed.success) snapshots.push(parsed.data);
    else unreadableSnapshots++;
  }
  const budget = { ceilingUsd: engine.budget.config.globalUsdPerWindow, windowMs: engine.budget.config.windowMs, targetUsdPerHour: targetUsdPerHour(options.environment ?? process.env) };
  return {
    available: true,
    now,
    metrics: metricsInsights(snapshots, { now, budgetWindowMs: budget.windowMs }),
    unreadableSnapshots,
    budget,
    pacing: pacingSeries(pacingRecords),
    evaluation: latestEvaluation(evaluationRecords),
  };
}
