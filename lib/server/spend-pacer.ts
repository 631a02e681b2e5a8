import { nextPacing, PACING_RECORD_KIND, pacingRecordPayload, parsePacingRecordPayload, type PacingState, type PacingStep, type SpendPacing } from "../pacing";
import type { Store } from "../store";

export interface SpendPacerTick {
  /** The bar this process applies after the tick (null: none). */
  bar: number | null;
  /** The controller's step, when this process computes and the store answered; null otherwise. */
  step: PacingStep | null;
  /** True when this tick appended a pacing record. */
  wrote: boolean;
}

export interface SpendPacer {
  /** One tick now: refresh the shared bar, then (in the computing process) move it. Skipped (null) while one runs. */
  tick(): Promise<SpendPacerTick | null>;
  stop(): void;
}

/**
 * The spend pacing loop of a server process. Every process runs it to refresh the bar it applies
 * from the newest "pacing" operator record (one indexed read per tick, none per request), so all
 * workers share one bar. Only the process that computes (the one that writes bandit snapshots)
 * also reads the ledger, runs the controller over its recent reasoning decisions and, when the
 * bar moves, appends a record with the reason.
 *
 * One computer rather than all of them idempotently: the controller reads this process's own
 * sample of decisions (a representative sample, since the cluster spreads requests over the
 * workers, and the controller needs only shares, not volumes), so two processes would compute
 * slightly different bars and rewrite each other's record every tick. Everything else it reads
 * (the ledger, the newest record) is shared, so a restarted or newly elected computer picks up
 * from the published bar.
 */
export function startSpendPacer(options: {
  store: Store;
  pacing: SpendPacing;
  /** True in the one process that computes and writes (REELCAST_SNAPSHOT_WRITER). */
  compute: boolean;
  /** Unix milliseconds. */
  now?: () => number;
  /**
   * Re-state an unchanged bar when the newest record is older than this, so retention (which
   * prunes operator records with the rest) never leaves a starting process without one.
   */
  restateAfterMs?: number;
  /** Whether to start the timer (tests drive `tick` themselves). */
  timer?: boolean;
  log?: (line: string) => void;
}): SpendPacer {
  const { store, pacing } = options;
  const now = options.now ?? Date.now;
  // eslint-disable-next-line no-console -- one operator line per change of the bar
  const log = options.log ?? ((line: string) => console.info(line));
  const restateAfterMs = options.restateAfterMs ?? 24 * 3_600_000;
  let state: PacingState | null = null;
  let newestAt = Number.NEGATIVE_INFINITY;
  let running = false;

  const refresh = async () => {
    const [newest] = await store.listOperatorRecords(PACING_RECORD_KIND, { limit: 1 });
    const payload = newest ? parsePacingRecordPayload(newest.payload) : null;
    // No record (none yet, or pruned) or one this code cannot read: keep the bar already held.
    if (!newest || !payload) return;
    pacing.current = payload;
    newestAt = newest.at;
    // The computer continues from the published bar (its own, or a previous computer's).
    if (state === null || state.bar !== payload.bar) state = { bar: payload.bar, share: payload.share };
  };

  const compute = async (at: number): Promise<{ step: PacingStep; wrote: boolean }> => {
    const { config } = pacing;
    const [windowUsd, budgetWindowUsd] = [await store.llmSpendSince(at - config.observeWindowMs + 1), await store.llmSpendSince(at - config.budgetWindowMs + 1)];
    const decisions = pacing.decisions.since(at - config.observeWindowMs + 1, at);
    const previous = state ?? { bar: null, share: 1 };
    const step = nextPacing(previous, { windowUsd, budgetWindowUsd, decisions }, config);
    state = step.state;
    const restate = pacing.current !== null && at - newestAt >= restateAfterMs;
    if (!step.changed && !restate) return { step, wrote: false };
    const payload = pacingRecordPayload(step, previous.bar, config.targetUsdPerHour, config.observeWindowMs);
    if (!step.changed) payload.reason = `unchanged, re-stated so retention keeps it: ${payload.reason}`;
    const record = await store.appendOperatorRecord({ kind: PACING_RECORD_KIND, at, payload });
    pacing.current = payload;
    // The bar as published (rounded for the record), so the next refresh sees its own bar.
    state = { bar: payload.bar, share: step.state.share };
    newestAt = record.at;
    if (step.changed) log(`[reelcast] spend pacing: ${payload.reason}`);
    return { step, wrote: true };
  };

  const tick = async (): Promise<SpendPacerTick | null> => {
    if (running) return null;
    running = true;
    try {
      await refresh();
      if (!options.compute) return { bar: pacing.current?.bar ?? null, step: null, wrote: false };
      const { step, wrote } = await compute(now());
      return { bar: pacing.current?.bar ?? null, step, wrote };
    } catch {
      // A failing store is reported (once per cause) by the store's health; the bar in hand stays
      // and the ceilings still hold. The next tick retries.
      return { bar: pacing.current?.bar ?? null, step: null, wrote: false };
    } finally {
      running = false;
    }
  };

  let timer: NodeJS.Timeout | null = null;
  if (options.timer !== false) {
    timer = setInterval(() => void tick(), pacing.config.intervalMs);
    timer.unref();
    void tick();
  }
  return { tick, stop: () => timer && clearInterval(timer) };
}
