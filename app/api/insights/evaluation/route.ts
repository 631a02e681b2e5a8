import { evaluationsResponse } from "../../../../lib/server/evaluation-endpoint";
import { unknownApiError } from "../../../../lib/server/api-not-found";
import { withEngine } from "../../../../lib/server/with-engine";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/insights/evaluation (lib/server/evaluation-endpoint.ts): the newest stored evaluations for the operator's token, else the unknown-path 404. */
export async function GET(request: Request): Promise<Response> {
  return withEngine("api", (loadEngine) => evaluationsResponse(request, async () => (await loadEngine()).store));
}

/** Every other method: the unknown-path 404 as well (a 405 would tell that the path exists). */
function notFound(): Response {
  return unknownApiError().toResponse();
}

export { notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
