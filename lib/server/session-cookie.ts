/**
 * The browser's conversation is its session cookie: HttpOnly, so page scripts (and anything
 * injected into them) never read the id; SameSite=Strict, so another site's page cannot make the
 * browser send it; scoped to /api, where it is used.
 */
const SESSION_COOKIE = "reelcast_session";

/** How long a browser keeps its session: the store's default retention window (30 days). */
const SESSION_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** A session id as the API accepts it (16-64 of A-Za-z0-9_-). */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The session id in the request's cookie, or null when there is none or it is malformed. */
export function readSessionCookie(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    if (separator < 0 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return SESSION_ID_PATTERN.test(value) ? value : null;
  }
  return null;
}

/**
 * The Set-Cookie value that makes the browser keep `sessionId`. `Secure` only over HTTPS: a
 * browser drops a Secure cookie set over plain http (the local `npm start`).
 */
export function sessionCookieHeader(sessionId: string, request: Request): string {
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  return `${SESSION_COOKIE}=${sessionId}; Path=/api; Max-Age=${SESSION_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie value that makes the browser drop its session ("New chat"). */
export function clearedSessionCookieHeader(): string {
  return `${SESSION_COOKIE}=; Path=/api; Max-Age=0; HttpOnly; SameSite=Strict`;
}
