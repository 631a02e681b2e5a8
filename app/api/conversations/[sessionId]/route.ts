import { restoreConversation } from "../../../../lib/chat/transcript-turn";
import { ReelcastError } from "../../../../lib/errors/reelcast-error";
import { recommendRequestSchema } from "../../../../lib/pipeline/contract";
import { passDoor } from "../../../../lib/server/request-door";
import { methodNotAllowed } from "../../../../lib/server/request-door-methods";
import { clearedSessionCookieHeader, readSessionCookie } from "../../../../lib/server/session-cookie";
import { withEngine } from "../../../../lib/server/with-engine";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/conversations/:sessionId — the conversation as a reload shows it (`current`: the one
 * of the browser's session cookie, which page scripts cannot read): its last messages
 * (questions, and answers with their cards, reply text and narration, as the chat showed them)
 * and where each card's like, skip or seen it stands. 200 with { sessionId, messages, feedback,
 * total }; 400 for a malformed session id; 404 when the session has no conversation; 503
 * without a database.
 */
export async function GET(request: Request, context: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  return withEngine("session", async (loadEngine) => {
    await passDoor(request, "session");
    const { sessionId: requested } = await context.params;
    const sessionId = requested === "current" ? readSessionCookie(request) : requested;
    if (sessionId === null) throw new ReelcastError("not_found:session", "This browser has no conversation yet.");
    const parsed = recommendRequestSchema.shape.sessionId.safeParse(sessionId);
    if (!parsed.success || parsed.data === undefined) throw new ReelcastError("bad_request:session", "sessionId must be 16-64 letters, digits, - or _");
    const conversation = await restoreConversation(await loadEngine(), parsed.data);
    if (!conversation) throw new ReelcastError("not_found:session", "No conversation is stored for this session.");
    // The cookie's id stays out of page scripts' reach, here as in the chat stream.
    return Response.json(requested === "current" ? { ...conversation, sessionId: null } : conversation, { headers: { "cache-control": "no-store" } });
  });
}

/**
 * DELETE /api/conversations/current — "New chat": the browser stops continuing its conversation
 * (the cookie is cleared; the conversation stays stored until retention removes it). 204. Other
 * ids are not this browser's to forget: 405.
 */
export async function DELETE(_request: Request, context: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  const { sessionId } = await context.params;
  if (sessionId !== "current") {
    return new ReelcastError("method_not_allowed:session", "Only DELETE /api/conversations/current is allowed: it starts a new conversation in this browser.", {
      headers: { allow: "GET" },
    }).toResponse();
  }
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookieHeader(), "cache-control": "no-store" } });
}

const refuse = methodNotAllowed(["GET", "DELETE"], "session");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as OPTIONS };
