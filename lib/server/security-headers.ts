/**
 * The browser-hardening headers of every response. Pages get a Content-Security-Policy with a
 * fresh nonce per request (proxy.ts); API responses are data, never a document to run, so theirs
 * allows nothing at all (next.config.ts headers(), which also sends the static ones below).
 */

/** Headers every response carries, pages and APIs alike. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // A response is what its content-type says, never sniffed into a script or a page.
  { key: "X-Content-Type-Options", value: "nosniff" },
  // No framing (clickjacking); frame-ancestors 'none' says the same to browsers that read CSP.
  { key: "X-Frame-Options", value: "DENY" },
  // Other sites learn the origin a visitor came from, never the path.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** API responses: nothing may load, run or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The page policy for one request. Scripts run only with this request's nonce, which Next adds
 * to its own scripts (it reads the nonce from the request's Content-Security-Policy header) and
 * the layout adds to the theme boot script; 'strict-dynamic' lets those load the page's chunks.
 *
 * - style-src keeps 'unsafe-inline': React writes style attributes (Next's not-found page, the
 *   route announcer), which a nonce cannot cover, and Next's inline <style> tags carry none.
 *   Styles cannot run code; scripts are what the nonce guards.
 * - img-src data: blob: for inline SVG data and generated images; posters are inline SVG.
 * - media-src and connect-src blob: for narration: the server's MP3 is played from a blob: URL.
 * - fonts are Geist, self-hosted by next/font under /_next/static.
 * - no upgrade-insecure-requests: the server is also reached over plain http (loopback, tests),
 *   where upgrading its own /_next requests to https would break the page; HSTS belongs to the
 *   TLS terminator.
 * - 'unsafe-eval' only in `next dev`, whose React rebuilds error stacks with eval.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce: 128 random bits, base64 (the nonce-source grammar). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
