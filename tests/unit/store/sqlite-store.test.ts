import assert from "node:assert/strict";
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { test } from "node:test";
import Database from "better-sqlite3";
import { LATEST_SCHEMA_VERSION, openSqliteStore, StoreBusyError, StoreConflictError, StoreCorruptError, StoreInvalidInputError, StoreNotFoundError, StoreSchemaError } from "../../../lib/store";
import { storeTest } from "./helpers/store-backends";
import { sampleImpression, temporaryDatabase } from "./helpers/temporary-database";

test("SQLite only: migrations run on an empty file, are recorded, and reopening is a no-op", async () => {
  const database = temporaryDatabase();
  try {
    writeFileSync(database.path, ""); // an empty file is a valid, empty SQLite database
    const store = openSqliteStore({ path: database.path, now: () => 42 });
    assert.deepEqual(await store.counts(), { impressions: 0, slots: 0, feedback: 0, sessions: 0, banditStates: 0, llmSpend: 0, conversationMessages: 0 });
    await store.close();
    const reopened = openSqliteStore({ path: database.path });
    await reopened.close();
    const raw = new Database(database.path, { readonly: true });
    const versions = raw.prepare("SELECT version, applied_at FROM schema_version ORDER BY version").all() as Array<{ version: number; applied_at: number }>;
    assert.deepEqual(
      versions.map((row) => row.version),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal(LATEST_SCHEMA_VERSION, 9);
    assert.ok(
      versions.every((row) => row.applied_at === 42),
      "second open applied nothing again",
    );
    assert.equal(raw.pragma("journal_mode", { simple: true }), "wal");
    raw.close();
  } finally {
    database.cleanup();
  }
});

test("SQLite only: a missing directory is created", async () => {
  const database = temporaryDatabase();
  try {
    const store = openSqliteStore({ path: `${database.directory}/nested/deeper/reelcast.sqlite` });
    await store.close();
    assert.ok(statSync(`${database.directory}/nested/deeper/reelcast.sqlite`).size > 0);
  } finally {
    database.cleanup();
  }
});

storeTest("impressions round-trip with slots, propensities and features; ids are unique", async (database) => {
  const store = await database.open();
  const stored = await store.recordImpression(sampleImpression({ id: "impression-1" }));
  assert.equal(stored.id, "impression-1");
  assert.equal(stored.sequence, 1);
  const read = await store.getImpression("impression-1");
  assert.deepEqual(read, stored);
  assert.deepEqual(read.context, { path: "fast", hourOfDay: 21, likedItemIds: ["ml:6"] });
  assert.deepEqual(
    read.slots.map((slot) => [slot.position, slot.itemId, slot.explanationKind, slot.propensity]),
    [
      [0, "ml:1", "because-you-liked", 0.5],
      [1, "ml:2", "picked-for-you", 0.25],
      [2, "ml:3", "picked-for-you", 0.125],
    ],
  );
  assert.deepEqual(read.slots[1].features, { indexes: [1, 101], values: [1, 0.5] });
  const generated = await store.recordImpression(sampleImpression());
  assert.match(generated.id, /^[0-9a-f-]{36}$/);
  assert.equal(generated.sequence, 2);
  await assert.rejects(store.recordImpression(sampleImpression({ id: "impression-1" })), StoreConflictError);
  await assert.rejects(store.getImpression("nope"), (error: unknown) => error instanceof StoreNotFoundError && error.code === "not_found:impression");
});

storeTest("invalid impressions are refused with a typed error and write nothing", async (database) => {
  const store = await database.open();
  const zeroPropensity = sampleImpression();
  zeroPropensity.slots[1].propensity = 0;
  await assert.rejects(store.recordImpression(zeroPropensity), StoreInvalidInputError);
  const samePosition = sampleImpression();
  samePosition.slots[2].position = 0;
  await assert.rejects(store.recordImpression(samePosition), StoreInvalidInputError);
  const ragged = sampleImpression();
  ragged.slots[0].features = { indexes: [1, 2], values: [1] };
  await assert.rejects(store.recordImpression(ragged), StoreInvalidInputError);
  assert.equal((await store.counts()).impressions, 0);
});

storeTest("feedback is idempotent on (impression, item, event) and reports earlier events of the slot", async (database) => {
  const store = await database.open();
  await store.recordImpression(sampleImpression({ id: "impression-1" }));
  const click = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "click", at: 10 });
  assert.equal(click.status, "recorded");
  assert.deepEqual(click.previousEvents, []);
  assert.equal(click.sessionId, "session-aaaaaaaaaaaaaaaa");
  assert.deepEqual(click.slot.features, { indexes: [1, 101], values: [1, 0.5] });
  const like = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "like", at: 11 });
  assert.equal(like.status, "recorded");
  assert.deepEqual(like.previousEvents, ["click"]);
  const again = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "click", at: 99 });
  assert.equal(again.status, "duplicate");
  assert.equal(again.feedback.at, 10, "a duplicate returns the original event");
  assert.equal(again.feedback.sequence, click.feedback.sequence);
  const feedback = await store.listFeedback("impression-1");
  assert.deepEqual(
    feedback.map((event) => [event.itemId, event.event]),
    [
      ["ml:2", "click"],
      ["ml:2", "like"],
    ],
  );
  assert.equal((await store.counts()).feedback, 2);
});

