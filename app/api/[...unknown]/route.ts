import { unknownApiError } from "../../../lib/server/api-not-found";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Any path under /api that no route serves: a JSON 404 like every other API error, not an HTML page. */
function notFound(): Response {
  return unknownApiError().toResponse();
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
