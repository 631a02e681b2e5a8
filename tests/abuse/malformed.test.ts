import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { recordFigure, tally } from "../../support/abuse-figures";

/**
 * Malformed input from a client that does not play by the contract: broken JSON, wrong types,
 * absurd numbers, odd bytes, every API route and method. Each must get a 4xx with a JSON error
 * (never a 5xx, a hang or a crash), and the server must keep answering real requests after it.
 */
let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_RATE_LIMIT: "off" });
});
after(async () => {
  await server?.stop();
});

const ROUTES = ["/api/recommend", "/api/chat", "/api/feedback", "/api/narration"];
const message = (text: unknown) => ({ messages: [{ role: "user", parts: [{ type: "text", text }] }] });
/** Bodies that are wrong in one way each: syntax, shape, types, ranges, sizes, encodings. */
const BODIES: string[] = [
  "",
  "{",
  "}",
  "null",
  "true",
  "42",
  '"text"',
  "[]",
  "[{}]",
  "{}",
  '{"query":',
  '{"query": "heat",}',
  "{'query': 'heat'}",
  '{"query": "\\ud800"}',
  '{"query": "heat"}\u0000',
  '\u00ff\u00fe{\u0000"\u0000q',
  JSON.stringify({ query: null }),
  JSON.stringify({ query: 42 }),
  JSON.stringify({ query: ["heat"] }),
  JSON.stringify({ query: { $gt: "" } }),
  JSON.stringify({ query: "" }),
  JSON.stringify({ query: " \n\t " }),
  JSON.stringify({ query: "x".repeat(2001) }),
  JSON.stringify({ query: "heat", limit: -1 }),
  JSON.stringify({ query: "heat", limit: 0 }),
  JSON.stringify({ query: "heat", limit: 1e308 }),
  JSON.stringify({ query: "heat", limit: 2.5 }),
  JSON.stringify({ query: "heat", limit: "10" }),
  JSON.stringify({ query: "heat", route: "teleport" }),
  JSON.stringify({ query: "heat", sessionId: "../../etc/passwd" }),
  JSON.stringify({ query: "heat", sessionId: "x" }),
  JSON.stringify({ query: "heat", sessionId: "a".repeat(65) }),
  JSON.stringify({ query: "heat", sessionId: 12345678901234567 }),
  JSON.stringify({ query: "heat", discovery: 7 }),
  '{"__proto__": {"polluted": true}, "query": "heat", "limit": "x"}',
  JSON.stringify({ constructor: { prototype: { polluted: true } }, limit: null }),
  JSON.stringify({ impressionId: "x", itemId: "y", event: "like" }),
  JSON.stringify({ impressionId: null, itemId: null, event: null }),
  JSON.stringify({ impressionId: "0".repeat(36), itemId: "1", event: "explode" }),
  JSON.stringify({ impressionId: "0".repeat(36), itemId: "1", event: "like", eventId: "" }),
  JSON.stringify({ text: "" }),
  JSON.stringify({ text: 5 }),
  JSON.stringify({ text: "x".repeat(5000) }),
  JSON.stringify({ messages: [] }),
  JSON.stringify({ messages: "hello" }),
  JSON.stringify(message("")),
  JSON.stringify(message(null)),
  JSON.stringify(message("x".repeat(2001))),
  JSON.stringify({ ...message("heat"), turn: { kind: "rewind" } }),
  JSON.stringify({ ...message("heat"), turn: { kind: "more", answerId: "a_1" } }),
  JSON.stringify({ ...message("heat"), limit: 10_000 }),
  JSON.stringify({ messages: Array.from({ length: 201 }, () => message("heat").messages[0]) }),
  `${"[".repeat(5000)}${"]".repeat(5000)}`,
  `{"a":${'{"a":'.repeat(2000)}1${"}".repeat(2000)}}`,
];

/** One raw request (node:http, so nothing rewrites what is sent); resolves with status and body. */
function send(method: string, path: string, body: string | null, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers: { ...headers, ...(body === null ? {} : { "content-length": String(Buffer.byteLength(body)) }) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error(`no answer to ${method} ${path}`)));
    outgoing.on("error", reject);
    outgoing.end(body ?? undefined);
  });
}

test("malformed requests on every API route get 4xx JSON errors: no 5xx, no hang, and the server keeps serving", async () => {
  const outcomes: Record<string, number> = {};
  const fiveHundreds: string[] = [];
  let tried = 0;
  const check = (label: string, answer: { status: number; body: string }) => {
    tried++;
    tally(outcomes, answer.status);
    if (answer.status >= 500) fiveHundreds.push(`${label} → ${answer.status} ${answer.body.slice(0, 120)}`);
    if (answer.status >= 400) {
      let error: { code?: string; message?: string } | undefined;
      try {
        error = (JSON.parse(answer.body) as { error?: { code?: string; message?: string } }).error;
      } catch {
        assert.fail(`${label} → ${answer.status}: the body is not JSON: ${JSON.stringify(answer.body.slice(0, 120))}`);
      }
      assert.ok(error?.code && error.message, `${label}: a JSON error with a code and a message, got ${answer.body.slice(0, 200)}`);
    }
  };
  for (const route of ROUTES) {
    for (const body of BODIES) check(`POST ${route} ${body.slice(0, 30)}`, await send("POST", route, body, { "content-type": "application/json" }));
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) check(`${method} ${route}`, await send(method, route, null, {}));
  }
  for (const id of ["current", "short", "a".repeat(70), "..%2F..%2Fetc", "s_" + "0".repeat(32)]) check(`GET conversation ${id}`, await send("GET", `/api/conversations/${id}`, null, {}));
  for (const path of ["/api/nothing", "/api/recommend/extra", "/api/%00", "/api/conversations/"]) check(`GET ${path}`, await send("GET", path, null, {}));

  assert.deepEqual(fiveHundreds, []);
  const healthy = await send("POST", "/api/recommend", JSON.stringify({ query: "heat", limit: 3 }), { "content-type": "application/json" });
  assert.equal(healthy.status, 200, "still serving after the barrage");
  recordFigure({ fault: "Malformed requests on every API route and method", tried, outcomes, measured: { "5xx": fiveHundreds.length } });
});
