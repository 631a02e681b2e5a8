import cluster from "node:cluster";
import { BurstyRateLimiter, RateLimiterCluster, RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitClient } from "../store/postgres/rate-limit-client";
import type { FairUseConfig } from "./fair-use-config";

/** What fair use needs of a limiter: take one point for `key`, rejecting with a RateLimiterRes when none is left. */
export interface PointLimiter {
  consume(key: string): Promise<RateLimiterRes>;
}

export interface FairUseLimiters {
  requests: PointLimiter;
  newSessions: PointLimiter;
}

/** A limiter's shape as rate-limiter-flexible takes it; `keyPrefix` names it across processes. */
export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * Counters in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres, one upsert per check) in
 * the table fair_use_limits of the store's schema, so a client's count is the same whichever
 * replica and worker answers it.
 */
function postgresLimiter(options: LimiterOptions, connectionString: string, schema: string): RateLimiterAbstract {
  // The table comes from the store's migrations (created once under their advisory lock), not
  // from the limiter's own CREATE TABLE IF NOT EXISTS, which replicas starting together would race.
  return new RateLimiterPostgres({ ...options, storeClient: rateLimitClient(connectionString, schema), storeType: "pool", tableName: "fair_use_limits", tableCreated: true });
}

/**
 * With REELCAST_DATABASE_URL (several replicas over one PostgreSQL): counters in the database.
 * Otherwise, in a scripts/serve.mjs worker: counters kept by the primary's
 * RateLimiterClusterMaster, one IPC round trip per check and no database write, so a client's
 * count is the same whichever worker answers it. Anywhere else (REELCAST_WORKERS=1, `next dev`,
 * in-process tests): in memory.
 */
export function processLimiter(options: LimiterOptions, environment: Readonly<Record<string, string | undefined>> = process.env): RateLimiterAbstract {
  const databaseUrl = environment.REELCAST_DATABASE_URL?.trim();
  if (databaseUrl) return postgresLimiter(options, databaseUrl, environment.REELCAST_DATABASE_SCHEMA?.trim() || "public");
  // A primary that does not answer within the timeout rejects with an Error (fair-use.ts lets
  // the request through rather than refuse everyone because of the limiter).
  if (cluster.isWorker) return new RateLimiterCluster({ ...options, timeoutMs: 2_000 });
  return new RateLimiterMemory(options);
}

/**
 * The request-rate limiter (a sustained rate per second; past it, a burst allowance that refills
 * over `burstWindowSeconds`) and the new-session limiter (per hour), built with `make`.
 */
export function createFairUseLimiters(config: FairUseConfig, make: (options: LimiterOptions) => RateLimiterAbstract = processLimiter): FairUseLimiters {
  const rate = make({ keyPrefix: "reelcast-requests", points: config.requestsPerSecond, duration: 1 });
  const requests: PointLimiter = config.burst > 0 ? new BurstyRateLimiter(rate, make({ keyPrefix: "reelcast-request-burst", points: config.burst, duration: config.burstWindowSeconds })) : rate;
  return { requests, newSessions: make({ keyPrefix: "reelcast-new-sessions", points: config.newSessionsPerHour, duration: 3_600 }) };
}
