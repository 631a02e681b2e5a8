import { apiRequestFromWeb } from "../../../lib/server/api-request";
import { toWebResponse } from "../../../lib/server/endpoint-reply";
import { feedbackEndpoint } from "../../../lib/server/feedback-endpoint";
import { methodNotAllowed } from "../../../lib/server/request-door-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/feedback (lib/server/feedback-endpoint.ts). The production server answers this path
 * in front of Next with the same endpoint (lib/server/lean-api.ts); this route serves it under
 * `next dev` and wherever the lean handler is off (REELCAST_LEAN_API=0).
 */
export async function POST(request: Request): Promise<Response> {
  return toWebResponse(await feedbackEndpoint(apiRequestFromWeb(request)));
}

// The lean handler refuses the same methods (REFUSED_METHODS in request-door-methods.ts).
const refuse = methodNotAllowed(["POST"], "feedback");
export { refuse as GET, refuse as HEAD, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as OPTIONS };
