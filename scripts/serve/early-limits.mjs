/**
 * Request-size limits in front of Next, called by scripts/serve.mjs for every request before
 * Next's handler. Plain JavaScript, like serve.mjs.
 *
 * - A body whose Content-Length is over the limit is refused here, with a JSON 413, before Next
 *   parses anything (the API routes would refuse it too, lib/server/request-door-body.ts; pages
 *   take no body at all).
 * - After any answer that left the upload unread (this 413, or a route's 413 for a chunked
 *   body that grew past the limit), the connection lingers: what the client still sends is read
 *   and dropped for a short while, then the connection is closed. Closing at once made the
 *   clients' next write fail (EPIPE) before they read the 413 (1 in 20 concurrent uploads); not
 *   closing left them blocked mid-upload on a connection nobody read, until the request timeout.
 */

/** The API's body limit (MAX_BODY_BYTES in lib/server/request-door-body.ts). */
const MAX_BODY_BYTES = 64 * 1024;
/** How long an unread upload is drained after its answer before the connection closes. */
const LINGER_MS = 2_000;

/** The headers next.config.ts gives API responses, which this answer never reaches Next to get. */
const REFUSAL_HEADERS = {
  "content-type": "application/json",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** Reads and drops the rest of an upload for LINGER_MS, then closes its connection. */
function lingerThenClose(request, socket) {
  if (socket.destroyed) return;
  // A body that arrives in time (a small one refused before it was read) keeps the connection:
  // it may already carry the client's next request.
  const timer = setTimeout(() => request.complete || socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  // Flowing with no reader: what arrives is parsed and dropped, nothing is kept.
  request.resume();
  socket.resume();
}

/**
 * True when the request was answered here (the caller must not hand it to Next). Either way, an
 * answer that leaves the upload unread makes the connection linger, then close.
 */
export function refuseEarly(request, response) {
  // Node detaches the socket from the request and the response before "finish" listeners run.
  const socket = request.socket;
  response.once("finish", () => {
    if (!request.complete) lingerThenClose(request, socket);
  });
  const declared = Number(request.headers["content-length"]);
  if (!(declared > MAX_BODY_BYTES)) return false;
  const body = JSON.stringify({ error: { code: "too_large:api", message: `request body must be at most ${MAX_BODY_BYTES} bytes` } });
  response.writeHead(413, { ...REFUSAL_HEADERS, "content-length": Buffer.byteLength(body) });
  response.end(body);
  return true;
}
