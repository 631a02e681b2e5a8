import { serverMetrics } from "../metrics/server-metrics";
import { storeOutageOf, type Store, type StoreCallListener, type StoreOutage } from "../store";

/**
 * How long a failed store call keeps requests away from the store: they answer without writing
 * meanwhile, then the next one tries the store again. Long enough that a broken store costs one
 * failed attempt per window, not one per request; short enough to notice a recovery quickly.
 */
const STORE_FAILURE_WINDOW_MS = 30_000;

/** How long the health probe waits for the write lock (other processes hold it for milliseconds). */
const PROBE_WAIT_MS = 250;

/**
 * How long a passing write probe stands for the store's health. Load balancers and benchmarks
 * call /api/health many times a second; a probe per call takes the database's write lock from
 * the requests that need it. A failing store call clears the pass at once, so an outage the
 * requests meet shows on the next check; one nobody meets shows within this time.
 */
const PROBE_REUSE_MS = 1_000;

/** Causes a successful write probe disproves; a full disk or damaged pages it cannot see. */
const PROBE_CLEARS = new Set<StoreOutage["cause"]>(["locked", "read-only"]);

export interface StoreHealth extends StoreCallListener {
  /** The store could not be opened (or restored): the process runs without it until restarted. */
  openFailed(error: unknown): StoreOutage;
  /** The outage requests should answer around right now, or null when the store is usable. */
  current(): StoreOutage | null;
  /**
   * For /api/health: the open failure, else a write probe (lock, read-only, size cap), else a
   * recent failure the probe cannot see (full disk, damage). Null when healthy; a passing probe
   * clears a lock or read-only failure.
   */
  check(store: Store | null): Promise<StoreOutage | null>;
}

/**
 * One process's view of its store's health. The cause of a failure is logged once per cause
 * (the first request that meets it), not once per request; a recovery is logged once too.
 */
export function createStoreHealth(
  options: { now?: () => number; log?: (line: string) => void; failureWindowMs?: number; probeReuseMs?: number; onOutage?: (cause: StoreOutage["cause"]) => void } = {},
): StoreHealth {
  const now = options.now ?? Date.now;
  // eslint-disable-next-line no-console -- the operator's log: once per cause
  const log = options.log ?? ((line: string) => console.error(line));
  const windowMs = options.failureWindowMs ?? STORE_FAILURE_WINDOW_MS;
  const probeReuseMs = options.probeReuseMs ?? PROBE_REUSE_MS;
  /** When the last write probe passed (null after any failure); checks meanwhile share it. */
  let probePassedAt: number | null = null;
  /** The probe in flight: concurrent checks wait for the same one. */
  let probing: Promise<void> | null = null;
  /** Failures seen so far: a probe that passed while one arrived does not stand for the store. */
  let failures = 0;
  let openFailure: StoreOutage | null = null;
  let lastFailure: { outage: StoreOutage; at: number } | null = null;
  const logged = new Set<StoreOutage["cause"]>();

  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const record = (outage: StoreOutage, error: unknown) => {
    if (logged.has(outage.cause)) return;
    logged.add(outage.cause);
    log(`[reelcast] store degraded (${outage.cause}): ${describe(error)} Answers go on without writing; feedback and conversations answer 503 until it recovers.`);
  };
  const recovered = () => {
    lastFailure = null;
    if (logged.size === 0) return;
    log(`[reelcast] store recovered (was: ${[...logged].join(", ")})`);
    logged.clear();
  };
  const failed = (error: unknown): StoreOutage | null => {
    const outage = storeOutageOf(error);
    if (!outage) return null;
    probePassedAt = null;
    failures++;
    options.onOutage?.(outage.cause);
    lastFailure = { outage, at: now() };
    record(outage, error);
    return outage;
  };
  const current = () => openFailure ?? (lastFailure && now() - lastFailure.at < windowMs ? lastFailure.outage : null);

  return {
    failed: (error) => void failed(error),
    wrote: () => {
      if (lastFailure || logged.size > 0) recovered();
    },
    openFailed: (error) => {
      openFailure = storeOutageOf(error) ?? { cause: "unavailable", message: "The database could not be opened. Nothing was written." };
      options.onOutage?.(openFailure.cause);
      record(openFailure, error);
      return openFailure;
    },
    current,
    check: async (store) => {
      if (openFailure) return openFailure;
      if (!store) return null;
      try {
        if (probePassedAt === null || now() - probePassedAt >= probeReuseMs) {
          const failuresBefore = failures;
          probing ??= store.probeWrite({ timeoutMs: PROBE_WAIT_MS }).finally(() => (probing = null));
          await probing;
          if (failures === failuresBefore) probePassedAt = now();
        }
      } catch (error) {
        const outage = failed(error);
        if (outage) return outage;
        throw error;
      }
      const recent = current();
      if (recent && !PROBE_CLEARS.has(recent.cause)) return recent;
      if (recent || logged.size > 0) recovered();
      return null;
    },
  };
}

const globalForHealth = globalThis as typeof globalThis & { reelcastStoreHealth?: StoreHealth };

/**
 * This server process's store health (kept on globalThis like the engine, for dev reloads); every
 * outage a store call meets counts in the metrics (reelcast_store_errors_total).
 */
export function serverStoreHealth(): StoreHealth {
  globalForHealth.reelcastStoreHealth ??= createStoreHealth({ onOutage: (cause) => serverMetrics().observer.storeFailed(cause) });
  return globalForHealth.reelcastStoreHealth;
}
