import type { Engine } from "../pipeline/engine";
import { readSpendWindow } from "../pipeline/spend-gate";
import { serverMetrics } from "./server-metrics";
import { snapshotIntervalMs, startSnapshotWriter } from "./snapshot-writer";

/**
 * Connects the server's engine to this process's metrics: its observer counts into them, the
 * budget gauges read its spend gate, and with a store, this process stores its snapshot every
 * REELCAST_METRICS_SNAPSHOT_SECONDS (each process its own: summed, they are the server's).
 */
export function wireEngineMetrics(engine: Engine, environment: Readonly<Record<string, string | undefined>> = process.env): void {
  const metrics = serverMetrics();
  engine.observer = metrics.observer;
  metrics.setBudgetReader(() => readSpendWindow(engine));
  if (engine.store) startSnapshotWriter({ store: engine.store, accumulator: metrics.snapshots, intervalMs: snapshotIntervalMs(environment) });
}
