import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { recordFigure, tally } from "../../support/abuse-figures";

/**
 * Limits at the door (issue 18, deliverable 4): bodies refused by Content-Length and while they
 * stream, memory flat under 20 concurrent 100 MB uploads, JSON only, no requests from other
 * sites' pages, and a JSON 405 for every method a route does not serve.
 */
let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_RATE_LIMIT: "off" });
  await server.allWorkersServing();
});
after(async () => {
  await server?.stop();
});

const MB = 1 << 20;
const UPLOAD_BYTES = 100 * MB;
/** One megabyte, sent again and again: the test itself never holds an upload in memory. */
const CHUNK = Buffer.alloc(MB, 0x20);
const POST_ROUTES = [
  { path: "/api/recommend", surface: "recommend", body: { query: "heat", limit: 2 } },
  { path: "/api/chat", surface: "chat", body: { messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "heat" }] }] } },
  { path: "/api/feedback", surface: "feedback", body: { impressionId: "0".repeat(36), itemId: "1", event: "like" } },
  { path: "/api/narration", surface: "narration", body: { text: "Heat, 1995." } },
];

interface Answer {
  status?: number;
  /** The connection's error when it ended without a response. */
  error?: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes of the upload written to the socket when the answer arrived. */
  sentBeforeAnswer: number;
}

/**
 * A POST of `totalBytes` (spaces) through node:http, so nothing in between buffers or rewrites
 * it: with Content-Length, or chunked without one. Writes follow the socket's backpressure and
 * stop once the server has answered.
 */
function upload(path: string, totalBytes: number, mode: "content-length" | "chunked", headers: Record<string, string> = { "content-type": "application/json" }): Promise<Answer> {
  const url = new URL(path, server.baseUrl);
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, ...(mode === "content-length" ? { "content-length": String(totalBytes) } : {}) } },
      (response) => {
        answered = true;
        const sentBeforeAnswer = sent;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => {
          resolve({ status: response.statusCode, headers: response.headers, body, sentBeforeAnswer });
          outgoing.destroy();
        });
      },
    );
    // A write after the server closed the connection fails; the answer, if any, came first.
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      if (!answered) resolve({ error: error.code ?? error.message, headers: {}, body: "", sentBeforeAnswer: sent });
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        const piece = totalBytes - sent >= CHUNK.length ? CHUNK : CHUNK.subarray(0, totalBytes - sent);
        sent += piece.length;
        if (!outgoing.write(piece)) return void outgoing.once("drain", pump);
      }
      if (!answered) outgoing.end();
    };
    pump();
  });
}

/** A small request with exactly these headers and body. */
function send(method: string, path: string, body: string | null, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(path, server.baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers: { ...headers, ...(body === null ? {} : { "content-length": String(Buffer.byteLength(body)) }) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: text, sentBeforeAnswer: 0 }));
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error(`no answer to ${method} ${path}`)));
    outgoing.on("error", reject);
    outgoing.end(body ?? undefined);
  });
}

const errorCode = (answer: Answer): string => (JSON.parse(answer.body) as { error: { code: string } }).error.code;

/** Resident memory of one process, MB (Linux /proc). */
function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The server's processes: the cluster primary and its workers. */
function serverPids(): number[] {
  const primary = server.process.pid!;
  const children = readFileSync(`/proc/${primary}/task/${primary}/children`, "utf8").trim();
  return [primary, ...(children ? children.split(/\s+/).map(Number) : [])];
}

/** Samples every server process's RSS every 50 ms until `stop`: per process, MB before, at the peak and after. */
function sampleServerRss() {
  const pids = serverPids();
  const before = pids.map(rssMb);
  const peak = [...before];
  const timer = setInterval(() => pids.forEach((pid, index) => (peak[index] = Math.max(peak[index], rssMb(pid)))), 50);
  return {
    stop: () => {
      clearInterval(timer);
      const afterwards = pids.map(rssMb);
      return pids.map((pid, index) => ({
        pid,
        role: index === 0 ? "primary" : `worker ${index}`,
        before: Math.round(before[index]),
        peak: Math.round(Math.max(peak[index], afterwards[index])),
        after: Math.round(afterwards[index]),
      }));
    },
  };
}

