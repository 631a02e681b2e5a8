import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorSurface } from "../errors/reelcast-error";
import type { ApiRequest, HeaderLookup } from "./api-request";
import { MAX_BODY_BYTES, tooLarge } from "./request-door-body";

/** Node's parsed headers (lowercase names) read like web Headers: repeated values joined by ", ". */
function headerLookup(request: IncomingMessage): HeaderLookup {
  return {
    get: (name) => {
      const value = request.headers[name];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/**
 * The body as text under the cap, read straight from node's stream: refused by Content-Length
 * before a byte is read, and as soon as the running total passes `maxBytes` (a chunked upload
 * declares nothing), when reading stops so the rest is never buffered; what the client still
 * sends is drained, then the connection closed, by scripts/serve/early-limits.mjs after the 413.
 * Decoded like request.text() (UTF-8, a byte-order mark dropped, invalid bytes replaced), as the
 * Next route's reader (readCappedBody) does.
 */
function readCappedNodeBody(request: IncomingMessage, surface: ErrorSurface, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.reject(tooLarge(surface, maxBytes));
  if (request.complete && request.readableEnded) return Promise.resolve("");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onFailure);
      request.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        stop();
        request.pause();
        reject(tooLarge(surface, maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(new TextDecoder().decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)));
    };
    const onFailure = (error: Error) => {
      stop();
      reject(error);
    };
    // The client went away before the body ended.
    const onClose = () => onFailure(new Error("the request body was cut off"));
    request.on("data", onData);
    request.once("end", onEnd);
    request.once("error", onFailure);
    request.once("close", onClose);
  });
}

/**
 * Node's request as the endpoints read it (api-request.ts), without a web Request: the signal
 * aborts when the response closes before it was sent in full (the client hung up), as a route
 * handler's request.signal does.
 */
export function apiRequestFromNode(request: IncomingMessage, response: ServerResponse): ApiRequest {
  let controller: AbortController | undefined;
  return {
    method: request.method ?? "GET",
    headers: headerLookup(request),
    get signal() {
      if (!controller) {
        const created = new AbortController();
        controller = created;
        if (response.closed) created.abort();
        else response.once("close", () => response.writableFinished || created.abort());
      }
      return controller.signal;
    },
    readBody: (surface) => readCappedNodeBody(request, surface),
  };
}
