import { carryFeedback, emptySession, recordTurn, restoreSession, type Constraints, type SessionState } from "../reasoning";
import type { TitleIntent } from "../language";
import type { JsonObject } from "../store";
import type { Engine } from "./engine";

/** Answering an earlier request again: regenerating the last answer, or its next page ("show more"). */
export interface Rerun {
  /** The session the answer being regenerated or continued was made from. */
  session: SessionState;
  /** Films earlier pages of the same request showed: none of them again ("show more" never repeats). */
  excludeItemIds: readonly string[];
  /**
   * Films set aside unless the request names them: what a regenerated answer showed, so that
   * "regenerate" brings other films where the catalog has them (the film a title lookup asked
   * for stays).
   */
  setAsideItemIds?: readonly string[];
  /**
   * Regenerating: the stored session becomes `session` (with today's likes and dislikes) plus the
   * new turn, instead of the previous answer's turn plus this one.
   */
  replacesLastTurn: boolean;
}

/**
 * The session before this request: stored state, or a fresh one (new id, no store, first turn).
 * A rerun reads its request from the session it was first answered from, with today's feedback.
 */
export async function loadSession(engine: Engine, sessionId: string | null, rerun?: Rerun): Promise<SessionState> {
  const stored = !engine.store || sessionId === null ? null : await engine.store.getSession(sessionId);
  const current = stored ? restoreSession(stored.state) : emptySession();
  return rerun ? carryFeedback(rerun.session, current) : current;
}

/** What the session's feedback says about taste, as catalog indexes. */
export interface SessionTaste {
  /** Liked, played or said to be loved: what "because you liked" may name. */
  liked: number[];
  /** Asked for more like them: part of the taste vector, never called liked. */
  interested: number[];
  disliked: number[];
  /** Said to be seen: never taste, but not suggested again. */
  seen: number[];
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
  return { liked, interested, disliked, seen: indexes(session.seen), userVector };
}

/**
 * Films this answer must not show besides the dislikes: what the person liked or has seen this
 * session and what a regenerated answer showed, unless the request asks for it by name (a title
 * lookup, a series), and what earlier pages of the same request showed (`rerun`), named or not.
 */
export function hiddenItems(engine: Engine, taste: SessionTaste, intent: Pick<TitleIntent, "lookup" | "series">, rerun?: Rerun): number[] {
  const named = new Set([...(intent.lookup ? [intent.lookup.itemIndex] : []), ...(intent.series?.items ?? [])]);
  const indexes = (ids: readonly string[] = []) => ids.flatMap((id) => engine.catalog.indexOf.get(id) ?? []);
  const unlessNamed = [...taste.liked, ...taste.seen, ...indexes(rerun?.setAsideItemIds)].filter((itemIndex) => !named.has(itemIndex));
  return [...new Set([...unlessNamed, ...indexes(rerun?.excludeItemIds)])];
}

/**
 * The session update that stores the turn (constraints in force, the request, the items shown,
 * films the person said they love, which count as likes): a read-modify-write the store runs
 * inside the request's one transaction (lib/pipeline/record-step.ts), so two tabs answering at
 * once cannot lose each other's turn. A rerun that replaces the last turn starts from the
 * session that answer was made from, with today's feedback.
 */
export function turnUpdate(
  turn: { request: string; constraints: Constraints | null; itemIds: readonly string[]; statedLikes?: readonly string[] },
  rerun?: Rerun,
): (stored: JsonObject | null) => JsonObject {
  return (stored) => {
    const current = restoreSession(stored);
    return recordTurn(rerun?.replacesLastTurn ? carryFeedback(rerun.session, current) : current, turn) as unknown as JsonObject;
  };
}
