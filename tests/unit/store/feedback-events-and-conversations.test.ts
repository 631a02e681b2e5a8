import assert from "node:assert/strict";
import { test } from "node:test";
import { openSqliteStore, StoreConflictError, StoreInvalidInputError, type NewConversationMessage } from "../../../lib/store";
import { storeTest } from "./helpers/store-backends";
import { databaseAtVersion, sampleImpression, temporaryDatabase } from "./helpers/temporary-database";

const SESSION = "session-aaaaaaaaaaaaaaaa";

storeTest("feedback with client event ids: like → undo → like is three events; the same id twice is one; a reused id is a conflict", async (database) => {
  const store = await database.open();
  await store.recordImpression(sampleImpression({ id: "impression-1" }));
  const like = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "like", at: 10, clientEventId: "event-0001" });
  const undo = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "undo", at: 11, clientEventId: "event-0002" });
  const likeAgain = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "like", at: 12, clientEventId: "event-0003" });
  assert.deepEqual([like.status, undo.status, likeAgain.status], ["recorded", "recorded", "recorded"]);
  assert.deepEqual(likeAgain.previousEvents, ["like", "undo"]);
  assert.equal(likeAgain.feedback.clientEventId, "event-0003");

  const retried = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "undo", at: 99, clientEventId: "event-0002" });
  assert.equal(retried.status, "duplicate");
  assert.equal(retried.feedback.sequence, undo.feedback.sequence);
  assert.equal(retried.feedback.at, 11, "a duplicate returns the original event");
  assert.deepEqual(retried.previousEvents, ["like"], "the events before the original");

  await assert.rejects(store.recordFeedback({ impressionId: "impression-1", itemId: "ml:3", event: "undo", at: 13, clientEventId: "event-0002" }), StoreConflictError);
  await assert.rejects(store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "skip", at: 13, clientEventId: "event-0002" }), StoreConflictError);
  await assert.rejects(store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "skip", at: 13, clientEventId: "has spaces" }), StoreInvalidInputError);

  // Without an id the old rule holds: one per (impression, item, event).
  const plain = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "like", at: 14 });
  assert.equal(plain.status, "recorded", "an id-less like is not a duplicate of a like sent with an id");
  assert.equal((await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "like", at: 15 })).status, "duplicate");

  const events = await store.listFeedback("impression-1");
  assert.deepEqual(
    events.map((event) => [event.event, event.clientEventId]),
    [
      ["like", "event-0001"],
      ["undo", "event-0002"],
      ["like", "event-0003"],
      ["like", null],
    ],
  );
  const log = (await store.readEventLog()).filter((entry) => entry.type === "feedback");
  assert.deepEqual(
    log.map((entry) => (entry.type === "feedback" ? entry.previousEvents : [])),
    [[], ["like"], ["like", "undo"], ["like", "undo", "like"]],
  );

  await store.recordImpression(sampleImpression({ id: "impression-other", sessionId: "session-bbbbbbbbbbbbbbbb" }));
  await store.recordFeedback({ impressionId: "impression-other", itemId: "ml:1", event: "seen", at: 16, clientEventId: "event-0004" });
  assert.deepEqual(
    (await store.listSessionFeedback(SESSION)).map((event) => event.sequence),
    events.map((event) => event.sequence),
    "a session's events only",
  );
});