test("413 by Content-Length, before the body is read: every POST route, and pages", async () => {
  for (const path of [...POST_ROUTES.map((route) => route.path), "/"]) {
    const answer = await upload(path, UPLOAD_BYTES, "content-length");
    assert.equal(answer.status, 413, `${path}: ${answer.error ?? answer.body}`);
    assert.match(errorCode(answer), /^too_large:/);
    // Answered before the upload was through: the server did not wait for the body. How much the
    // client writes into loopback before it reads the answer is scheduling (up to 32 MB seen in CI),
    // so the bound is the whole body, not a fraction of it.
    assert.ok(answer.sentBeforeAnswer < UPLOAD_BYTES, `${path}: ${answer.sentBeforeAnswer} bytes sent before the answer`);
  }
});

test("413 while streaming: a chunked body is cut off just past 64 KB on every POST route", async () => {
  for (const route of POST_ROUTES) {
    const answer = await upload(route.path, UPLOAD_BYTES, "chunked");
    assert.equal(answer.status, 413, `${route.path}: ${answer.error ?? answer.body}`);
    assert.equal(errorCode(answer), `too_large:${route.surface}`);
    assert.ok(answer.sentBeforeAnswer < UPLOAD_BYTES / 4, `${route.path}: ${answer.sentBeforeAnswer} bytes sent before the answer`);
  }
  // The limit is the documented one, not lower: 64 KB of JSON is read (and judged on its content).
  const padded = JSON.stringify({ query: "heat", limit: 2, padding: "x".repeat(64 * 1024 - 50) });
  assert.ok(Buffer.byteLength(padded) <= 64 * 1024);
  const fits = await send("POST", "/api/recommend", padded, { "content-type": "application/json" });
  assert.equal(fits.status, 200, fits.body.slice(0, 200));
});

test("20 concurrent 100 MB uploads, with Content-Length and chunked: all 413, server memory flat", async () => {
  for (const mode of ["content-length", "chunked"] as const) {
    const sampler = sampleServerRss();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => upload(POST_ROUTES[index % POST_ROUTES.length].path, UPLOAD_BYTES, mode)));
    // Memory after the refusals settle: a worker that kept the bodies would still hold them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const memory = sampler.stop();
    const outcomes: Record<string, number> = {};
    for (const answer of answers) tally(outcomes, answer.status ?? answer.error ?? "no answer");
    const sentMb = answers.reduce((sum, answer) => sum + answer.sentBeforeAnswer, 0) / MB;
    const growth = memory.map((process) => process.peak - process.before);
    recordFigure({
      fault: `20 concurrent 100 MB uploads (${mode})`,
      tried: answers.length,
      outcomes,
      measured: {
        "MB sent before the answers": Math.round(sentMb),
        ...Object.fromEntries(memory.map((process) => [`${process.role} RSS before / peak / after (MB)`, `${process.before} / ${process.peak} / ${process.after}`])),
        "largest peak RSS growth of a process (MB)": Math.max(...growth),
      },
    });
    assert.deepEqual(outcomes, { 413: 20 }, `${mode}: ${JSON.stringify(answers.filter((answer) => answer.status !== 413).slice(0, 3))}`);
    // 2,000 MB went at the server; a process that buffered even one upload would grow by 100 MB.
    for (const process of memory) assert.ok(process.peak - process.before < 64, `${mode}: ${process.role} grew from ${process.before} to ${process.peak} MB`);
  }
  assert.equal(server.process.exitCode, null);
  assert.doesNotMatch(server.output(), /exited \(/, "no worker died");
  const alive = await send("POST", "/api/recommend", JSON.stringify({ query: "heat", limit: 1 }), { "content-type": "application/json" });
  assert.equal(alive.status, 200);
});

