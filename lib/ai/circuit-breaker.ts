/**
 * A circuit breaker for one provider (the LLM, the speech model): after `failureThreshold`
 * failures in a row it opens and every call is skipped for `coolDownMs`; then it lets exactly
 * one trial call through (half-open). A trial that succeeds closes it; one that fails opens it
 * for another cool-down. A dead provider so costs one timeout per cool-down, not one per request.
 * Pure: the caller passes the clock in and keeps the one breaker per provider per process.
 */

export interface CircuitBreakerConfig {
  /** Failures in a row that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit skips the provider, milliseconds. */
  coolDownMs: number;
}

/**
 * Defaults: three failures in a row are no accident (one slow answer or one 500 is), and 30 s is
 * long enough that a dead provider costs a request in a hundred at one request a second, short
 * enough that a provider back from a blip is used again within the minute.
 */
export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerConfig = { failureThreshold: 3, coolDownMs: 30_000 };

export type CircuitAdmission = { allowed: true; trial: boolean } | { allowed: false; reason: string; retryInMs: number };

export interface CircuitBreaker {
  /** Whether a call may go to the provider now; in half-open state only one caller gets `true`. */
  admit(nowMs: number): CircuitAdmission;
  /** The provider answered (whatever the answer's quality). */
  succeeded(): void;
  /** The provider failed: a timeout, an HTTP error, no connection. */
  failed(nowMs: number): void;
  /** A call that ended without saying anything about the provider (cancelled by the client). */
  abandoned(): void;
  /** "open" while calls are skipped, "half-open" once a trial may go (or is under way). */
  stateAt(nowMs: number): "closed" | "open" | "half-open";
}

export function createCircuitBreaker(name: string, config: CircuitBreakerConfig = DEFAULT_CIRCUIT_BREAKER): CircuitBreaker {
  let failuresInARow = 0;
  let openUntilMs: number | null = null;
  let trialRunning = false;
  let trialStartedMs = 0;
  const threshold = Math.max(1, Math.floor(config.failureThreshold));
  return {
    admit(nowMs) {
      if (openUntilMs === null) return { allowed: true, trial: false };
      // A trial that never reported back (its caller lost track of it) stops blocking after a cool-down.
      if (trialRunning && nowMs - trialStartedMs >= config.coolDownMs) trialRunning = false;
      if (nowMs < openUntilMs || trialRunning) {
        const retryInMs = Math.max(0, openUntilMs - nowMs);
        const why = trialRunning && nowMs >= openUntilMs ? "a trial call is under way" : `retrying in ${Math.ceil(retryInMs / 1000)} s`;
        return { allowed: false, reason: `${name} skipped after ${failuresInARow} failures in a row (circuit open, ${why})`, retryInMs };
      }
      trialRunning = true;
      trialStartedMs = nowMs;
      return { allowed: true, trial: true };
    },
    succeeded() {
      failuresInARow = 0;
      openUntilMs = null;
      trialRunning = false;
    },
    failed(nowMs) {
      failuresInARow += 1;
      trialRunning = false;
      if (openUntilMs !== null || failuresInARow >= threshold) openUntilMs = nowMs + config.coolDownMs;
    },
    abandoned() {
      // A cancelled trial proves nothing: the next caller may try again.
      trialRunning = false;
    },
    stateAt(nowMs) {
      if (openUntilMs === null) return "closed";
      return nowMs < openUntilMs ? "open" : "half-open";
    },
  };
}

/** Breaker settings from REELCAST_BREAKER_FAILURES and REELCAST_BREAKER_COOLDOWN_MS (passed in, not read). */
export function circuitBreakerConfigFromEnvironment(environment: Readonly<Record<string, string | undefined>>): CircuitBreakerConfig {
  const number = (name: string, fallback: number) => {
    const value = Number(environment[name]);
    return environment[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    failureThreshold: Math.floor(number("REELCAST_BREAKER_FAILURES", DEFAULT_CIRCUIT_BREAKER.failureThreshold)),
    coolDownMs: number("REELCAST_BREAKER_COOLDOWN_MS", DEFAULT_CIRCUIT_BREAKER.coolDownMs),
  };
}
