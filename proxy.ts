import { NextResponse, type NextRequest } from "next/server";
import { adminEntryRedirect } from "./lib/server/admin-entry";
import { createNonce, pageContentSecurityPolicy } from "./lib/server/security-headers";

/**
 * Every page request gets a fresh script nonce and the Content-Security-Policy that names it, on
 * the request (Next reads the nonce there and puts it on its own scripts; the layout reads
 * x-nonce for the theme boot script) and on the response (where the browser enforces it).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // The operator's token in /insights?token=… becomes a cookie, and leaves the address.
  const entry = await adminEntryRedirect(request);
  if (entry) return entry;
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api: Next copies the body of every request the proxy runs for into memory (up to
      // proxyClientMaxBodySize), and the API routes cap bodies themselves as they stream in; their
      // headers come from next.config.ts. Not the build's static files, which run no inline script.
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)",
      // Router prefetches render no document.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
