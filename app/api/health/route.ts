import { errorResponse } from "../../../lib/errors/reelcast-error";
import { toEngineError } from "../../../lib/server/engine-error";
import { getEngine } from "../../../lib/server/engine-singleton";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Ready when the catalog and indexes are loaded; loading them here warms the server up. */
export async function GET(): Promise<Response> {
  try {
    const engine = await getEngine();
    return Response.json({ status: "ready", catalog: engine.catalog.manifest.buildKey, items: engine.catalog.items.length });
  } catch (error) {
    return errorResponse(toEngineError(error), "api");
  }
}
