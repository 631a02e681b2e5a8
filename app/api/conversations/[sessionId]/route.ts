import { restoreConversation } from "../../../../lib/chat/transcript-turn";
import { errorResponse, ReelcastError } from "../../../../lib/errors/reelcast-error";
import { recommendRequestSchema } from "../../../../lib/pipeline/contract";
import { toEngineError } from "../../../../lib/server/engine-error";
import { getEngine } from "../../../../lib/server/engine-singleton";
import { toStoreApiError } from "../../../../lib/server/store-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/conversations/:sessionId — the conversation as a reload shows it: its last messages
 * (questions, and answers with their cards, reply text and narration, as the chat showed them)
 * and where each card's like, skip or seen it stands. 200 with { sessionId, messages, feedback,
 * total }; 400 for a malformed session id; 404 when the session has no conversation; 503
 * without a database.
 */
export async function GET(_request: Request, context: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  try {
    const { sessionId } = await context.params;
    const parsed = recommendRequestSchema.shape.sessionId.safeParse(sessionId);
    if (!parsed.success || parsed.data === undefined) throw new ReelcastError("bad_request:session", "sessionId must be 16-64 letters, digits, - or _");
    const engine = await getEngine().catch((error) => {
      throw toEngineError(error);
    });
    const conversation = await restoreConversation(engine, parsed.data).catch((error) => {
      throw toStoreApiError(error);
    });
    if (!conversation) throw new ReelcastError("not_found:session", "No conversation is stored for this session.");
    return Response.json(conversation, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "session");
  }
}
