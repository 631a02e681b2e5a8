import { ReelcastError } from "../../../lib/errors/reelcast-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Any path under /api that no route serves: a JSON 404 like every other API error, not an HTML page. */
function notFound(): Response {
  return new ReelcastError("not_found:api", "There is no such API endpoint. The API: POST /api/recommend, /api/chat, /api/feedback, /api/narration; GET /api/health, /api/conversations/:id.").toResponse();
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