storeTest("feedback on an unknown impression or an item the impression did not show is a typed not-found", async (database) => {
  const store = await database.open();
  await store.recordImpression(sampleImpression({ id: "impression-1" }));
  await assert.rejects(store.recordFeedback({ impressionId: "missing", itemId: "ml:1", event: "like", at: 1 }), (error: unknown) => {
    assert.ok(error instanceof StoreNotFoundError);
    assert.equal(error.entity, "impression");
    assert.equal(error.code, "not_found:impression");
    return true;
  });
  await assert.rejects(store.recordFeedback({ impressionId: "impression-1", itemId: "ml:999", event: "like", at: 1 }), (error: unknown) => {
    assert.ok(error instanceof StoreNotFoundError);
    assert.equal(error.entity, "item");
    return true;
  });
  await assert.rejects(store.recordFeedback({ impressionId: "impression-1", itemId: "ml:1", event: "DROP TABLE", at: 1 }), StoreInvalidInputError);
  assert.equal((await store.counts()).feedback, 0);
});

storeTest("the event log interleaves impressions and feedback in commit order and pages", async (database) => {
  const store = await database.open();
  await store.recordImpression(sampleImpression({ id: "a" }));
  await store.recordFeedback({ impressionId: "a", itemId: "ml:1", event: "like", at: 5 });
  await store.recordImpression(sampleImpression({ id: "b" }, ["ml:7"]));
  await store.recordFeedback({ impressionId: "a", itemId: "ml:3", event: "play", at: 6 });
  await store.recordFeedback({ impressionId: "a", itemId: "ml:3", event: "play", at: 7 }); // duplicate: not logged
  const entries = await store.readEventLog();
  assert.deepEqual(
    entries.map((entry) => [entry.sequence, entry.type, entry.impressionId, entry.type === "feedback" ? entry.itemId : entry.slots.length]),
    [
      [1, "impression", "a", 3],
      [2, "feedback", "a", "ml:1"],
      [3, "impression", "b", 1],
      [4, "feedback", "a", "ml:3"],
    ],
  );
  const feedback = entries[3];
  assert.ok(feedback.type === "feedback");
  assert.deepEqual(feedback.features, { indexes: [2, 102], values: [1, 0.5] });
  assert.equal(feedback.featureVersion, 1);
  assert.deepEqual(
    (await store.readEventLog({ afterSequence: 2, limit: 1 })).map((entry) => entry.sequence),
    [3],
  );
  assert.equal(await store.lastSequence(), 4);
});

storeTest("sessions save, update atomically and survive reopening", async (database) => {
  const store = await database.open();
  assert.equal(await store.getSession("s1"), null);
  await store.saveSession("s1", { likedItemIds: ["ml:1"], turns: [{ query: "heat" }] }, 100);
  const updated = await store.updateSession("s1", 200, (state) => ({ ...state!, likedItemIds: [...(state!.likedItemIds as string[]), "ml:2"] }));
  assert.deepEqual(updated, { id: "s1", createdAt: 100, updatedAt: 200, state: { likedItemIds: ["ml:1", "ml:2"], turns: [{ query: "heat" }] } });
  const created = await store.updateSession("s2", 300, (state) => ({ wasNew: state === null }));
  assert.deepEqual(created.state, { wasNew: true });
  await assert.rejects(store.saveSession("s3", [] as never, 1), StoreInvalidInputError);
  await store.close();
  const reopened = await database.open();
  assert.deepEqual((await reopened.getSession("s1"))?.state.likedItemIds, ["ml:1", "ml:2"]);
});

