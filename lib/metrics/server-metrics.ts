import cluster from "node:cluster";
import { Registry } from "prom-client";
import { fanOutObserver } from "./fan-out-observer";
import { LATENCY_BUCKETS_SECONDS } from "./latency-buckets";
import { pathLabel, statusLabel } from "./path-label";
import { createPrometheusMetrics, type BudgetReading } from "./prometheus-metrics";
import type { ServerObserver } from "./server-observer";
import type { ServingObserver } from "./serving-observer";
import { createSnapshotAccumulator, type SnapshotAccumulator } from "./snapshot-accumulator";

/** One server process's metrics: the Prometheus registry and the snapshot accumulator, fed by one observer. */
export interface ServerMetrics {
  readonly observer: ServingObserver & ServerObserver;
  readonly registry: Registry;
  readonly snapshots: SnapshotAccumulator;
  /** How the budget gauges read the spend at scrape time (set once the engine is loaded). */
  setBudgetReader(read: () => Promise<BudgetReading | null>): void;
}

/**
 * The hook scripts/serve.mjs calls when a request's connection is done with it: (request target,
 * status, whether an answer started, seconds). Plain JavaScript cannot import this module, and
 * every request passes there, the lean handler's and Next's alike.
 */
const REQUEST_OBSERVER_HOOK = Symbol.for("reelcast.observe-request");

/** IPC messages between a worker and the cluster primary (scripts/serve/metrics-aggregator.mjs). */
export const METRICS_MESSAGES = { collect: "metrics-collect", collected: "metrics-collected", request: "metrics-request", text: "metrics-text" } as const;

const INSTANCE = Symbol.for("reelcast.server-metrics");
type Holder = { [INSTANCE]?: ServerMetrics; [REQUEST_OBSERVER_HOOK]?: (target: string | undefined, status: number, answered: boolean, seconds: number) => void };

function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  let readBudget: () => Promise<BudgetReading | null> = async () => null;
  const prometheus = createPrometheusMetrics(registry, () => readBudget());
  const snapshots = createSnapshotAccumulator(LATENCY_BUCKETS_SECONDS, Date.now());
  const observer = fanOutObserver([prometheus, snapshots.observer]);
  (globalThis as Holder)[REQUEST_OBSERVER_HOOK] = (target, status, answered, seconds) => observer.requestServed(pathLabel(target), statusLabel(status, answered), seconds);
  if (cluster.isWorker && process.send) {
    // The primary sums every worker's counts for a scrape: this worker's part.
    process.on("message", (message: { reelcast?: string; id?: number } | null) => {
      if (message?.reelcast !== METRICS_MESSAGES.collect) return;
      registry.getMetricsAsJSON().then(
        (metrics) => process.send?.({ reelcast: METRICS_MESSAGES.collected, id: message.id, metrics }),
        (error: unknown) => process.send?.({ reelcast: METRICS_MESSAGES.collected, id: message.id, metrics: [], error: error instanceof Error ? error.message : String(error) }),
      );
    });
  }
  return { observer, registry, snapshots, setBudgetReader: (read) => void (readBudget = read) };
}

/**
 * This process's metrics, created on first use and kept on globalThis: Next's route bundles and
 * the lean API bundle each carry a copy of this module, and they must all count into one
 * registry (and answer the primary once).
 */
export function serverMetrics(): ServerMetrics {
  const holder = globalThis as Holder;
  holder[INSTANCE] ??= createServerMetrics();
  return holder[INSTANCE];
}
