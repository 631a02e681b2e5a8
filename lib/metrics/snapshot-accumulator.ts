import { emptyHistogram, emptySnapshot, mergeSnapshots, observeInto, snapshotIsEmpty, type MetricsSnapshot } from "./metrics-snapshot";
import type { ServerObserver } from "./server-observer";
import { reasonerOf, type ServingObserver } from "./serving-observer";

/** Counts observations into the current period's snapshot until `take` hands it over. */
export interface SnapshotAccumulator {
  readonly observer: ServingObserver & ServerObserver;
  /** The period up to `now` (null when nothing was counted), and a new period from `now`. */
  take(now: number): MetricsSnapshot | null;
  /** Puts back a snapshot that could not be stored, so its counts go out with the next one. */
  restore(snapshot: MetricsSnapshot): void;
}

const increment = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by;
};

/** An accumulator over latency `bounds` (seconds), its first period starting at `now`. */
export function createSnapshotAccumulator(bounds: readonly number[], now: number): SnapshotAccumulator {
  let current = emptySnapshot(bounds, now);
  const observer: ServingObserver & ServerObserver = {
    answered(answer) {
      const reasoner = reasonerOf(answer.route);
      observeInto((current.reasonerLatency[reasoner] ??= emptyHistogram(bounds)), bounds, answer.route.latencyMs / 1000);
      current.tokens.input += answer.route.inputTokens ?? 0;
      current.tokens.output += answer.route.outputTokens ?? 0;
      for (const item of answer.items) {
        if (item.explanation) (current.arms[item.explanation.kind] ??= { shown: 0, reward: 0, feedback: 0 }).shown += 1;
      }
    },
    paidCall: (call, outcome) => increment((current.llmCalls[call] ??= {}), outcome),
    spent: (call, usd) => increment(current.spendUsd, call, usd),
    fellBack: (call, cause) => increment((current.fallbacks[call] ??= {}), cause),
    feedback(arm, _event, rewardChange) {
      const counts = (current.arms[arm] ??= { shown: 0, reward: 0, feedback: 0 });
      counts.feedback += 1;
      counts.reward += rewardChange;
    },
    requestServed(path, status, seconds) {
      increment((current.requests[path] ??= {}), status);
      observeInto((current.requestLatency[path] ??= emptyHistogram(bounds)), bounds, seconds);
    },
    storeFailed: (cause) => increment(current.storeErrors, cause),
    rateLimited: (limit) => increment(current.rateLimited, limit),
  };
  return {
    observer,
    take(at) {
      const taken = { ...current, to: at };
      current = emptySnapshot(bounds, at);
      return snapshotIsEmpty(taken) ? null : taken;
    },
    restore(snapshot) {
      const { merged } = mergeSnapshots([snapshot, current], bounds);
      current = merged;
    },
  };
}
