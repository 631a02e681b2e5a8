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
  /** Liked, played or said to be loved: what "because you liked" may name. */
  liked: number[];
  /** Asked for more like them: part of the taste vector, never called liked. */
  interested: number[];
  disliked: number[];
  /** The WALS user vector folded in from the likes and dislikes; null with no feedback or no CF. */
  userVector: Float32Array | null;
}

/** Folds the session's likes and dislikes into a user vector (closed form, well under 1 ms). */
export function sessionTaste(engine: Engine, session: SessionState): SessionTaste {
  const indexes = (ids: readonly string[]) => ids.flatMap((id) => engine.catalog.indexOf.get(id) ?? []);
  const liked = indexes(session.liked);
  const disliked = indexes(session.disliked);
  const interested = indexes(session.interested).filter((itemIndex) => !liked.includes(itemIndex) && !disliked.includes(itemIndex));
  const pulls = [...liked, ...interested];
  const userVector = engine.cf && (pulls.length > 0 || disliked.length > 0) ? engine.cf.foldIn({ liked: pulls, disliked }) : null;
  return { liked, interested, disliked, userVector };
}

/**
 * Stores the turn (constraints in force, the request, the items shown, films the person said they
 * love, which count as likes) in one read-modify-write
 * transaction, so two tabs answering at once cannot lose each other's turn.
 */
export async function saveTurn(engine: Engine, sessionId: string | null, turn: { request: string; constraints: Constraints | null; itemIds: readonly string[]; statedLikes?: readonly string[] }): Promise<void> {
  if (!engine.store || sessionId === null) return;
  await engine.store.updateSession(sessionId, engine.epochMs(), (stored) => recordTurn(restoreSession(stored), turn) as unknown as JsonObject);
}
