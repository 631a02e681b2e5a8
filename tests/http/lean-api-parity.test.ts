/**
 * The lean API handler (lib/server/lean-api.ts, in front of Next in scripts/serve.mjs) and the
 * Next routes (app/api/recommend, app/api/feedback, REELCAST_LEAN_API=0) answer the same inputs
 * alike: status, the headers that matter (content-type, security headers, Allow, Retry-After) and
 * the body (exactly for errors; the same shape for answers, whose picks the bandit may order
 * differently). Refusals at the door, the body cap, validation, 405s, 404s and the fair-use 429.
 */
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { after, before, test } from "node:test";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { startNextServer, type RunningServer } from "../../support/next-server";

let lean: RunningServer;
let next: RunningServer;
// Fair use on, with a burst the cases below stay inside; the last test spends it.
const environment = { REELCAST_WORKERS: "1", OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_RATE_LIMIT: "on", REELCAST_RATE_LIMIT_RPS: "1", REELCAST_RATE_LIMIT_BURST: "60" };
before(async () => {
  [lean, next] = await Promise.all([startNextServer(environment), startNextServer({ ...environment, REELCAST_LEAN_API: "0" })]);
  // A single process prints "serving on" once its lean handler is loaded.
  await Promise.all([lean.allWorkersServing(), next.allWorkersServing()]);
});
after(async () => {
  await Promise.all([lean?.stop(), next?.stop()]);
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request through node:http, so nothing in between adds or rewrites headers. */
function send(baseUrl: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; chunked?: Buffer[] } = {}): Promise<Answer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? "POST", headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    outgoing.on("error", reject);
    if (options.chunked) {
      for (const chunk of options.chunked) outgoing.write(chunk);
      outgoing.end();
    } else outgoing.end(options.body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };
/** The headers a client or a browser acts on; the framework's own (date, vary, transfer-encoding) are not compared. */
const HEADERS_THAT_MATTER = ["content-type", "x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy", "allow", "retry-after", "set-cookie"];
const mattering = (answer: Answer) => Object.fromEntries(HEADERS_THAT_MATTER.map((name) => [name, answer.headers[name]]));

async function both(path: string, options: Parameters<typeof send>[2] = {}): Promise<{ viaLean: Answer; viaNext: Answer }> {
  const [viaLean, viaNext] = await Promise.all([send(lean.baseUrl, path, options), send(next.baseUrl, path, options)]);
  return { viaLean, viaNext };
}

/** Same status, headers that matter and body. */
async function sameAnswer(label: string, path: string, options: Parameters<typeof send>[2]): Promise<Answer> {
  const { viaLean, viaNext } = await both(path, options);
  assert.equal(viaLean.status, viaNext.status, `${label}: status`);
  assert.deepEqual(mattering(viaLean), mattering(viaNext), `${label}: headers`);
  assert.equal(viaLean.body, viaNext.body, `${label}: body`);
  return viaLean;
}

test("the two servers answer by different paths (Next adds its vary header; the lean handler does not)", async () => {
  const { viaLean, viaNext } = await both("/api/recommend", { headers: JSON_TYPE, body: "{}" });
  assert.match(String(viaNext.headers.vary), /rsc/);
  assert.equal(viaLean.headers.vary, undefined);
  assert.equal(viaLean.headers["content-length"], String(Buffer.byteLength(viaLean.body)));
});

test("refusals and validation errors are the same answer", async () => {
  const oversized = Buffer.alloc(70 * 1024, 0x20);
  const cases: Array<[string, string, Parameters<typeof send>[2], number]> = [
    ["not JSON", "/api/recommend", { headers: JSON_TYPE, body: "{not json" }, 400],
    ["not an object", "/api/recommend", { headers: JSON_TYPE, body: "[]" }, 400],
    ["empty query", "/api/recommend", { headers: JSON_TYPE, body: JSON.stringify({ query: " " }) }, 400],
    ["limit out of range", "/api/recommend?debug=1", { headers: JSON_TYPE, body: JSON.stringify({ query: "heat", limit: 51 }) }, 400],
    ["feedback without an event", "/api/feedback", { headers: JSON_TYPE, body: JSON.stringify({ impressionId: "x", itemId: "y" }) }, 400],
    ["text/plain", "/api/recommend", { headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "heat" }) }, 415],
    ["no content type", "/api/feedback", { body: "{}" }, 415],
    ["another site's page", "/api/recommend", { headers: { ...JSON_TYPE, origin: "https://elsewhere.example", host: "127.0.0.1" }, body: JSON.stringify({ query: "heat" }) }, 403],
    ["cross-site fetch", "/api/feedback", { headers: { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, body: "{}" }, 403],
    ["declared too large", "/api/recommend", { headers: { ...JSON_TYPE, "content-length": String(oversized.length) }, body: oversized.toString() }, 413],
    ["chunked past the cap", "/api/feedback", { headers: JSON_TYPE, chunked: [oversized.subarray(0, 40 * 1024), oversized.subarray(40 * 1024)] }, 413],
    ["unknown impression", "/api/feedback", { headers: JSON_TYPE, body: JSON.stringify({ impressionId: "00000000-0000-4000-8000-000000000000", itemId: "ml:6", event: "like" }) }, 404],
  ];
  for (const [label, path, options, status] of cases) {
    const answer = await sameAnswer(label, path, options);
    assert.equal(answer.status, status, `${label}: ${answer.body}`);
    assert.equal(answer.headers["content-security-policy"], "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", label);
  }
});

