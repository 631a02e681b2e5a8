import { ReelcastError } from "../errors/reelcast-error";
import { feedbackRequestSchema, recordFeedbackEvent } from "../pipeline/feedback";
import { StoreConflictError } from "../store";
import type { ApiRequest } from "./api-request";
import { admitJsonRequest } from "./endpoint-admission";
import { errorReply, jsonReply, type EndpointReply } from "./endpoint-reply";
import { toStoreApiError } from "./store-error";
import { serverStoreHealth } from "./store-health";

/**
 * POST /api/feedback { impressionId, itemId, event: like | skip | seen | undo | click | play |
 * dismiss, eventId? }, whichever server part received it (app/api/feedback/route.ts under `next
 * dev`, the lean handler in the production server). 202 once the event is committed, with where
 * the card's reaction now stands (`state`); the same eventId again is 202 "duplicate" and changes
 * nothing. 404 for an unknown impression or an item it did not show; 409 for an eventId already
 * used for another event; 400 for a malformed body; 503 when the database is locked or damaged
 * (nothing was acknowledged).
 */
export async function feedbackEndpoint(request: ApiRequest): Promise<EndpointReply> {
  try {
    const { body, engine } = await admitJsonRequest(request, feedbackRequestSchema, "feedback");
    // While the database is failing, say so at once rather than after a busy timeout.
    if (!engine.store || serverStoreHealth().current()) throw toStoreApiError(new ReelcastError("unavailable:store", "Feedback needs the database, and this server has none."));
    const result = await recordFeedbackEvent(engine, body).catch((error) => {
      // The store may be another bundle's (lib/errors/error-brand.ts): instanceof answers by brand.
      if (error instanceof StoreConflictError) throw new ReelcastError("conflict:feedback", error.message);
      throw toStoreApiError(error);
    });
    return jsonReply(result, 202);
  } catch (error) {
    return errorReply(error, "feedback");
  }
}
