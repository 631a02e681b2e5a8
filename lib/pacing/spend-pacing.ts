import type { PacingConfig } from "./pacing-config";
import type { PacingRecordPayload } from "./pacing-record";
import { formatScore } from "./pacing-record";
import { RecentDecisions } from "./recent-decisions";

/**
 * A process's pacing state on its engine: the config, the bar it applies (the newest pacing
 * record, refreshed by the pacer's tick, never read per request) and the reasoning decisions it
 * made lately (what the computing process's controller reads). Absent on an engine when
 * REELCAST_LLM_TARGET_USD_PER_HOUR is unset: the spend gate then behaves exactly as without pacing.
 */
export interface SpendPacing {
  config: PacingConfig;
  /** The newest pacing record's payload this process has read; null before the first one. */
  current: PacingRecordPayload | null;
  decisions: RecentDecisions;
}

export function createSpendPacing(config: PacingConfig): SpendPacing {
  return { config, current: null, decisions: new RecentDecisions(config.sampleCapacity) };
}

/**
 * Why a reasoning request with this complexity may not use the LLM under the current bar
 * ("LLM paced: complexity 0.41 below the bar 0.55 to hold $2.00/h"), or null when it may. A
 * request without a score (none computed) is not paced: the ceilings still apply to it.
 */
export function pacedRefusal(pacing: SpendPacing | null | undefined, complexity: number | null): string | null {
  const bar = pacing?.current?.bar ?? null;
  if (!pacing || bar === null || complexity === null || complexity >= bar) return null;
  return `LLM paced: complexity ${formatScore(complexity, bar)} below the bar ${formatScore(bar, complexity)} to hold $${pacing.config.targetUsdPerHour.toFixed(2)}/h`;
}
