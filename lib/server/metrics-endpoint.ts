import { ReelcastError } from "../errors/reelcast-error";
import { bearerToken, isAdminToken } from "./admin-token";
import { unknownApiError } from "./api-not-found";
import { scrapeMetrics } from "../metrics/cluster-scrape";

/**
 * GET /api/metrics: the server's metrics in Prometheus text format, summed over every worker
 * process, for `Authorization: Bearer <REELCAST_ADMIN_TOKEN>` only. Without the token, with a
 * wrong one, or when none is configured: the same JSON 404 as a path no route serves, so the
 * endpoint does not show it exists. No cache: every scrape is current.
 */
export async function metricsResponse(request: Request): Promise<Response> {
  if (!(await isAdminToken(bearerToken(request.headers.get("authorization"))))) return unknownApiError().toResponse();
  try {
    const { text, contentType } = await scrapeMetrics();
    return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (error) {
    // The operator asked with the right token: say what failed.
    return new ReelcastError("unavailable:api", `Metrics are unavailable: ${error instanceof Error ? error.message : String(error)}`).toResponse();
  }
}
