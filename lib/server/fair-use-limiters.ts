import cluster from "node:cluster";
import { BurstyRateLimiter, RateLimiterCluster, RateLimiterMemory, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
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
 * In a scripts/serve.mjs worker: counters kept by the primary's RateLimiterClusterMaster, one
 * IPC round trip per check and no database write, so a client's count is the same whichever
 * worker answers it. Anywhere else (REELCAST_WORKERS=1, `next dev`, in-process tests): in memory.
 */
export function processLimiter(options: LimiterOptions): RateLimiterAbstract {
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
  const requests: PointLimiter =
    config.burst > 0 ? new BurstyRateLimiter(rate, make({ keyPrefix: "reelcast-request-burst", points: config.burst, duration: config.burstWindowSeconds })) : rate;
  return { requests, newSessions: make({ keyPrefix: "reelcast-new-sessions", points: config.newSessionsPerHour, duration: 3_600 }) };
}
