import type { JsonValue, Store } from "../store";
import { METRICS_RECORD_KIND } from "./metrics-snapshot";
import type { SnapshotAccumulator } from "./snapshot-accumulator";

/** How often each server process stores its snapshot by default (REELCAST_METRICS_SNAPSHOT_SECONDS). */
const DEFAULT_SNAPSHOT_SECONDS = 60;

/** REELCAST_METRICS_SNAPSHOT_SECONDS: a whole number of seconds from 1 to 3600; anything else is the default. */
export function snapshotIntervalMs(environment: Readonly<Record<string, string | undefined>>): number {
  const seconds = Number(environment.REELCAST_METRICS_SNAPSHOT_SECONDS?.trim() || DEFAULT_SNAPSHOT_SECONDS);
  return (Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600 ? seconds : DEFAULT_SNAPSHOT_SECONDS) * 1000;
}

/**
 * Stores what `accumulator` counted, as an operator record of kind "metrics", every `intervalMs`
 * (nothing when nothing was counted). A snapshot the store refuses goes back into the
 * accumulator and out with the next one, so a store outage delays counts but does not lose them
 * (except those of a process that dies meanwhile: at most one interval's, plus the outage).
 */
export function startSnapshotWriter(options: { store: Pick<Store, "appendOperatorRecord">; accumulator: SnapshotAccumulator; intervalMs: number; now?: () => number }): {
  flush(): Promise<void>;
  stop(): void;
} {
  const now = options.now ?? Date.now;
  let writing: Promise<void> | null = null;
  const flush = async () => {
    if (writing) return writing;
    const snapshot = options.accumulator.take(now());
    if (!snapshot) return;
    writing = options.store
      .appendOperatorRecord({ kind: METRICS_RECORD_KIND, at: snapshot.to, payload: snapshot as unknown as JsonValue })
      .then(
        () => undefined,
        () => options.accumulator.restore(snapshot),
      )
      .finally(() => (writing = null));
    return writing;
  };
  const timer = setInterval(() => void flush(), options.intervalMs);
  timer.unref();
  return { flush, stop: () => clearInterval(timer) };
}
