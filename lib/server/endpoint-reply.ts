import { toReelcastError, type ErrorSurface } from "../errors/reelcast-error";

/**
 * An API endpoint's answer as data: the status, the headers its status needs (Retry-After,
 * Allow) and the JSON body. The Next route sends it as a web Response (toWebResponse); the lean
 * handler writes it to node's response itself (lean-api.ts), adding the security headers that
 * next.config.ts gives Next's API responses.
 */
export interface EndpointReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function jsonReply(body: unknown, status = 200): EndpointReply {
  return { status, headers: {}, body };
}

/** Any thrown value as the reply a client sees: the one error path (toReelcastError). */
export function errorReply(error: unknown, surface: ErrorSurface): EndpointReply {
  const reelcastError = toReelcastError(error, surface);
  return { status: reelcastError.status, headers: reelcastError.headers, body: reelcastError.toBody() };
}

export function toWebResponse(reply: EndpointReply): Response {
  return Response.json(reply.body, { status: reply.status, headers: reply.headers });
}