test("415 for any body that is not application/json: text/plain, forms, none declared", async () => {
  const types = ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", null];
  const outcomes: Record<string, number> = {};
  for (const route of POST_ROUTES) {
    for (const type of types) {
      const answer = await send("POST", route.path, JSON.stringify(route.body), type === null ? {} : { "content-type": type });
      tally(outcomes, answer.status!);
      assert.equal(answer.status, 415, `${route.path} with ${type}`);
      assert.equal(errorCode(answer), `unsupported_media_type:${route.surface}`);
    }
  }
  const withCharset = await send("POST", "/api/recommend", JSON.stringify({ query: "heat", limit: 1 }), { "content-type": "Application/JSON; charset=utf-8" });
  assert.equal(withCharset.status, 200);
  recordFigure({ fault: "POST bodies that are not application/json (text/plain, forms, none)", tried: POST_ROUTES.length * types.length, outcomes });
});

test("403 for browser requests from another site's page; 200 from this site's own", async () => {
  const own = server.baseUrl;
  const json = { "content-type": "application/json" };
  const body = JSON.stringify({ query: "heat", limit: 1 });
  const foreign: Array<Record<string, string>> = [
    { origin: "https://evil.example" },
    { origin: "http://127.0.0.1:1" },
    { origin: "null" },
    { origin: "not a url" },
    { "sec-fetch-site": "cross-site" },
    { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  ];
  const outcomes: Record<string, number> = {};
  for (const route of POST_ROUTES) {
    for (const headers of foreign) {
      const answer = await send("POST", route.path, JSON.stringify(route.body), { ...json, ...headers });
      tally(outcomes, answer.status!);
      assert.equal(answer.status, 403, `${route.path} ${JSON.stringify(headers)}`);
      assert.equal(errorCode(answer), `forbidden:${route.surface}`);
    }
  }
  // The cross-site form post the issue describes: refused whatever its content type.
  const form = await send("POST", "/api/chat", "x=1", { "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" });
  assert.equal(form.status, 403);
  const reading = await send("GET", "/api/conversations/current", null, { origin: "https://evil.example" });
  assert.equal(reading.status, 403);

  const ownSite: Array<Record<string, string>> = [{ origin: own }, { origin: own, "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "none" }, {}];
  for (const headers of ownSite) {
    const answer = await send("POST", "/api/recommend", body, { ...json, ...headers });
    tally(outcomes, answer.status!);
    assert.equal(answer.status, 200, `${JSON.stringify(headers)}: ${answer.body.slice(0, 200)}`);
  }
  recordFigure({ fault: "Browser requests from another site's page (Origin, Sec-Fetch-Site)", tried: POST_ROUTES.length * foreign.length + 5, outcomes });
});

test("405 with a JSON error and an Allow header for every method an API route does not serve", async () => {
  const routes: Array<{ path: string; allow: string[] }> = [
    ...POST_ROUTES.map((route) => ({ path: route.path, allow: ["POST"] })),
    { path: "/api/health", allow: ["GET"] },
    { path: "/api/conversations/current", allow: ["GET", "DELETE"] },
  ];
  const outcomes: Record<string, number> = {};
  let tried = 0;
  for (const route of routes) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter((candidate) => !route.allow.includes(candidate))) {
      const answer = await send(method, route.path, method === "POST" ? "{}" : null, method === "POST" ? { "content-type": "application/json" } : {});
      tried++;
      tally(outcomes, answer.status!);
      assert.equal(answer.status, 405, `${method} ${route.path}`);
      assert.match(String(answer.headers["content-type"]), /^application\/json/, `${method} ${route.path}`);
      assert.match(errorCode(answer), /^method_not_allowed:/, `${method} ${route.path}`);
      assert.deepEqual(String(answer.headers.allow).split(/,\s*/).sort(), [...route.allow].sort(), `${method} ${route.path}`);
    }
  }
  // HEAD has no body by definition; the status still says no.
  const head = await send("HEAD", "/api/recommend", null, {});
  assert.equal(head.status, 405);
  recordFigure({ fault: "Methods an API route does not serve", tried, outcomes });
});
