import { errorResponse } from "../../../lib/errors/reelcast-error";
import { recommend, recommendRequestSchema } from "../../../lib/pipeline";
import { toEngineError } from "../../../lib/server/engine-error";
import { toStoreApiError } from "../../../lib/server/store-error";
import { getEngine } from "../../../lib/server/engine-singleton";
import { clientAddress } from "../../../lib/server/client-address";
import { issueSession } from "../../../lib/server/issue-session";
import { parseRequestBody } from "../../../lib/server/parse-request-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await parseRequestBody(request, recommendRequestSchema, "recommend");
    const engine = await getEngine().catch((error) => {
      throw toEngineError(error);
    });
    // The id to continue must be one this server issued; otherwise the answer starts a new session.
    const client = clientAddress(request);
    const { sessionId } = await issueSession(engine, body.sessionId, client, "recommend");
    const response = await recommend({ ...body, sessionId }, engine, { signal: request.signal, client }).catch((error) => {
      throw toStoreApiError(error);
    });
    return Response.json(response);
  } catch (error) {
    return errorResponse(error, "recommend");
  }
}
