import assert from "node:assert/strict";
import { closeSync, openSync, writeSync } from "node:fs";
import { test } from "node:test";
import Database from "better-sqlite3";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { openSqliteStore } from "../../lib/store";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { recordFigure, tally } from "../../support/abuse-figures";
import { sampleImpression, temporaryDatabase } from "../unit/store/helpers/temporary-database";

/** One process, so "logged once" is one line; no LLM; no rate limit (not what this tests). */
const SERVER_ENVIRONMENT = { REELCAST_WORKERS: "1", REELCAST_RATE_LIMIT: "off", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" };

const post = (server: RunningServer, route: string, body: unknown) =>
  fetch(`${server.baseUrl}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** A database with a few rows, as a server that ran for a while leaves it. */
async function seededDatabase(): Promise<ReturnType<typeof temporaryDatabase>> {
  const database = temporaryDatabase();
  const store = openSqliteStore({ path: database.path });
  for (let index = 0; index < 20; index++) await store.recordImpression(sampleImpression());
  await store.close();
  // One file, no WAL beside it: what the next open sees is the database file alone.
  const raw = new Database(database.path);
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.exec("VACUUM");
  raw.close();
  return database;
}

interface HealthBody {
  status: string;
  failing?: Array<{ part: string; cause: string; message: string }>;
}

async function health(server: RunningServer): Promise<{ status: number; body: HealthBody }> {
  const response = await fetch(`${server.baseUrl}/api/health`);
  return { status: response.status, body: (await response.json()) as HealthBody };
}

/** Nothing in a response may show where the database lives. */
function assertNoPath(text: string, directory: string): void {
  assert.ok(!text.includes(directory) && !/reelcast\.sqlite|\/tmp\//.test(text), `a path in: ${text}`);
}

/**
 * The checks every degraded store must pass: health says which part fails and why (200),
 * recommend and chat answer without an impression, feedback and conversations are 503 with the
 * cause and no path, and the cause is in the server log once however many requests met it.
 */
async function assertDegraded(server: RunningServer, directory: string, cause: string): Promise<void> {
  const outcomes: Record<string, number> = {};
  for (let request = 0; request < 3; request++) {
    const response = await post(server, "/api/recommend", { query: request === 0 ? "toy story" : "comedies from the 90s", limit: 5 });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const body = recommendResponseSchema.parse(JSON.parse(text));
    assert.ok(body.items.length > 0);
    assert.equal(body.impressionId, null);
    assert.ok(
      body.route.reasons.some((reason) => reason.startsWith("feedback is off for this answer")),
      body.route.reasons.join("; "),
    );
    assertNoPath(text, directory);
    tally(outcomes, "recommend 200 without impression");
  }

  const chat = await post(server, "/api/chat", { id: "chat", messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "heat" }] }], limit: 3 });
  const stream = await chat.text();
  assert.equal(chat.status, 200);
  assert.ok(stream.includes('"type":"data-recommendations"') && stream.includes('"impressionId":null'), stream.slice(0, 400));
  assert.ok(!stream.includes('"type":"error"'), "the chat turn ends normally");
  assert.ok(stream.includes('"type":"finish"'));
  assertNoPath(stream, directory);
  tally(outcomes, "chat 200");

  const feedback = await post(server, "/api/feedback", { impressionId: "0190f4f8-0000-7000-8000-000000000000", itemId: "ml:1", event: "like" });
  const feedbackText = await feedback.text();
  assert.equal(feedback.status, 503, feedbackText);
  const feedbackBody = JSON.parse(feedbackText) as { error: { code: string; message: string; details: { cause: string } } };
  assert.equal(feedbackBody.error.code, "unavailable:store");
  assert.equal(feedbackBody.error.details.cause, cause);
  assertNoPath(feedbackText, directory);
  tally(outcomes, "feedback 503");

  // Reading a conversation needs the database to be readable: a full, read-only or locked one
  // still is (this one has none: 404); a damaged one is not (503).
  const conversation = await fetch(`${server.baseUrl}/api/conversations/s_0123456789abcdef0123456789abcdef`);
  const conversationText = await conversation.text();
  assert.equal(conversation.status, cause === "corrupt" ? 503 : 404, conversationText);
  assertNoPath(conversationText, directory);
  tally(outcomes, `conversation ${conversation.status}`);

  const checked = await health(server);
  assert.equal(checked.status, 200);
  assert.equal(checked.body.status, "degraded");
  assert.deepEqual(
    checked.body.failing?.map((part) => [part.part, part.cause]),
    [["store", cause]],
  );
  assertNoPath(JSON.stringify(checked.body), directory);

  const logged = server
    .output()
    .split("\n")
    .filter((line) => line.includes("store degraded"));
  assert.deepEqual(
    logged.map((line) => line.match(/store degraded \(([^)]+)\)/)?.[1]),
    [cause],
    server.output(),
  );
  tally(outcomes, "health 200 degraded");
  recordFigure({ fault: `Store ${cause}`, tried: 7, outcomes, measured: { "cause lines in the server log": logged.length, "paths in responses": 0 } });
}

/** Damage done to the database before the server starts, and the environment it starts with. */
const BROKEN_AT_START: Array<{ title: string; cause: string; environment?: Record<string, string>; damage?: (file: string) => void }> = [
  {
    title: "a corrupt database header: the engine loads without it, answers, and says why",
    cause: "corrupt",
    damage: (file) => {
      const descriptor = openSync(file, "r+");
      writeSync(descriptor, Buffer.from("garbage, not a database header"), 0, 30, 0);
      closeSync(descriptor);
    },
  },
  // Below the file's size: SQLite keeps the cap at the current size, so no write may add a page.
  { title: "a full database (the operator's size cap, as a full disk): answers go on without writing", cause: "full", environment: { REELCAST_DB_MAX_MB: "0.01" } },
  // Tests run as root here, for whom file modes do not stop writes: the store's read-only mode
  // fails writes with the same SQLITE_READONLY a read-only file or directory gives.
  { title: "a read-only database: answers go on without writing", cause: "read-only", environment: { REELCAST_DB_READ_ONLY: "1" } },
];

for (const scenario of BROKEN_AT_START) {
  test(scenario.title, async () => {
    const database = await seededDatabase();
    scenario.damage?.(database.path);
    const server = await startNextServer({ ...SERVER_ENVIRONMENT, ...scenario.environment, REELCAST_DB_PATH: database.path });
    try {
      await assertDegraded(server, database.directory, scenario.cause);
    } finally {
      await server.stop();
      database.cleanup();
    }
  });
}

test("a database another process keeps locked: degraded while it holds the lock, ready again after", async () => {
  const database = await seededDatabase();
  const server = await startNextServer({ ...SERVER_ENVIRONMENT, REELCAST_DB_PATH: database.path });
  const locker = new Database(database.path);
  try {
    assert.equal((await health(server)).body.status, "ready");
    const healthy = recommendResponseSchema.parse(await (await post(server, "/api/recommend", { query: "alien", limit: 3 })).json());
    assert.ok(healthy.impressionId);

    locker.exec("BEGIN IMMEDIATE");
    await assertDegraded(server, database.directory, "locked");

    locker.exec("ROLLBACK");
    assert.equal((await health(server)).body.status, "ready", "the probe sees the lock gone");
    const again = recommendResponseSchema.parse(await (await post(server, "/api/recommend", { query: "alien", limit: 3 })).json());
    assert.ok(again.impressionId, "writing again");
    const feedback = await post(server, "/api/feedback", { impressionId: again.impressionId, itemId: again.items[0].id, event: "like" });
    assert.equal(feedback.status, 202);
    assert.equal(
      server
        .output()
        .split("\n")
        .filter((line) => line.includes("store recovered")).length,
      1,
    );
  } finally {
    locker.close();
    await server.stop();
    database.cleanup();
  }
});