storeTest("the LLM spend ledger: totals per window and session, approval inside the write, settling, bad amounts refused", async (database) => {
  const store = await database.open();
  const reserve = (sessionId: string | null, at: number, usd: number, since: number, approve = true, client: string | null = "10.0.0.1") =>
    store.reserveLlmSpend({ sessionId, client, at, usd, since, approve: () => approve });
  const first = await reserve("a", 1000, 0.01, 0);
  assert.equal(typeof first.id, "number");
  assert.deepEqual(first.spent, { sessionUsd: 0, globalUsd: 0, clientUsd: 0 });
  await reserve("b", 2000, 0.02, 0, true, "10.0.0.2");
  await reserve(null, 3000, 0.04, 0);
  // Session a sees its own 0.01, its client 0.05 (two sessions' rows); everyone's 0.07 counts globally; the window start excludes older rows.
  assert.deepEqual((await reserve("a", 4000, 0, 0, false)).spent, { sessionUsd: 0.01, globalUsd: 0.07, clientUsd: 0.05 });
  assert.deepEqual((await reserve("a", 4000, 0, 1500, false)).spent, { sessionUsd: 0, globalUsd: 0.06, clientUsd: 0.04 });
  assert.deepEqual((await reserve("a", 4000, 0, 0, false, null)).spent, { sessionUsd: 0.01, globalUsd: 0.07, clientUsd: 0 });
  const refused = await reserve("a", 4000, 5, 0, false);
  assert.equal(refused.id, null, "a refusal writes nothing");
  assert.equal((await store.counts()).llmSpend, 3);
  // Settling replaces the estimate with the actual cost.
  await store.settleLlmSpend(first.id!, 0.5);
  assert.deepEqual((await reserve("a", 4000, 0, 0, false)).spent.sessionUsd, 0.5);
  await assert.rejects(store.settleLlmSpend(9999, 0.1), StoreInvalidInputError);
  await assert.rejects(store.settleLlmSpend(first.id!, -1), StoreInvalidInputError);
  await assert.rejects(reserve("a", 5000, Number.NaN, 0), StoreInvalidInputError);
  await assert.rejects(reserve("a", Number.POSITIVE_INFINITY, 0.1, 0), StoreInvalidInputError);
  assert.equal((await store.counts()).llmSpend, 3);
  // Rows older than the retention window are deleted by the retention prune, not by a reservation.
  await reserve("c", 31 * 24 * 3_600_000, 0.01, 0);
  assert.equal((await store.counts()).llmSpend, 4);
  assert.equal((await store.prune({ before: 0, spendBefore: 24 * 3_600_000 })).llmSpend, 3);
  assert.equal((await store.counts()).llmSpend, 1);
});

storeTest("bandit state snapshots are versioned, the latest wins, and old ones are pruned", async (database) => {
  const store = await database.open({ keepBanditStates: 2 });
  assert.equal(await store.loadBanditState(), null);
  for (let index = 1; index <= 4; index++) {
    const saved = await store.saveBanditState({ state: { weights: [[index, 0.5, 2]] }, throughSequence: index * 10, savedAt: index });
    assert.equal(saved.version, index);
  }
  assert.deepEqual(await store.loadBanditState(), { version: 4, savedAt: 4, throughSequence: 40, state: { weights: [[4, 0.5, 2]] } });
  assert.equal((await store.counts()).banditStates, 2);
});

storeTest("a database from a newer schema is refused, not migrated backwards", async (database) => {
  await (await database.open()).close();
  await database.sql("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 0)");
  await assert.rejects(database.open(), (error: unknown) => error instanceof StoreSchemaError && /schema version 99/.test(error.message));
});

