import { errorResponse } from "../../../lib/errors/reelcast-error";
import { recommend, recommendRequestSchema } from "../../../lib/pipeline";
import { toEngineError } from "../../../lib/server/engine-error";
import { toStoreApiError } from "../../../lib/server/store-error";
import { getEngine } from "../../../lib/server/engine-singleton";
import { parseRequestBody } from "../../../lib/server/parse-request-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await parseRequestBody(request, recommendRequestSchema, "recommend");
    const engine = await getEngine().catch((error) => {
      throw toEngineError(error);
    });
    const response = await recommend(body, engine, { signal: request.signal }).catch((error) => {
      throw toStoreApiError(error);
    });
    return Response.json(response);
  } catch (error) {
    return errorResponse(error, "recommend");
  }
}
