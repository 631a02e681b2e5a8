import { methodNotAllowed } from "../../../lib/server/request-door-methods";
import { serverStoreHealth } from "../../../lib/server/store-health";
import { withEngine } from "../../../lib/server/with-engine";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * "ready" when the catalog and indexes are loaded (loading them here warms the server up) and
 * the database takes writes. "degraded" with the failing part when the database is damaged,
 * full, read-only or locked: still 200, because recommendations and the chat go on answering
 * from the fast path and the offline reasoner, and a load balancer that took every instance
 * sharing the broken database out of rotation would turn a partial outage into a total one.
 * Monitoring alerts on the body's status. 503 only when the catalog is missing (nothing answers).
 */
export async function GET(): Promise<Response> {
  return withEngine("api", async (loadEngine) => {
    const engine = await loadEngine();
    const catalog = { catalog: engine.catalog.manifest.buildKey, items: engine.catalog.items.length };
    const outage = await serverStoreHealth().check(engine.store);
    if (!outage) return Response.json({ status: "ready", ...catalog });
    return Response.json({ status: "degraded", failing: [{ part: "store", cause: outage.cause, message: outage.message }], ...catalog }, { headers: { "cache-control": "no-store" } });
  });
}

const refuse = methodNotAllowed(["GET"], "api");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as OPTIONS };
