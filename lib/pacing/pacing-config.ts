import type { Environment } from "../catalog/catalog";

/**
 * How the spend pacer steers. Only the target and the two periods come from the environment; the
 * controller's gains and bounds are constants chosen for a 30 s tick over a 10 min window (see
 * pacing-controller.ts for why each is what it is).
 */
export interface PacingConfig {
  /** The LLM spend rate to hold, USD per hour (REELCAST_LLM_TARGET_USD_PER_HOUR). */
  targetUsdPerHour: number;
  /** How often the pacer reads the ledger and moves the bar, and every process re-reads it (REELCAST_PACING_INTERVAL_MS). */
  intervalMs: number;
  /** The recent window the observed rate and the score distribution are read over (REELCAST_PACING_WINDOW_MS). */
  observeWindowMs: number;
  /** The budget guard's window (its hourly ceiling's): the catch-up term reads the spend over it. */
  budgetWindowMs: number;
  /** The smallest share of reasoning requests the bar lets through, so the controller always sees some spend. */
  minShare: number;
  /** The highest bar: the most complex requests keep the LLM whatever the spend (the ceilings still apply). */
  maxBar: number;
  /** The share may at most be multiplied or divided by this in one tick (one noisy window cannot slam it). */
  maxStep: number;
  /** Weight of the new measurement in the log-share average, in (0, 1]. */
  smoothing: number;
  /** Relative change of the share let through below which the bar stays where it is (hysteresis). */
  deadband: number;
  /** How strongly spend over the target across the budget window pulls the next rate below the target. */
  catchUpGain: number;
  /** Reasoning requests the window must hold before the bar moves (fewer: hold, nothing is known). */
  minSamples: number;
  /** Reasoning decisions a process remembers (oldest dropped first). */
  sampleCapacity: number;
}

export const DEFAULT_PACING: Omit<PacingConfig, "targetUsdPerHour" | "budgetWindowMs"> = {
  intervalMs: 30_000,
  observeWindowMs: 600_000,
  minShare: 0.02,
  maxBar: 0.995,
  maxStep: 2,
  smoothing: 0.5,
  deadband: 0.1,
  catchUpGain: 0.25,
  minSamples: 20,
  sampleCapacity: 5_000,
};

/**
 * The pacing config from the environment (passed in, not read), or null when
 * REELCAST_LLM_TARGET_USD_PER_HOUR is unset: no pacing, the ceilings alone decide as before.
 * A set but unusable target (not a positive number) is refused loudly rather than ignored:
 * an operator who asked for pacing and silently got none would only notice on the bill.
 */
export function pacingConfigFromEnvironment(environment: Environment, budgetWindowMs: number): PacingConfig | null {
  const raw = environment.REELCAST_LLM_TARGET_USD_PER_HOUR?.trim();
  if (!raw) return null;
  const target = Number(raw);
  if (!Number.isFinite(target) || target <= 0) throw new Error(`REELCAST_LLM_TARGET_USD_PER_HOUR=${raw} is not a positive number of USD per hour`);
  const milliseconds = (name: string, fallback: number, minimum: number) => {
    const value = Number(environment[name]?.trim() || Number.NaN);
    return Number.isFinite(value) && value >= minimum ? Math.floor(value) : fallback;
  };
  return {
    ...DEFAULT_PACING,
    targetUsdPerHour: target,
    intervalMs: milliseconds("REELCAST_PACING_INTERVAL_MS", DEFAULT_PACING.intervalMs, 1_000),
    observeWindowMs: milliseconds("REELCAST_PACING_WINDOW_MS", DEFAULT_PACING.observeWindowMs, 10_000),
    budgetWindowMs,
  };
}
