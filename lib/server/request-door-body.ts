import { ReelcastError, type ErrorSurface } from "../errors/reelcast-error";

/** Largest request body accepted; a 2,000-character query fits many times over. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The 413 for a body past `maxBytes`, the same whichever reader found it. */
export function tooLarge(surface: ErrorSurface, maxBytes: number): ReelcastError {
  return new ReelcastError(`too_large:${surface}`, `request body must be at most ${maxBytes} bytes`);
}

/**
 * The request body as text, refused with a 413 before it fills memory: by its declared
 * Content-Length before a byte is read, and while streaming (chunked uploads declare nothing, and
 * a declared length may lie) as soon as the running total passes `maxBytes`, when the stream is
 * cancelled so the rest is never buffered. Next 16 hands a route handler the socket's stream as
 * it arrives (measured: the first 64 KB of a chunked upload reached the handler before the client
 * had sent its second megabyte), so this cap is the first thing that holds any of it. In front
 * of Next, scripts/serve/early-limits.mjs refuses an oversized Content-Length before Next parses
 * anything, and drains then closes the connection of an upload left unread by a refusal.
 */
export async function readCappedBody(request: Request, surface: ErrorSurface, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(surface, maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a client that stalls must not hold the refusal back.
      reader.cancel().catch(() => undefined);
      throw tooLarge(surface, maxBytes);
    }
    chunks.push(value);
  }
  // Like request.text(): UTF-8, a byte-order mark dropped, invalid bytes replaced.
  return new TextDecoder().decode(Buffer.concat(chunks));
}
