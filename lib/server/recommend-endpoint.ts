import { recommend, recommendRequestSchema } from "../pipeline";
import type { ApiRequest } from "./api-request";
import { clientAddress } from "./client-address";
import { admitJsonRequest } from "./endpoint-admission";
import { errorReply, jsonReply, type EndpointReply } from "./endpoint-reply";
import { issueSession } from "./issue-session";
import { requestStore, withStoreNotice } from "./request-store";
import { toStoreApiError } from "./store-error";
import { serverStoreHealth } from "./store-health";

/**
 * POST /api/recommend, whichever server part received it (app/api/recommend/route.ts under
 * `next dev`, the lean handler in the production server): the door (origin, JSON, fair use),
 * the capped body and its schema, a server-issued session, the one recommend(), and the answer
 * without the store's writes while the store is failing.
 */
export async function recommendEndpoint(request: ApiRequest): Promise<EndpointReply> {
  try {
    const { body, engine } = await admitJsonRequest(request, recommendRequestSchema, "recommend");
    // The id to continue must be one this server issued; otherwise the answer starts a new session.
    const client = clientAddress(request);
    // A failing database leaves the answer without a session or an impression, not without an answer.
    const answer = requestStore(engine, serverStoreHealth());
    const { sessionId } = await issueSession(answer.engine, body.sessionId, client, "recommend");
    const response = await answer
      .run((answering) => recommend({ ...body, sessionId }, answering, { signal: request.signal, client }))
      .catch((error) => {
        throw toStoreApiError(error);
      });
    return jsonReply(withStoreNotice(response, answer.outage()));
  } catch (error) {
    return errorReply(error, "recommend");
  }
}