test("SQLite only: migration 4 keeps a version-3 database's feedback, and its one-per-event rule for events without ids", async () => {
  const database = temporaryDatabase();
  try {
    const raw = databaseAtVersion(database.path, 3);
    raw.prepare("INSERT INTO impressions (id, sequence, session_id, created_at, policy, feature_version, context_json) VALUES ('i1', 1, ?, 1, 'greedy', 1, '{}')").run(SESSION);
    raw.prepare(`INSERT INTO impression_slots VALUES ('i1', 'ml:1', 0, 'k', 't', 1, '{"indexes":[],"values":[]}')`).run();
    raw.prepare("INSERT INTO feedback (sequence, impression_id, item_id, event, at) VALUES (2, 'i1', 'ml:1', 'like', 5), (3, 'i1', 'ml:1', 'skip', 6)").run();
    raw.prepare("UPDATE event_sequence SET value = 3").run();
    raw.close();

    const store = openSqliteStore({ path: database.path });
    try {
      const events = await store.listFeedback("i1");
      assert.deepEqual(
        events.map((event) => [event.sequence, event.event, event.clientEventId]),
        [
          [2, "like", null],
          [3, "skip", null],
        ],
      );
      assert.equal((await store.recordFeedback({ impressionId: "i1", itemId: "ml:1", event: "like", at: 7 })).status, "duplicate");
      const withId = await store.recordFeedback({ impressionId: "i1", itemId: "ml:1", event: "like", at: 8, clientEventId: "event-after-migration" });
      assert.equal(withId.status, "recorded");
      assert.equal(withId.feedback.sequence, 4);
    } finally {
      await store.close();
    }
  } finally {
    database.cleanup();
  }
});

const question = (id: string, text: string): NewConversationMessage => ({ id, role: "user", message: { id, role: "user", parts: [{ type: "text", text }] } });
const answer = (id: string, note: string): NewConversationMessage => ({ id, role: "assistant", message: { id, role: "assistant", parts: [{ type: "text", text: note }] }, turn: { query: note } });

storeTest("conversations: appended in order, the last answer replaced, listed from the end, durable across reopening", async (database) => {
  let store = await database.open();
  assert.equal(await store.lastConversationMessage(SESSION), null);
  assert.deepEqual(await store.listConversation(SESSION), { messages: [], total: 0 });
  const first = await store.appendConversation(SESSION, [question("u1", "heat"), answer("a1", "first")], 100);
  assert.deepEqual(
    first.map((record) => [record.position, record.id, record.role]),
    [
      [0, "u1", "user"],
      [1, "a1", "assistant"],
    ],
  );
  await store.appendConversation(SESSION, [question("u2", "older"), answer("a2", "second")], 200);
  await store.appendConversation("session-bbbbbbbbbbbbbbbb", [question("u1", "alien")], 200);

  // Regenerating: only the last answer, by its id.
  await assert.rejects(store.appendConversation(SESSION, [answer("a3", "nope")], 300, { replaceAnswerId: "a1" }), StoreConflictError);
  const replaced = await store.appendConversation(SESSION, [answer("a2b", "second, again")], 300, { replaceAnswerId: "a2" });
  assert.deepEqual(
    replaced.map((record) => [record.position, record.id]),
    [[3, "a2b"]],
  );
  await assert.rejects(store.appendConversation(SESSION, [question("u1", "a reused id")], 301), StoreConflictError);
  await assert.rejects(store.appendConversation(SESSION, [{ id: "bad id", role: "user", message: {} }], 301), StoreInvalidInputError);
  await assert.rejects(store.appendConversation(SESSION, [{ id: "x1", role: "system" as "user", message: {} }], 301), StoreInvalidInputError);
  await assert.rejects(store.appendConversation(SESSION, [{ id: "x1", role: "user", message: { text: "x".repeat(600_000) } }], 301), StoreInvalidInputError);
  assert.equal((await store.listConversation(SESSION)).total, 4, "refused writes wrote nothing");

  await store.close();
  store = await database.open();
  const { messages, total } = await store.listConversation(SESSION);
  assert.equal(total, 4);
  assert.deepEqual(
    messages.map((record) => [record.position, record.id, record.createdAt]),
    [
      [0, "u1", 100],
      [1, "a1", 100],
      [2, "u2", 200],
      [3, "a2b", 300],
    ],
  );
  assert.deepEqual(messages[3].message, answer("a2b", "second, again").message);
  assert.deepEqual(messages[3].turn, { query: "second, again" });
  assert.equal(messages[0].turn, null);
  const tail = await store.listConversation(SESSION, { limit: 2 });
  assert.deepEqual(
    tail.messages.map((record) => record.id),
    ["u2", "a2b"],
    "the last messages, oldest first",
  );
  assert.equal((await store.lastConversationMessage(SESSION))?.id, "a2b");
  assert.equal((await store.counts()).conversationMessages, 5);
});
