import assert from "node:assert/strict";
import { test } from "node:test";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { MAX_BODY_BYTES, readCappedBody } from "../../../lib/server/request-door-body";
import { methodNotAllowed } from "../../../lib/server/request-door-methods";
import { isForeignOrigin, parseAllowedOrigins } from "../../../lib/server/request-door-origin";

/** A body of `chunks` chunks of `chunkBytes` each that counts how many the reader pulled. */
function countedStream(chunks: number, chunkBytes: number) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled === chunks) return controller.close();
      counter.pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter };
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request("http://localhost/api/recommend", { method: "POST", body, headers, duplex: "half" } as RequestInit);

const isTooLarge = (error: unknown) => error instanceof ReelcastError && error.code === "too_large:recommend" && error.status === 413;

test("a declared Content-Length over the limit is refused before a byte is read", async () => {
  const { stream } = countedStream(10, 1024);
  const request = post(stream, { "content-length": String(MAX_BODY_BYTES + 1) });
  await assert.rejects(readCappedBody(request, "recommend"), isTooLarge);
  assert.equal(request.bodyUsed, false);
});

test("a streamed body is cut off just past the limit and its stream cancelled", async () => {
  // 1,000 chunks of 16 KB = 16 MB offered; the reader stops after the fifth (80 KB > 64 KB).
  const { stream, counter } = countedStream(1000, 16 * 1024);
  await assert.rejects(readCappedBody(post(stream), "recommend"), isTooLarge);
  assert.ok(counter.pulled <= 6, `pulled ${counter.pulled} chunks`);
  assert.equal(counter.cancelled, true);
});

test("a body up to the limit is read whole, as UTF-8 without a byte-order mark", async () => {
  const text = `{"query":"Amélie ${"x".repeat(MAX_BODY_BYTES - 100)}"}`;
  assert.equal(await readCappedBody(post(`\ufeff${text}`), "recommend"), text);
  assert.equal(await readCappedBody(post(null), "recommend"), "");
});

test("other sites' pages are foreign; this site, listed origins and non-browser clients are not", () => {
  const request = (headers: Record<string, string>) => new Request("http://localhost/api/chat", { method: "POST", headers: { host: "reelcast.example", ...headers } });
  const allowed = parseAllowedOrigins(" https://app.reelcast.example/ , ");
  assert.deepEqual(allowed, ["https://app.reelcast.example"]);
  const foreign: Array<Record<string, string>> = [
    { origin: "https://evil.example" },
    { origin: "https://reelcast.example.evil.example" },
    { origin: "null" },
    { origin: "garbage" },
    { "sec-fetch-site": "cross-site" },
    { origin: "https://reelcast.example:8443" },
  ];
  for (const headers of foreign) {
    assert.equal(isForeignOrigin(request(headers), allowed), true, JSON.stringify(headers));
  }
  const own: Array<Record<string, string>> = [
    {},
    { origin: "https://reelcast.example" },
    { origin: "http://reelcast.example" },
    { origin: "https://app.reelcast.example" },
    { "sec-fetch-site": "same-origin" },
    { "sec-fetch-site": "none" },
  ];
  for (const headers of own) {
    assert.equal(isForeignOrigin(request(headers), allowed), false, JSON.stringify(headers));
  }
});

test("a method a route does not serve: JSON 405 naming the allowed ones", async () => {
  const response = methodNotAllowed(["GET", "DELETE"], "session")(new Request("http://localhost/api/conversations/x", { method: "PUT" }));
  assert.equal(response.status, 405);
  assert.equal(response.headers.get("allow"), "GET, DELETE");
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, "method_not_allowed:session");
  assert.match(body.error.message, /PUT/);
});