test("SQLite only: a file of garbage bytes is a clear corrupt-database error, and is left untouched", () => {
  const database = temporaryDatabase();
  try {
    const garbage = Buffer.alloc(8192);
    for (let index = 0; index < garbage.length; index++) garbage[index] = (index * 7919 + 13) % 251;
    writeFileSync(database.path, garbage);
    assert.throws(
      () => openSqliteStore({ path: database.path }),
      (error: unknown) => error instanceof StoreCorruptError && error.code === "corrupt:store" && error.message.includes(database.path) && /not an SQLite database/.test(error.message),
    );
    assert.deepEqual(readFileSync(database.path), garbage, "the store never overwrites a file it cannot read");
  } finally {
    database.cleanup();
  }
});

test("SQLite only: a database with damaged pages is a clear corrupt-database error", async () => {
  const database = temporaryDatabase();
  try {
    const store = openSqliteStore({ path: database.path });
    for (let index = 0; index < 200; index++) await store.recordImpression(sampleImpression({ id: `impression-${index}` }));
    await store.close(); // checkpoints the WAL into the main file
    const size = statSync(database.path).size;
    assert.ok(size > 8 * 4096, `database too small to damage (${size} bytes)`);
    // Overwrite pages in the middle (not the header) with garbage.
    const descriptor = openSync(database.path, "r+");
    writeSync(descriptor, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 2);
    closeSync(descriptor);
    assert.throws(
      () => openSqliteStore({ path: database.path }),
      (error: unknown) => error instanceof StoreCorruptError && /corrupt/.test(error.message),
    );
  } finally {
    database.cleanup();
  }
});

test("SQLite only: a database locked by another connection fails with a clear busy error after the timeout, writing nothing", async () => {
  const database = temporaryDatabase();
  const store = openSqliteStore({ path: database.path, busyTimeoutMs: 150 });
  const other = new Database(database.path);
  try {
    await store.recordImpression(sampleImpression({ id: "impression-1" }));
    other.exec("BEGIN IMMEDIATE"); // holds the write lock
    const started = performance.now();
    await assert.rejects(store.recordFeedback({ impressionId: "impression-1", itemId: "ml:1", event: "like", at: 1 }), (error: unknown) => {
      assert.ok(error instanceof StoreBusyError, `expected StoreBusyError, got ${String(error)}`);
      assert.equal(error.code, "busy:store");
      assert.match(error.message, /locked by another connection for more than 150 ms/);
      return true;
    });
    assert.ok(performance.now() - started >= 140, "waited for the busy timeout first");
    other.exec("ROLLBACK");
    assert.equal((await store.counts()).feedback, 0);
    const retried = await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:1", event: "like", at: 1 });
    assert.equal(retried.status, "recorded", "the same call succeeds once the lock is released");
  } finally {
    other.close();
    await store.close();
    database.cleanup();
  }
});

test("SQLite only: opening a database another process holds exclusively is a busy error, not a hang", () => {
  const database = temporaryDatabase();
  const other = new Database(database.path);
  try {
    other.pragma("locking_mode = EXCLUSIVE");
    other.exec("CREATE TABLE held (x INTEGER); INSERT INTO held VALUES (1);"); // takes and keeps the lock
    assert.throws(() => openSqliteStore({ path: database.path, busyTimeoutMs: 100 }), StoreBusyError);
  } finally {
    other.close();
    database.cleanup();
  }
});

test("SQLite only: a write that meets another process's lock waits without blocking the event loop, then commits", async () => {
  const database = temporaryDatabase();
  const store = openSqliteStore({ path: database.path, busyTimeoutMs: 2000 });
  // Another connection (standing in for another server process) holds the write lock for 60 ms.
  const other = new Database(database.path);
  other.exec("BEGIN IMMEDIATE");
  const released = new Promise<void>((resolve) =>
    setTimeout(() => {
      other.exec("COMMIT");
      resolve();
    }, 60),
  );
  try {
    const started = performance.now();
    // Timers keep firing while the write waits for the lock (about 60 ms): nothing sleeps inside
    // SQLite. A busy handler sleeping in the call would block the thread, and the timer could fire
    // at most once, after it.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const write = store.recordImpression(sampleImpression());
    const stored = await write.finally(() => clearInterval(timer));
    assert.ok(ticks >= 3, `the event loop stayed free while the write waited (${ticks} timer ticks)`);
    assert.ok(performance.now() - started >= 55, "the write committed only after the lock was released");
    assert.deepEqual((await store.getImpression(stored.id)).slots.length, 3);
    await released;
  } finally {
    other.close();
    await store.close();
    database.cleanup();
  }
});
