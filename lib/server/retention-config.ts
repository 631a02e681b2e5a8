import { ReelcastError } from "../errors/reelcast-error";

const DAY_MS = 86_400_000;

export interface RetentionConfig {
  /** Sessions, impressions and LLM spend older than this are pruned. */
  windowMs: number;
  /** How often the pruner runs: a tenth of the window, between 10 seconds and 10 minutes. */
  intervalMs: number;
}

function positive(environment: Readonly<Record<string, string | undefined>>, name: string): number | null {
  const text = environment[name]?.trim();
  if (!text) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new ReelcastError("unavailable:api", `${name} must be a positive number, got ${JSON.stringify(text)}.`);
  return value;
}

/**
 * REELCAST_RETENTION_DAYS (default 30), or REELCAST_RETENTION_MS for short windows (benches);
 * REELCAST_RETENTION_INTERVAL_MS overrides how often the pruner runs. The interval follows the
 * window so that at most about a tenth of a window's data accumulates past it.
 */
export function retentionConfigFromEnvironment(environment: Readonly<Record<string, string | undefined>> = process.env): RetentionConfig {
  const windowMs = positive(environment, "REELCAST_RETENTION_MS") ?? (positive(environment, "REELCAST_RETENTION_DAYS") ?? 30) * DAY_MS;
  const intervalMs = positive(environment, "REELCAST_RETENTION_INTERVAL_MS") ?? Math.min(10 * 60_000, Math.max(10_000, windowMs / 10));
  return { windowMs, intervalMs };
}

/** REELCAST_DB_MAX_MB: the operator's cap on the database size (MiB), or undefined. */
export function databaseCapFromEnvironment(environment: Readonly<Record<string, string | undefined>> = process.env): number | undefined {
  return positive(environment, "REELCAST_DB_MAX_MB") ?? undefined;
}

/** REELCAST_DB_READ_ONLY=1: serve without writing (maintenance). */
export function databaseReadOnlyFromEnvironment(environment: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return /^(1|true|on|yes)$/i.test(environment.REELCAST_DB_READ_ONLY?.trim() ?? "");
}
