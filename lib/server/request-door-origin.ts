import type { HeaderLookup } from "./api-request";

/**
 * Whether a request comes from a page of another site, which a browser says with its Origin
 * header (every POST, every cross-origin fetch) or, without one, with Sec-Fetch-Site. Requests
 * that carry neither come from scripts and servers (curl, the benches), which no visitor's browser
 * can be made to send, so they pass.
 *
 * This site's own origin is the one whose host is the request's Host header. The scheme is not
 * compared: behind a TLS-terminating proxy the server sees http while the page is https, and a
 * page on the same host and port is this site whatever its scheme. A proxy that rewrites Host
 * needs REELCAST_ALLOWED_ORIGINS (comma-separated origins, e.g. https://reelcast.example).
 */
export function isForeignOrigin(request: { readonly headers: HeaderLookup }, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  if (allowedOrigins.includes(origin)) return false;
  // "null": sandboxed frames, file: pages, some redirects; never this site.
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return host === "" || host !== request.headers.get("host");
}

/** REELCAST_ALLOWED_ORIGINS as a list of origins, trailing slashes dropped. */
export function parseAllowedOrigins(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter((origin) => origin.length > 0);
}
