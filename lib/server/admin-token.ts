/**
 * The operator's token (REELCAST_ADMIN_TOKEN): GET /api/metrics and the /insights page answer
 * only to it, and answer 404 otherwise, so that a stranger cannot even tell they exist. Web Crypto
 * only (no node:crypto), so proxy.ts can use it whichever runtime runs the proxy.
 */

/** Shorter tokens are treated as unset: guessable, they would open the operator's pages to anyone. */
const MIN_ADMIN_TOKEN_CHARACTERS = 16;

/** The cookie /insights?token=… sets (proxy.ts), so the token leaves the address bar at once. */
export const ADMIN_COOKIE = "reelcast_admin";

/** The configured token, or null when unset or too short (then every operator path is 404). */
export function configuredAdminToken(environment: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const token = environment.REELCAST_ADMIN_TOKEN?.trim() ?? "";
  return token.length >= MIN_ADMIN_TOKEN_CHARACTERS ? token : null;
}

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/**
 * Equality of two digests in time that does not depend on where they differ. Comparing digests
 * rather than the texts also hides the token's length.
 */
function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

/** Whether `presented` is the configured token (false when none is configured). */
export async function isAdminToken(presented: string | null | undefined, environment?: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  const expected = configuredAdminToken(environment);
  if (!expected || !presented) return false;
  const [a, b] = await Promise.all([sha256(presented), sha256(expected)]);
  return sameDigest(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, else null. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(authorization ?? "");
  return match ? match[1] : null;
}

/**
 * The cookie's value: an HMAC of a fixed text keyed by the token, so the browser keeps a value
 * that opens /insights but is not the token itself (it cannot be replayed as a Bearer token
 * against /api/metrics), and rotating the token ends every cookie issued under the old one.
 */
async function cookieValueFor(token: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(token), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode("reelcast insights cookie v1")));
  return btoa(String.fromCharCode(...signature))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The cookie value for the configured token; null when none is configured. */
export async function adminCookieValue(environment?: Readonly<Record<string, string | undefined>>): Promise<string | null> {
  const token = configuredAdminToken(environment);
  return token ? cookieValueFor(token) : null;
}

/** Whether a cookie value is the one the configured token issues. */
export async function isAdminCookie(value: string | null | undefined, environment?: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  const expected = await adminCookieValue(environment);
  if (!expected || !value) return false;
  const [a, b] = await Promise.all([sha256(value), sha256(expected)]);
  return sameDigest(a, b);
}