test("methods the routes do not serve: the same JSON 405 with Allow", async () => {
  for (const path of ["/api/recommend", "/api/feedback"]) {
    for (const method of ["GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]) {
      const answer = await sameAnswer(`${method} ${path}`, path, { method });
      assert.equal(answer.status, 405);
      assert.equal(answer.headers.allow, "POST");
    }
  }
});

test("answers and feedback: the same status, headers and shape", async () => {
  const body = JSON.stringify({ query: "heat", limit: 3 });
  const { viaLean, viaNext } = await both("/api/recommend", { headers: JSON_TYPE, body });
  assert.equal(viaLean.status, 200);
  assert.equal(viaNext.status, 200);
  assert.deepEqual(mattering(viaLean), mattering(viaNext));
  const [leanAnswer, nextAnswer] = [recommendResponseSchema.parse(JSON.parse(viaLean.body)), recommendResponseSchema.parse(JSON.parse(viaNext.body))];
  assert.deepEqual(Object.keys(leanAnswer).sort(), Object.keys(nextAnswer).sort());
  assert.deepEqual(new Set(leanAnswer.items.map((item) => item.id)), new Set(nextAnswer.items.map((item) => item.id)));
  assert.equal(leanAnswer.route.path, nextAnswer.route.path);
  assert.ok(leanAnswer.impressionId && leanAnswer.sessionId);

  // Each server's own impression, the same reaction: the same acknowledgement.
  const feedback = async (server: RunningServer, answer: typeof leanAnswer) =>
    send(server.baseUrl, "/api/feedback", { headers: JSON_TYPE, body: JSON.stringify({ impressionId: answer.impressionId, itemId: answer.items[0].id, event: "like" }) });
  const [leanFeedback, nextFeedback] = await Promise.all([feedback(lean, leanAnswer), feedback(next, nextAnswer)]);
  assert.equal(leanFeedback.status, 202);
  assert.deepEqual(mattering(leanFeedback), mattering(nextFeedback));
  // Alike but for the impression each server issued.
  const acknowledgement = (answer: Answer) => ({ ...JSON.parse(answer.body), impressionId: "…" });
  assert.deepEqual(acknowledgement(leanFeedback), acknowledgement(nextFeedback));
  // Continuing a session the server issued keeps it; one it did not issue starts a new one.
  const continued = await send(lean.baseUrl, "/api/recommend", { headers: JSON_TYPE, body: JSON.stringify({ query: "more like heat", sessionId: leanAnswer.sessionId }) });
  assert.equal(JSON.parse(continued.body).sessionId, leanAnswer.sessionId);
  const planted = await send(lean.baseUrl, "/api/recommend", { headers: JSON_TYPE, body: JSON.stringify({ query: "heat", sessionId: "s_planted_by_the_client_000" }) });
  assert.notEqual(JSON.parse(planted.body).sessionId, "s_planted_by_the_client_000");
});

test("fair use: past the allowance both answer 429 with Retry-After and the same code", async () => {
  const spend = async (server: RunningServer): Promise<Answer> => {
    for (let sent = 0; sent < 400; sent++) {
      const answer = await send(server.baseUrl, "/api/recommend", { headers: JSON_TYPE, body: "{}" });
      if (answer.status === 429) return answer;
      assert.equal(answer.status, 400);
    }
    throw new Error("no 429 after 400 requests");
  };
  const [viaLean, viaNext] = await Promise.all([spend(lean), spend(next)]);
  assert.ok(Number(viaLean.headers["retry-after"]) >= 1);
  assert.ok(Number(viaNext.headers["retry-after"]) >= 1);
  // The seconds left may differ by one between the two servers' clocks.
  assert.deepEqual({ ...mattering(viaLean), "retry-after": "?" }, { ...mattering(viaNext), "retry-after": "?" });
  assert.equal(JSON.parse(viaLean.body).error.code, "rate_limited:recommend");
  assert.equal(JSON.parse(viaNext.body).error.code, "rate_limited:recommend");
});
