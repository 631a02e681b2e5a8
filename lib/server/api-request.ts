import type { ErrorSurface } from "../errors/reelcast-error";
import { readCappedBody } from "./request-door-body";

/** A header by its lowercase name, as web Headers.get answers (null when absent). */
export interface HeaderLookup {
  get(name: string): string | null;
}

/**
 * One API request as the request door and the endpoints (recommend-endpoint.ts,
 * feedback-endpoint.ts) read it, whichever server part received it: Next's route handlers wrap
 * their web Request (apiRequestFromWeb), the lean handler in front of Next wraps node's
 * IncomingMessage (lean-node-request.ts) without building a web Request, its headers or a body
 * stream. Both read the body under the same cap and fail with the same 413.
 */
export interface ApiRequest {
  readonly method: string;
  readonly headers: HeaderLookup;
  /** Aborts when the client goes away before its answer (cancels LLM calls in flight). */
  readonly signal: AbortSignal;
  /** The body as text, refused with 413 too_large:<surface> past MAX_BODY_BYTES (request-door-body.ts). */
  readBody(surface: ErrorSurface): Promise<string>;
}

/** A route handler's web Request as an ApiRequest. */
export function apiRequestFromWeb(request: Request): ApiRequest {
  return { method: request.method, headers: request.headers, signal: request.signal, readBody: (surface) => readCappedBody(request, surface) };
}
