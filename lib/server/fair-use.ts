/**
 * Fair use per client address (placeholder with the final signatures; the fair-use work fills
 * it in with rate-limiter-flexible).
 */
export type FairUseDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: string };

/** One API request by `client`: allowed, or refused with when to retry. */
export async function admitRequest(_client: string): Promise<FairUseDecision> {
  return { allowed: true };
}

/** A new session for `client`: allowed, or refused with when to retry. */
export async function admitNewSession(_client: string): Promise<FairUseDecision> {
  return { allowed: true };
}
