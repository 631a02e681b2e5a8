import type { SlotFeedbackState } from "../lib/bandit/rewards";

/** What a person did with a card: like, skip, seen it, undo (the last of those), or "more like this" (click). */
export type FeedbackEvent = "like" | "skip" | "seen" | "undo" | "click";

export type { SlotFeedbackState };

/** A card nobody reacted to. */
export const NO_REACTION: SlotFeedbackState = { choice: null, seen: false, clicked: false, undoable: null };

export type FeedbackResult = { ok: true; state: SlotFeedbackState } | { ok: false; message: string };

/** The error message of a JSON error body (`{ error: { message } }`), or null. */
export function errorMessageFromBody(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof body?.error?.message === "string" ? body.error.message : null;
  } catch {
    return null;
  }
}

/**
 * A new client event id: what makes a retried POST one event. getRandomValues, not randomUUID,
 * which only secure contexts have (the app may be served over plain http on a LAN).
 */
function newEventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `e_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

function isState(value: unknown): value is SlotFeedbackState {
  const state = value as SlotFeedbackState | null;
  return typeof state === "object" && state !== null && (state.choice === null || state.choice === "like" || state.choice === "skip") && typeof state.seen === "boolean";
}

const RETRY_DELAY_MS = 400;

/**
 * POST /api/feedback with a fresh event id; never throws: a failure comes back as a message to
 * show on the card. A network failure or a 503 is retried once with the same id, so a POST that
 * did reach the server is not counted twice. On success, where the card's reaction now stands.
 */
export async function postFeedback(impressionId: string, itemId: string, event: FeedbackEvent, eventId: string = newEventId()): Promise<FeedbackResult> {
  let failure: FeedbackResult = { ok: false, message: "Feedback was not saved: the server could not be reached." };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    try {
      const response = await fetch("/api/feedback", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ impressionId, itemId, event, eventId }),
      });
      const text = await response.text().catch(() => "");
      if (response.ok) {
        const state = (() => {
          try {
            return (JSON.parse(text) as { state?: unknown }).state;
          } catch {
            return null;
          }
        })();
        return { ok: true, state: isState(state) ? state : NO_REACTION };
      }
      const reason = errorMessageFromBody(text);
      failure = { ok: false, message: `Feedback was not saved (HTTP ${response.status}${reason ? `: ${reason}` : ""}).` };
      if (response.status !== 503) return failure;
    } catch {
      failure = { ok: false, message: "Feedback was not saved: the server could not be reached." };
    }
  }
  return failure;
}
