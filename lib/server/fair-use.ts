/**
 * Fair use per client address (the address scripts/serve.mjs puts in the client-address header):
 * a request rate with a burst allowance, and new sessions per hour, counted by
 * rate-limiter-flexible in memory: in the cluster primary for every worker (one IPC round trip
 * per check, no database write), else in this process. Limits and their defaults:
 * fair-use-config.ts.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { serverMetrics } from "../metrics/server-metrics";
import { fairUseClientKey } from "./fair-use-client-key";
import { fairUseConfig, type FairUseConfig } from "./fair-use-config";
import { createFairUseLimiters, type FairUseLimiters, type PointLimiter } from "./fair-use-limiters";

export type FairUseDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: string };

const ALLOWED: FairUseDecision = { allowed: true };
/**
 * Clients refused locally before asking the counters again; bounded so that many addresses cannot
 * grow it without end (forgetting them only costs a round trip each).
 */
const MAX_REMEMBERED_REFUSALS = 50_000;

export interface FairUse {
  admitRequest(client: string): Promise<FairUseDecision>;
  admitNewSession(client: string): Promise<FairUseDecision>;
}

/**
 * Fair use with `config`'s limits and `limiters` (built from the config unless given); `now` in
 * milliseconds. A refused client is remembered until its retry time, so a client at full speed is
 * answered from this process without a round trip to the counters for every refused request.
 */
export function createFairUse(config: FairUseConfig, limiters: FairUseLimiters | null = null, now: () => number = Date.now, onRefused: (limit: string) => void = () => undefined): FairUse {
  if (!config.enabled) return { admitRequest: async () => ALLOWED, admitNewSession: async () => ALLOWED };
  const { requests, newSessions } = limiters ?? createFairUseLimiters(config);
  const refusedUntil = new Map<string, { until: number; reason: string }>();
  let limiterFailureLogged = false;

  const admit = async (limiter: PointLimiter, kind: string, client: string, reason: string): Promise<FairUseDecision> => {
    const key = `${kind}:${fairUseClientKey(client)}`;
    const remembered = refusedUntil.get(key);
    if (remembered) {
      const left = remembered.until - now();
      if (left > 0) {
        onRefused(kind);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)), reason: remembered.reason };
      }
      refusedUntil.delete(key);
    }
    try {
      await limiter.consume(key);
      return ALLOWED;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const waitMs = Math.max(1, rejection.msBeforeNext);
        if (refusedUntil.size >= MAX_REMEMBERED_REFUSALS) refusedUntil.clear();
        refusedUntil.set(key, { until: now() + waitMs, reason });
        onRefused(kind);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), reason };
      }
      // The counters did not answer (the primary busy or gone): let the request through rather
      // than refuse everybody; say so once.
      if (!limiterFailureLogged) {
        limiterFailureLogged = true;
        process.stderr.write(`[reelcast] fair use: the rate limiter failed (${(rejection as Error)?.message ?? String(rejection)}); requests pass unchecked meanwhile\n`);
      }
      return ALLOWED;
    }
  };

  return {
    admitRequest: (client) => admit(requests, "requests", client, `more than ${config.requestsPerSecond} requests a second (burst ${config.burst} per ${config.burstWindowSeconds} s)`),
    admitNewSession: (client) => admit(newSessions, "sessions", client, `more than ${config.newSessionsPerHour} new conversations an hour`),
  };
}

/**
 * One instance per process, built on first use from the environment: Next can load this module
 * once per route bundle, and every copy must count into the same limiters.
 */
const INSTANCE = Symbol.for("reelcast.fair-use");
function processFairUse(): FairUse {
  const holder = globalThis as { [INSTANCE]?: FairUse };
  // Every refusal counts in the metrics (reelcast_rate_limited_total).
  holder[INSTANCE] ??= createFairUse(fairUseConfig(), null, Date.now, (limit) => serverMetrics().observer.rateLimited(limit));
  return holder[INSTANCE];
}

/**
 * One API request by `client`: allowed, or refused with when to retry. The request door calls it
 * for every API request except GET /api/health, which monitors and load balancers poll.
 */
export async function admitRequest(client: string): Promise<FairUseDecision> {
  return processFairUse().admitRequest(client);
}

/** A new session for `client`: allowed, or refused with when to retry. */
export async function admitNewSession(client: string): Promise<FairUseDecision> {
  return processFairUse().admitNewSession(client);
}
