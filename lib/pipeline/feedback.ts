import { z } from "zod";
import { applyFeedback, FEEDBACK_EVENTS, slotReward, feedbackEventSchema, type FeedbackEvent } from "../bandit";
import { recordFeedback as rememberFeedback, restoreSession } from "../reasoning";
import type { JsonObject } from "../store";
import type { Engine } from "./engine";

/** Body of POST /api/feedback. Unknown fields are ignored. */
export const feedbackRequestSchema = z.object({
  impressionId: z.string({ error: "impressionId must be a string" }).min(1, "impressionId must not be empty").max(100, "impressionId must be at most 100 characters"),
  itemId: z.string({ error: "itemId must be a string" }).min(1, "itemId must not be empty").max(100, "itemId must be at most 100 characters"),
  event: z.enum(FEEDBACK_EVENTS, { error: `event must be one of ${FEEDBACK_EVENTS.join(", ")}` }),
});

export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export interface FeedbackResponse {
  /** "duplicate": the same (impression, item, event) was recorded before; nothing changed. */
  status: "recorded" | "duplicate";
  impressionId: string;
  itemId: string;
  event: FeedbackEvent;
  /** Position in the event log. */
  sequence: number;
  /** The slot's reward before and after this event (lib/bandit/rewards.ts). */
  reward: { before: number; after: number };
}

/**
 * What an event says about taste for the session vector: likes pull, skips and dismissals push. A
 * click ("more like this") pulls too, but is remembered apart: it is interest, not a like.
 */
const TASTE: Readonly<Record<FeedbackEvent, "liked" | "disliked" | "interested" | null>> = { like: "liked", play: "liked", click: "interested", skip: "disliked", dismiss: "disliked" };

/**
 * The nearline feedback path: the event is committed to the store first (idempotent on
 * impression, item and event), then — only for a new event — the bandit's reward model moves
 * the slot's label, and the session remembers the like or dislike so the next request's user
 * vector (folded in from the session) reflects it. Nothing is acknowledged before the commit.
 * @throws StoreNotFoundError for an unknown impression or an item it did not show
 */
export async function recordFeedbackEvent(engine: Engine, request: FeedbackRequest): Promise<FeedbackResponse> {
  if (!engine.store) throw new Error("recordFeedbackEvent needs a store");
  const result = await engine.store.recordFeedback({ impressionId: request.impressionId, itemId: request.itemId, event: request.event, at: engine.epochMs() });
  const previous = result.previousEvents.flatMap((event) => (feedbackEventSchema.safeParse(event).success ? [event as FeedbackEvent] : []));
  const reward = { before: slotReward(previous), after: slotReward([...previous, request.event]) };
  if (result.status === "recorded") {
    if (engine.bandit?.log) {
      await engine.bandit.log.applyOwn({ type: "feedback", sequence: result.feedback.sequence, impressionId: request.impressionId, itemId: request.itemId, event: request.event, featureVersion: result.featureVersion, features: result.slot.features, previousEvents: previous });
    } else if (engine.bandit) {
      applyFeedback(engine.bandit.state, { features: result.slot.features, previousEvents: previous, event: request.event });
    }
    const taste = TASTE[request.event];
    if (result.sessionId && taste) {
      await engine.store.updateSession(result.sessionId, engine.epochMs(), (stored) => rememberFeedback(restoreSession(stored), request.itemId, taste) as unknown as JsonObject);
    }
  }
  return { status: result.status, impressionId: request.impressionId, itemId: request.itemId, event: request.event, sequence: result.feedback.sequence, reward };
}
