import { ReelcastError, type ErrorSurface } from "../errors/reelcast-error";
import type { Engine } from "../pipeline/engine";
import { isStoreError } from "../store";
import { admitNewSession } from "./fair-use";

export interface IssuedSession {
  /** The session the request continues or starts; undefined without a database (nothing is kept). */
  sessionId: string | undefined;
  /** True when the server made this id for this request (a new session). */
  issued: boolean;
}

/**
 * Session ids are the server's to make. A requested id the store knows is continued; an unknown
 * or absent one starts a new session under a new random id, never under the id the client sent,
 * so nobody can plant a session another person then writes into, and a stored session is read
 * only by whoever the server gave its id to. Each new session counts against the client's
 * new-session allowance (fair use): leaving the id out cannot dodge the per-session ceilings.
 * @throws ReelcastError 429 rate_limited when the client started too many sessions lately;
 *   404 not_found:session for an unknown id when `mayStart` is false
 */
export async function issueSession(engine: Engine, requested: string | null | undefined, client: string, surface: ErrorSurface, options: { mayStart?: boolean } = {}): Promise<IssuedSession> {
  const { store } = engine;
  if (!store) return { sessionId: undefined, issued: false };
  if (requested) {
    const known = await store.getSession(requested).catch((error: unknown) => {
      // A store that cannot be read answers without a session; the write path reports it.
      if (isStoreError(error)) return undefined;
      throw error;
    });
    if (known === undefined) return { sessionId: undefined, issued: false };
    if (known !== null) return { sessionId: requested, issued: false };
  }
  // Regenerating or continuing an answer needs the conversation it belongs to.
  if (options.mayStart === false) throw new ReelcastError("not_found:session", "No conversation is stored for this session.");
  const admission = await admitNewSession(client);
  if (!admission.allowed) {
    throw new ReelcastError(`rate_limited:${surface}`, `Too many new conversations from your address: ${admission.reason}. Try again in ${admission.retryAfterSeconds} s.`, {
      headers: { "retry-after": String(admission.retryAfterSeconds) },
    });
  }
  return { sessionId: engine.newSessionId(), issued: true };
}
