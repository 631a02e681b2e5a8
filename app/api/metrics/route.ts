import { metricsResponse } from "../../../lib/server/metrics-endpoint";
import { unknownApiError } from "../../../lib/server/api-not-found";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/metrics (lib/server/metrics-endpoint.ts): Prometheus text for the operator's token, else the unknown-path 404. */
export async function GET(request: Request): Promise<Response> {
  return metricsResponse(request);
}

/** Every other method: the unknown-path 404 as well (a 405 would tell that the path exists). */
function notFound(): Response {
  return unknownApiError().toResponse();
}

export { notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
