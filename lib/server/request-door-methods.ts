import { ReelcastError, type ErrorSurface } from "../errors/reelcast-error";

/**
 * The handler a route exports under every method it does not serve, so that those get a JSON
 * 405 with an Allow header like every other API error (Next's own 405 has an empty body).
 */
export function methodNotAllowed(allowed: readonly string[], surface: ErrorSurface): (request: Request) => Response {
  return (request) => methodNotAllowedError(request.method, allowed, surface).toResponse();
}

/** The 405 for `method` where only `allowed` are served (the lean handler answers with it too). */
export function methodNotAllowedError(method: string, allowed: readonly string[], surface: ErrorSurface): ReelcastError {
  const allow = allowed.join(", ");
  return new ReelcastError(`method_not_allowed:${surface}`, `${method} is not allowed here; use ${allow}.`, { headers: { allow } });
}

/**
 * The methods an API route exports the 405 handler under (Next answers any other method itself):
 * the lean handler refuses exactly these, and hands the rest to Next, so both answer alike.
 */
export const REFUSED_METHODS = ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
