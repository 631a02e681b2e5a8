/**
 * Fair-use limits per client address, from the environment. The defaults are far above what a
 * person chatting sends, so only a script notices them:
 *
 * - Requests: one chat turn in the browser is a handful of API calls at once (the chat POST,
 *   narration, a "seen" feedback event per card as the answer scrolls in: about a dozen within a
 *   second), then nothing while the person reads. 10 a second sustained plus a burst of 60 more
 *   per 10 s covers that many times over, and several people behind one address (an office, a
 *   carrier NAT) chatting at once. A script at full speed sends hundreds a second.
 * - New sessions: a person starts a new conversation a few times an hour ("New chat", a new
 *   device); 60 an hour per address leaves room for a shared address while stopping a client
 *   that leaves out its session id on every request to get a fresh per-session budget each time.
 *
 *   REELCAST_RATE_LIMIT=off                 no limits (benches, evals, tests about other things)
 *   REELCAST_RATE_LIMIT_RPS (10)            sustained requests a second per address
 *   REELCAST_RATE_LIMIT_BURST (60)          extra requests per 10 s above the sustained rate
 *   REELCAST_NEW_SESSIONS_PER_HOUR (60)     sessions the server starts per address an hour
 */
/** Environment variables by name (process.env, or a test's own). */
type Environment = Readonly<Record<string, string | undefined>>;

export interface FairUseConfig {
  enabled: boolean;
  requestsPerSecond: number;
  burst: number;
  /** Seconds over which `burst` refills. */
  burstWindowSeconds: number;
  newSessionsPerHour: number;
}

export const DEFAULT_FAIR_USE: FairUseConfig = { enabled: true, requestsPerSecond: 10, burst: 60, burstWindowSeconds: 10, newSessionsPerHour: 60 };

function positiveInteger(environment: Environment, name: string, fallback: number, minimum: number): number {
  const text = environment[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be a whole number of at least ${minimum}, got ${JSON.stringify(text)}`);
  return value;
}

/** The limits `environment` asks for; throws on a malformed number (a typo should not turn a limit off). */
export function fairUseConfig(environment: Environment = process.env): FairUseConfig {
  const switchText = environment.REELCAST_RATE_LIMIT?.trim().toLowerCase();
  if (switchText && switchText !== "off" && switchText !== "on") throw new Error(`REELCAST_RATE_LIMIT must be "on" or "off", got ${JSON.stringify(environment.REELCAST_RATE_LIMIT)}`);
  return {
    enabled: switchText !== "off",
    requestsPerSecond: positiveInteger(environment, "REELCAST_RATE_LIMIT_RPS", DEFAULT_FAIR_USE.requestsPerSecond, 1),
    burst: positiveInteger(environment, "REELCAST_RATE_LIMIT_BURST", DEFAULT_FAIR_USE.burst, 0),
    burstWindowSeconds: DEFAULT_FAIR_USE.burstWindowSeconds,
    newSessionsPerHour: positiveInteger(environment, "REELCAST_NEW_SESSIONS_PER_HOUR", DEFAULT_FAIR_USE.newSessionsPerHour, 1),
  };
}
