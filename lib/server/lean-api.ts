/**
 * The lean API handler: POST /api/recommend and POST /api/feedback answered in front of Next's
 * request handler, in the same server process (scripts/serve.mjs). A fast recommendation is
 * about 1.5 ms of CPU; through Next's router, web Request/Response objects and body streams it
 * cost several times that (issue 20: with --cpu-prof, Next routing, web streams and undici took
 * 54 % of a worker's CPU). Here node's request and response are used as they are.
 *
 * One contract: the same endpoints the Next routes call (recommend-endpoint.ts,
 * feedback-endpoint.ts), so the same door (origin 403, JSON 415, fair use 429), body cap (413),
 * validation (400), sessions, degraded-store answers and errors; the same 405 for the methods the
 * routes refuse; and the headers next.config.ts gives API responses (security-headers.ts). Every
 * other request — pages, the chat stream, GET /api/health, other methods — goes on to Next.
 *
 * Built by scripts/support/build-lean-api.ts into .next/reelcast-lean-api.mjs beside the Next
 * build; its classes are copies of the ones in Next's bundles, which is why the errors that cross
 * between them are branded (lib/errors/error-brand.ts) and the engine lives on globalThis.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorSurface } from "../errors/reelcast-error";
import type { ApiRequest } from "./api-request";
import { errorReply, type EndpointReply } from "./endpoint-reply";
import { feedbackEndpoint } from "./feedback-endpoint";
import { apiRequestFromNode } from "./lean-node-request";
import { recommendEndpoint } from "./recommend-endpoint";
import { methodNotAllowedError, REFUSED_METHODS } from "./request-door-methods";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./security-headers";

interface LeanRoute {
  surface: ErrorSurface;
  endpoint: (request: ApiRequest) => Promise<EndpointReply>;
}

const ROUTES = new Map<string, LeanRoute>([
  ["/api/recommend", { surface: "recommend", endpoint: recommendEndpoint }],
  ["/api/feedback", { surface: "feedback", endpoint: feedbackEndpoint }],
]);

const REFUSED = new Set<string>(REFUSED_METHODS);

/** What next.config.ts headers() gives every /api response, which these never reach Next to get. */
const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value])),
  "content-security-policy": API_CONTENT_SECURITY_POLICY,
});

/** The route for a request target: the exact path, any query string ignored (as Next routes it). */
function routeOf(url: string | undefined): LeanRoute | undefined {
  if (!url) return undefined;
  const query = url.indexOf("?");
  return ROUTES.get(query < 0 ? url : url.slice(0, query));
}

function send(response: ServerResponse, reply: EndpointReply): void {
  const text = JSON.stringify(reply.body);
  response.writeHead(reply.status, { ...API_RESPONSE_HEADERS, ...reply.headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/**
 * Answers the request when it is one of the lean routes and a method Next's route serves or
 * refuses; resolves true once the answer is written, false (at once, nothing read or written)
 * for anything else, which the caller hands to Next.
 */
export async function handleLeanRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const route = routeOf(request.url);
  const method = request.method ?? "";
  if (!route || (method !== "POST" && !REFUSED.has(method))) return false;
  let reply: EndpointReply;
  try {
    reply = method === "POST" ? await route.endpoint(apiRequestFromNode(request, response)) : errorReply(methodNotAllowedError(method, ["POST"], route.surface), route.surface);
  } catch (error) {
    // The endpoints answer their own errors; this is the last resort, the same bare 500.
    reply = errorReply(error, route.surface);
  }
  if (!response.headersSent && !response.destroyed) send(response, reply);
  return true;
}
