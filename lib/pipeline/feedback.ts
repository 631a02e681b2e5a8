import { z } from "zod";
import { applyFeedback, FEEDBACK_EVENTS, slotFeedbackState, slotReward, feedbackEventSchema, type FeedbackEvent, type SlotFeedbackState } from "../bandit";
import { recordReaction, restoreSession } from "../reasoning";
import type { JsonObject } from "../store";
import type { Engine } from "./engine";

/** A client event id: what makes a retried POST one event (a UUID or 16+ random characters). */
const FEEDBACK_EVENT_ID_PATTERN = /^[A-Za-z0-9_:.-]{8,200}$/;

/** Body of POST /api/feedback. Unknown fields are ignored. */
export const feedbackRequestSchema = z.object({
  impressionId: z.string({ error: "impressionId must be a string" }).min(1, "impressionId must not be empty").max(100, "impressionId must be at most 100 characters"),
  itemId: z.string({ error: "itemId must be a string" }).min(1, "itemId must not be empty").max(100, "itemId must be at most 100 characters"),
  event: z.enum(FEEDBACK_EVENTS, { error: `event must be one of ${FEEDBACK_EVENTS.join(", ")}` }),
  /**
   * The client's id for this event. The same id posted twice is stored once; like → undo → like
   * with three ids is three events. Without one, an event is stored once per impression, item
   * and event name (so a repeat needs an id).
   */
  eventId: z.string({ error: "eventId must be a string" }).regex(FEEDBACK_EVENT_ID_PATTERN, "eventId must be 8-200 letters, digits or _:.-").optional(),
});

export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export interface FeedbackResponse {
  /** "duplicate": this event (its eventId, or without one the same impression, item and event) was recorded before; nothing changed. */
  status: "recorded" | "duplicate";
  eventId: string | null;
  impressionId: string;
  itemId: string;
  event: FeedbackEvent;
  /** Position in the event log. */
  sequence: number;
  /** The slot's reward before and after this event (lib/bandit/rewards.ts); null when no reaction stood. */
  reward: { before: number | null; after: number | null };
  /** Where the person's reaction to this card stands now, after every event on it: what the card shows. */
  state: SlotFeedbackState;
}

const knownEvents = (events: readonly string[]) => events.flatMap((event) => (feedbackEventSchema.safeParse(event).success ? [event as FeedbackEvent] : []));
const sameReaction = (a: SlotFeedbackState, b: SlotFeedbackState) => a.choice === b.choice && a.seen === b.seen && a.clicked === b.clicked;

/**
 * The nearline feedback path: the event is committed to the store first (idempotent on its
 * client event id), then — only for a new event — the bandit moves the slot's label to where its
 * reaction now stands (a like switched to a skip is a skip), and the session records the item as
 * liked, disliked or seen exactly as that reaction says, so the next request's user vector and
 * exclusions see the final state. Nothing is acknowledged before the commit.
 * @throws StoreNotFoundError for an unknown impression or an item it did not show
 * @throws StoreConflictError for an event id already used for another event
 */
export async function recordFeedbackEvent(engine: Engine, request: FeedbackRequest): Promise<FeedbackResponse> {
  if (!engine.store) throw new Error("recordFeedbackEvent needs a store");
  const result = await engine.store.recordFeedback({ impressionId: request.impressionId, itemId: request.itemId, event: request.event, at: engine.epochMs(), clientEventId: request.eventId ?? null });
  const previous = knownEvents(result.previousEvents);
  const reward = { before: slotReward(previous), after: slotReward([...previous, request.event]) };
  let state: SlotFeedbackState;
  if (result.status === "recorded") {
    state = slotFeedbackState([...previous, request.event]);
    engine.observer?.feedback(result.slot.explanationKind, request.event, (reward.after ?? 0) - (reward.before ?? 0));
    if (engine.bandit?.log) {
      await engine.bandit.log.applyOwn({
        type: "feedback",
        sequence: result.feedback.sequence,
        impressionId: request.impressionId,
        itemId: request.itemId,
        event: request.event,
        featureVersion: result.featureVersion,
        features: result.slot.features,
        previousEvents: previous,
      });
    } else if (engine.bandit) {
      applyFeedback(engine.bandit.state, { features: result.slot.features, previousEvents: previous, event: request.event });
    }
    if (result.sessionId && !sameReaction(slotFeedbackState(previous), state)) {
      const reaction = { choice: state.choice, seen: state.seen, clicked: state.clicked };
      await engine.store.updateSession(result.sessionId, engine.epochMs(), (stored) => recordReaction(restoreSession(stored), request.itemId, reaction) as unknown as JsonObject);
    }
  } else {
    // A retry: the card shows where the reaction stands now, which later events may have moved.
    const slotEvents = (await engine.store.listFeedback(request.impressionId)).filter((event) => event.itemId === request.itemId).map((event) => event.event);
    state = slotFeedbackState(slotEvents);
  }
  return {
    status: result.status,
    eventId: result.feedback.clientEventId,
    impressionId: request.impressionId,
    itemId: request.itemId,
    event: request.event,
    sequence: result.feedback.sequence,
    reward,
    state,
  };
}
