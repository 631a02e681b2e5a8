import { errorResponse, ReelcastError } from "../../../lib/errors/reelcast-error";
import { feedbackRequestSchema, recordFeedbackEvent } from "../../../lib/pipeline/feedback";
import { toEngineError } from "../../../lib/server/engine-error";
import { getEngine } from "../../../lib/server/engine-singleton";
import { parseRequestBody } from "../../../lib/server/parse-request-body";
import { passDoor } from "../../../lib/server/request-door";
import { methodNotAllowed } from "../../../lib/server/request-door-methods";
import { toStoreApiError } from "../../../lib/server/store-error";
import { serverStoreHealth } from "../../../lib/server/store-health";
import { StoreConflictError } from "../../../lib/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/feedback { impressionId, itemId, event: like | skip | seen | undo | click | play |
 * dismiss, eventId? }. 202 once the event is committed, with where the card's reaction now
 * stands (`state`); the same eventId again is 202 "duplicate" and changes nothing. 404 for an
 * unknown impression or an item it did not show; 409 for an eventId already used for another
 * event; 400 for a malformed body; 503 when the database is locked or damaged (nothing was
 * acknowledged).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    await passDoor(request, "feedback");
    const body = await parseRequestBody(request, feedbackRequestSchema, "feedback");
    const engine = await getEngine().catch((error) => {
      throw toEngineError(error);
    });
    // While the database is failing, say so at once rather than after a busy timeout.
    if (!engine.store || serverStoreHealth().current()) throw toStoreApiError(new ReelcastError("unavailable:store", "Feedback needs the database, and this server has none."));
    const result = await recordFeedbackEvent(engine, body).catch((error) => {
      if (error instanceof StoreConflictError) throw new ReelcastError("conflict:feedback", error.message);
      throw toStoreApiError(error);
    });
    return Response.json(result, { status: 202 });
  } catch (error) {
    return errorResponse(error, "feedback");
  }
}

const refuse = methodNotAllowed(["POST"], "feedback");
export { refuse as GET, refuse as HEAD, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as OPTIONS };
