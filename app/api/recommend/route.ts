import { errorResponse } from "../../../lib/errors/reelcast-error";
import { recommend, recommendRequestSchema } from "../../../lib/pipeline";
import { toEngineError } from "../../../lib/server/engine-error";
import { toStoreApiError } from "../../../lib/server/store-error";
import { getEngine } from "../../../lib/server/engine-singleton";
import { clientAddress } from "../../../lib/server/client-address";
import { issueSession } from "../../../lib/server/issue-session";
import { parseRequestBody } from "../../../lib/server/parse-request-body";
import { passDoor } from "../../../lib/server/request-door";
import { methodNotAllowed } from "../../../lib/server/request-door-methods";
import { requestStore, withStoreNotice } from "../../../lib/server/request-store";
import { serverStoreHealth } from "../../../lib/server/store-health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    await passDoor(request, "recommend");
    const body = await parseRequestBody(request, recommendRequestSchema, "recommend");
    const engine = await getEngine().catch((error) => {
      throw toEngineError(error);
    });
    // The id to continue must be one this server issued; otherwise the answer starts a new session.
    const client = clientAddress(request);
    // A failing database leaves the answer without a session or an impression, not without an answer.
    const answer = requestStore(engine, serverStoreHealth());
    const { sessionId } = await issueSession(answer.engine, body.sessionId, client, "recommend");
    const response = await answer.run((answering) => recommend({ ...body, sessionId }, answering, { signal: request.signal, client })).catch((error) => {
      throw toStoreApiError(error);
    });
    return Response.json(withStoreNotice(response, answer.outage()));
  } catch (error) {
    return errorResponse(error, "recommend");
  }
}

const refuse = methodNotAllowed(["POST"], "recommend");
export { refuse as GET, refuse as HEAD, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as OPTIONS };
