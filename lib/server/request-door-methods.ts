import { ReelcastError, type ErrorSurface } from "../errors/reelcast-error";

/**
 * The handler a route exports under every method it does not serve, so that those get a JSON
 * 405 with an Allow header like every other API error (Next's own 405 has an empty body).
 */
export function methodNotAllowed(allowed: readonly string[], surface: ErrorSurface): (request: Request) => Response {
  const allow = allowed.join(", ");
  return (request) =>
    new ReelcastError(`method_not_allowed:${surface}`, `${request.method} is not allowed here; use ${allow}.`, { headers: { allow } }).toResponse();
}
