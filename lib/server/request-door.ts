import { ReelcastError, type ErrorSurface } from "../errors/reelcast-error";
import { apiRequestFromWeb, type ApiRequest } from "./api-request";
import { clientAddress } from "./client-address";
import { admitRequest } from "./fair-use";
import { isForeignOrigin, parseAllowedOrigins } from "./request-door-origin";

let allowedOrigins: string[] | undefined;
/** Read once: the environment does not change while the server runs. */
function configuredOrigins(): string[] {
  allowedOrigins ??= parseAllowedOrigins(process.env.REELCAST_ALLOWED_ORIGINS);
  return allowedOrigins;
}

/**
 * application/json only: the types a form or a plain fetch can send without a CORS preflight
 * (text/plain, form encodings) would let another site's page make a visitor's browser call the
 * chat and the narration on the operator's budget.
 */
function isJson(request: ApiRequest): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/**
 * The API's door, passed before a route reads a body or touches the engine: 403 for a browser
 * request from another site's page, 415 for a body that is not JSON (methods that take one), 429
 * with Retry-After when the client has used its fair share. The refusals that cost the server
 * nothing come first and do not spend the client's allowance. The body's size is checked as it
 * is read (readCappedBody in parseRequestBody).
 */
export async function passDoor(request: Request, surface: ErrorSurface): Promise<void> {
  return passApiDoor(apiRequestFromWeb(request), surface);
}

/** passDoor for a request however it arrived (a web Request in Next, node's in the lean handler). */
export async function passApiDoor(request: ApiRequest, surface: ErrorSurface): Promise<void> {
  if (isForeignOrigin(request, configuredOrigins())) {
    return refuse(request, new ReelcastError(`forbidden:${surface}`, "Requests from another site's pages are not allowed."));
  }
  if (request.method === "POST" && !isJson(request)) {
    return refuse(request, new ReelcastError(`unsupported_media_type:${surface}`, "The request body must be JSON, sent with content-type: application/json."));
  }
  const decision = await admitRequest(clientAddress(request));
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil(decision.retryAfterSeconds));
    return refuse(request, new ReelcastError(`rate_limited:${surface}`, `Too many requests (${decision.reason}). Please try again in ${seconds} s.`, { headers: { "retry-after": String(seconds) } }));
  }
}

/**
 * Throws `error` once the request's body (at most the body limit) has been read and dropped: a
 * refusal that left a small body unread would make serve.mjs drain and then close the keep-alive
 * connection (scripts/serve/early-limits.mjs), and the client's next request on it would fail
 * with a hang-up instead of getting its own answer. A body past the limit is not read further.
 */
async function refuse(request: ApiRequest, error: ReelcastError): Promise<never> {
  await request.readBody(error.surface).catch(() => undefined);
  throw error;
}
