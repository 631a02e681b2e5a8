import type { PruneResult, Store } from "../store";
import type { RetentionConfig } from "./retention-config";

export interface RetentionPruner {
  /** One prune now (skipped while one runs); null when skipped or when the store failed. */
  runOnce(): Promise<PruneResult | null>;
  stop(): void;
}

/**
 * The background retention of the one process that writes bandit snapshots: every
 * `config.intervalMs`, a snapshot first (so the events about to be pruned are in it), then the
 * prune in small batches, then a TRUNCATE checkpoint so the WAL file gives its peak size back.
 * LLM spend is kept for at least `budgetWindowMs`, or pruning would hand budget back.
 */
export function startRetentionPruner(options: {
  store: Store;
  config: RetentionConfig;
  budgetWindowMs: number;
  /** Saves a bandit snapshot through the newest event (the log follower's). */
  snapshot: (now: number) => Promise<unknown>;
  now?: () => number;
  log?: (line: string) => void;
}): RetentionPruner {
  const now = options.now ?? Date.now;
  // eslint-disable-next-line no-console -- one operator line per prune that deleted something
  const log = options.log ?? ((line: string) => console.info(line));
  let running = false;
  const runOnce = async (): Promise<PruneResult | null> => {
    if (running) return null;
    running = true;
    try {
      const at = now();
      await options.snapshot(at);
      const result = await options.store.prune({ before: at - options.config.windowMs, spendBefore: at - Math.max(options.config.windowMs, options.budgetWindowMs) });
      const { truncated } = await options.store.truncateWal();
      const deleted = result.impressions + result.sessions + result.llmSpend;
      if (deleted > 0) {
        log(
          `[reelcast] retention: pruned ${result.impressions} impressions (${result.feedback} feedback), ${result.sessions} sessions (${result.conversationMessages} messages), ${result.llmSpend} spend rows in ${result.batches} batches; WAL ${truncated ? "truncated" : "busy, truncated next time"}`,
        );
      }
      return result;
    } catch {
      // A failing store is reported (once per cause) by the store's health; the next run retries.
      return null;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void runOnce(), options.config.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
