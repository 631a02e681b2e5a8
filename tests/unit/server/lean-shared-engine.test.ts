/**
 * One engine, two builds of the code: the production server answers POST /api/recommend and
 * /api/feedback with the lean API bundle (esbuild) and everything else with Next's bundles, and
 * both use the one engine on globalThis. Here the route modules as tsx loads them from source
 * stand in for Next's bundle: every class in them is a different object from the bundle's, as in
 * the server. Whichever side created the engine, the other answers with it, and the store errors
 * raised inside the creator's store keep their meaning (503, 404, answers without writing), not 500.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import type { Engine } from "../../../lib/pipeline/engine";
import { buildLeanApi } from "../../../scripts/support/build-lean-api";

const directory = mkdtempSync(path.join(tmpdir(), "reelcast-lean-"));
const databasePath = path.join(directory, "reelcast.sqlite");
process.env.REELCAST_DB_PATH = databasePath;
process.env.REELCAST_RATE_LIMIT = "off";
process.env.REELCAST_SNAPSHOT_WRITER = "0";
process.env.OPENAI_API_KEY = "";

// Under node_modules so that the bundle's external packages resolve as they do from .next/.
const bundleDirectory = mkdtempSync(path.join(process.cwd(), "node_modules", ".cache-reelcast-lean-"));
await buildLeanApi(process.cwd(), path.join(bundleDirectory, "reelcast-lean-api.mjs"));
const lean = (await import(pathToFileURL(path.join(bundleDirectory, "reelcast-lean-api.mjs")).href)) as {
  handleLeanRequest: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
};
const nextRecommend = (await import("../../../app/api/recommend/route")).POST;
const nextFeedback = (await import("../../../app/api/feedback/route")).POST;
const nextChat = (await import("../../../app/api/chat/route")).POST;

const server = createServer((request, response) => {
  void lean.handleLeanRequest(request, response).then((answered) => {
    if (!answered) response.writeHead(404).end();
  });
});
let leanUrl = "";
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  leanUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
after(async () => {
  server.close();
  await forgetEngine();
  rmSync(directory, { recursive: true, force: true });
  rmSync(bundleDirectory, { recursive: true, force: true });
});

type Reply = { status: number; headers: Headers; body: Record<string, unknown> };
const json = { "content-type": "application/json" };
async function viaLean(route: string, body: unknown): Promise<Reply> {
  const response = await fetch(`${leanUrl}${route}`, { method: "POST", headers: json, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
async function viaNext(handler: (request: Request) => Promise<Response>, route: string, body: unknown): Promise<Reply> {
  const response = await handler(new Request(`http://localhost${route}`, { method: "POST", headers: json, body: JSON.stringify(body) }));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const shared = globalThis as { reelcastEngine?: Promise<Engine>; reelcastStoreHealth?: unknown };
/** Drops the process's engine and store health, so that the next request creates them again. */
async function forgetEngine(): Promise<void> {
  const engine = await shared.reelcastEngine?.catch(() => undefined);
  await engine?.store?.close();
  shared.reelcastEngine = undefined;
  shared.reelcastStoreHealth = undefined;
}

/** Holds the database's write lock from another connection while `run` runs (the store then waits its busy timeout). */
async function whileLocked<T>(run: () => Promise<T>): Promise<T> {
  const holder = new Database(databasePath);
  holder.exec("BEGIN IMMEDIATE");
  try {
    return await run();
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
}

/**
 * The store failures, raised by the store of the side that created the engine, answered by the
 * other side: an unknown impression 404, a locked database 503 naming the cause (feedback), an
 * answer without writing (recommend).
 */
async function checkStoreErrors(recommendVia: (body: unknown) => Promise<Reply>, feedbackVia: (body: unknown) => Promise<Reply>, impressionId: string, itemId: string) {
  const unknown = await feedbackVia({ impressionId: "00000000-0000-4000-8000-000000000000", itemId, event: "like" });
  assert.equal(unknown.status, 404, JSON.stringify(unknown.body));
  const locked = await whileLocked(() => feedbackVia({ impressionId, itemId, event: "skip" }));
  assert.equal(locked.status, 503, JSON.stringify(locked.body));
  assert.deepEqual((locked.body.error as { code: string; details: unknown }).details, { cause: "locked" });
  assert.equal(locked.headers.get("retry-after"), "5");
  // A fresh health view, so that the answer meets the lock itself instead of skipping the store.
  shared.reelcastStoreHealth = undefined;
  const degraded = await whileLocked(() => recommendVia({ query: "heat", limit: 2 }));
  assert.equal(degraded.status, 200, JSON.stringify(degraded.body));
  assert.equal(degraded.body.impressionId, null);
  assert.match(JSON.stringify(degraded.body.route), /feedback is off for this answer/);
  shared.reelcastStoreHealth = undefined;
}

test("an engine the lean bundle created answers Next's chat, recommend and feedback routes", async () => {
  await forgetEngine();
  const first = await viaLean("/api/recommend", { query: "heat", limit: 3 });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.ok(shared.reelcastEngine, "the lean bundle created the process's engine");
  const impressionId = first.body.impressionId as string;
  const itemId = (first.body.items as Array<{ id: string }>)[0].id;

  const chat = await nextChat(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ id: "chat", messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "toy story" }] }], limit: 2 }),
    }),
  );
  assert.equal(chat.status, 200);
  assert.match(await chat.text(), /data-recommendations/);
  const continued = await viaNext(nextRecommend, "/api/recommend", { query: "something like heat", limit: 2, sessionId: first.body.sessionId });
  assert.equal(continued.status, 200, JSON.stringify(continued.body));
  assert.equal(continued.body.sessionId, first.body.sessionId);
  const liked = await viaNext(nextFeedback, "/api/feedback", { impressionId, itemId, event: "like" });
  assert.equal(liked.status, 202, JSON.stringify(liked.body));

  await checkStoreErrors(
    (body) => viaNext(nextRecommend, "/api/recommend", body),
    (body) => viaNext(nextFeedback, "/api/feedback", body),
    impressionId,
    itemId,
  );
});

test("an engine Next's routes created answers the lean bundle's recommend and feedback", async () => {
  await forgetEngine();
  const first = await viaNext(nextRecommend, "/api/recommend", { query: "toy story", limit: 3 });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const impressionId = first.body.impressionId as string;
  const itemId = (first.body.items as Array<{ id: string }>)[0].id;

  const continued = await viaLean("/api/recommend", { query: "more like that", limit: 2, sessionId: first.body.sessionId });
  assert.equal(continued.status, 200, JSON.stringify(continued.body));
  assert.equal(continued.body.sessionId, first.body.sessionId);
  const liked = await viaLean("/api/feedback", { impressionId, itemId, event: "like" });
  assert.equal(liked.status, 202, JSON.stringify(liked.body));

  await checkStoreErrors(
    (body) => viaLean("/api/recommend", body),
    (body) => viaLean("/api/feedback", body),
    impressionId,
    itemId,
  );
});
