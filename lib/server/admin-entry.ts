import { NextResponse, type NextRequest } from "next/server";
import { ADMIN_COOKIE, adminCookieValue, isAdminToken } from "./admin-token";

/** How long the operator's cookie lasts: a working day, then the token is presented again. */
const COOKIE_MAX_AGE_SECONDS = 12 * 3_600;

/**
 * /insights?token=<REELCAST_ADMIN_TOKEN>, the way an operator opens the page in a browser (which
 * cannot send an Authorization header on a navigation): the right token gets a 303 to the same
 * address without it, with an HttpOnly cookie (SameSite=Strict, Path=/insights) that opens the
 * page from then on. The token leaves the address bar, the history and any later Referer at once;
 * the cookie holds an HMAC of it, not the token, so it opens only the page and scripts cannot read
 * it. Any other request, a wrong token included, goes on unchanged (and the page answers 404).
 */
export async function adminEntryRedirect(request: NextRequest): Promise<NextResponse | null> {
  if (request.nextUrl.pathname !== "/insights" || !request.nextUrl.searchParams.has("token")) return null;
  if (!(await isAdminToken(request.nextUrl.searchParams.get("token")))) return null;
  const target = request.nextUrl.clone();
  target.searchParams.delete("token");
  const response = NextResponse.redirect(target, 303);
  response.headers.set("cache-control", "no-store");
  response.cookies.set({
    name: ADMIN_COOKIE,
    value: (await adminCookieValue())!,
    httpOnly: true,
    sameSite: "strict",
    path: "/insights",
    maxAge: COOKIE_MAX_AGE_SECONDS,
    // Secure where the browser reached us over https (the TLS terminator says so); loopback and tests are plain http.
    secure: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  return response;
}
