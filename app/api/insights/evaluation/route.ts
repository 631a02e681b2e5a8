import { errorResponse } from "../../../../lib/errors/reelcast-error";
import { toEngineError } from "../../../../lib/server/engine-error";
import { getEngine } from "../../../../lib/server/engine-singleton";
import { evaluationsResponse } from "../../../../lib/server/evaluation-endpoint";
import { toStoreApiError } from "../../../../lib/server/store-error";
import { unknownApiError } from "../../../../lib/server/api-not-found";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/insights/evaluation (lib/server/evaluation-endpoint.ts): the newest stored evaluations for the operator's token, else the unknown-path 404. */
export async function GET(request: Request): Promise<Response> {
  try {
    return await evaluationsResponse(request, async () => {
      const engine = await getEngine().catch((error) => {
        throw toEngineError(error);
      });
      return engine.store;
    }).catch((error) => {
      throw toStoreApiError(error);
    });
  } catch (error) {
    return errorResponse(error, "api");
  }
}

/** Every other method: the unknown-path 404 as well (a 405 would tell that the path exists). */
function notFound(): Response {
  return unknownApiError().toResponse();
}

export { notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
