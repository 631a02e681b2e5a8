import { emptySession, recordTurn, restoreSession, type Constraints, type SessionState } from "../reasoning";
import type { JsonObject } from "../store";
import type { Engine } from "./engine";

/** The session before this request: stored state, or a fresh one (new id, no store, first turn). */
export async function loadSession(engine: Engine, sessionId: string | null): Promise<SessionState> {
  if (!engine.store || sessionId === null) return emptySession();
  const record = await engine.store.getSession(sessionId);
  return record ? restoreSession(record.state) : emptySession();
}

/** What the session's feedback says about taste, as catalog indexes. */
export interface SessionTaste {
  liked: number[];
  disliked: number[];
  /** The WALS user vector folded in from the likes and dislikes; null with no feedback or no CF. */
  userVector: Float32Array | null;
}

/** Folds the session's likes and dislikes into a user vector (closed form, well under 1 ms). */
export function sessionTaste(engine: Engine, session: SessionState): SessionTaste {
  const indexes = (ids: readonly string[]) => ids.flatMap((id) => engine.catalog.indexOf.get(id) ?? []);
  const liked = indexes(session.liked);
  const disliked = indexes(session.disliked);
  const userVector = engine.cf && (liked.length > 0 || disliked.length > 0) ? engine.cf.foldIn({ liked, disliked }) : null;
  return { liked, disliked, userVector };
}

/**
 * Stores the turn (constraints in force, the request, the items shown) in one read-modify-write
 * transaction, so two tabs answering at once cannot lose each other's turn.
 */
export async function saveTurn(engine: Engine, sessionId: string | null, turn: { request: string; constraints: Constraints | null; itemIds: readonly string[] }): Promise<void> {
  if (!engine.store || sessionId === null) return;
  await engine.store.updateSession(sessionId, engine.epochMs(), (stored) => recordTurn(restoreSession(stored), turn) as unknown as JsonObject);
}
