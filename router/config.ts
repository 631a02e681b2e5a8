import type { Environment } from "../lib/catalog/catalog";

/** Default complexity threshold: at or above it a request takes the reasoning path. */
export const DEFAULT_ROUTER_THRESHOLD = 0.5;

/**
 * The threshold from `REELCAST_ROUTER_THRESHOLD` (a number in [0, 1]) in the environment the
 * caller passes (the router reads no process.env itself).
 * @returns the threshold and, when the variable was set but unusable, why it was ignored
 */
export function routerThresholdFromEnvironment(environment: Environment): { threshold: number; warning: string | null } {
  const raw = environment.REELCAST_ROUTER_THRESHOLD?.trim();
  if (!raw) return { threshold: DEFAULT_ROUTER_THRESHOLD, warning: null };
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    return { threshold: DEFAULT_ROUTER_THRESHOLD, warning: `REELCAST_ROUTER_THRESHOLD=${raw} is not a number in [0, 1]; using ${DEFAULT_ROUTER_THRESHOLD}` };
  }
  return { threshold: value, warning: null };
}
