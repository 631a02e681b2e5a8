import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { test } from "node:test";
import Database from "better-sqlite3";
import { openSqliteStore, type Store } from "../../../lib/store";
import { storeTest } from "./helpers/store-backends";
import { sampleImpression, temporaryDatabase } from "./helpers/temporary-database";

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const BEFORE = NOW - 30 * DAY;

/** Old and recent rows of every kind; returns the old impressions' ids. */
async function seed(store: Store): Promise<{ oldImpressions: string[]; recentImpressions: string[] }> {
  const oldImpressions: string[] = [];
  const recentImpressions: string[] = [];
  for (let index = 0; index < 7; index++) {
    const old = await store.recordImpression(sampleImpression({ sessionId: `old-session-${index}`, createdAt: BEFORE - DAY - index }));
    await store.recordFeedback({ impressionId: old.id, itemId: "ml:1", event: "like", at: BEFORE - DAY });
    oldImpressions.push(old.id);
    await store.saveSession(`old-session-${index}`, { turns: 1 }, BEFORE - DAY);
    await store.appendConversation(`old-session-${index}`, [{ id: `q${index}`, role: "user", message: { text: "old" } }], BEFORE - DAY);
    await store.reserveLlmSpend({ sessionId: null, client: null, at: BEFORE - DAY, usd: 0.01, since: 0, approve: () => true });
  }
  for (let index = 0; index < 3; index++) {
    const recent = await store.recordImpression(sampleImpression({ sessionId: `new-session-${index}`, createdAt: NOW - DAY }));
    await store.recordFeedback({ impressionId: recent.id, itemId: "ml:2", event: "skip", at: NOW - DAY });
    recentImpressions.push(recent.id);
    await store.saveSession(`new-session-${index}`, { turns: 1 }, NOW - DAY);
    await store.appendConversation(`new-session-${index}`, [{ id: `q${index}`, role: "user", message: { text: "new" } }], NOW - DAY);
    await store.reserveLlmSpend({ sessionId: null, client: null, at: NOW - DAY, usd: 0.01, since: 0, approve: () => true });
  }
  return { oldImpressions, recentImpressions };
}

storeTest("prune deletes old sessions, conversations, impressions with slots and feedback, and spend, in small batches", async (database) => {
  const store = await database.open();
  const { oldImpressions, recentImpressions } = await seed(store);
  await store.saveBanditState({ state: { any: "state" }, throughSequence: await store.lastSequence(), savedAt: NOW });
  const result = await store.prune({ before: BEFORE, batchSize: 2 });
  assert.deepEqual(
    { sessions: result.sessions, messages: result.conversationMessages, impressions: result.impressions, slots: result.slots, feedback: result.feedback, spend: result.llmSpend },
    { sessions: 7, messages: 7, impressions: 7, slots: 21, feedback: 7, spend: 7 },
  );
  // 7 impressions and 7 sessions two at a time: 4 batches that delete, then one that finds nothing.
  assert.equal(result.batches, 5);
  assert.deepEqual(await store.counts(), { impressions: 3, slots: 9, feedback: 3, sessions: 3, banditStates: 1, llmSpend: 3, conversationMessages: 3 });
  for (const id of oldImpressions) await assert.rejects(store.getImpression(id), /Unknown impression/);
  for (const id of recentImpressions) assert.equal((await store.getImpression(id)).slots.length, 3);
  assert.equal(await store.getSession("old-session-0"), null);
  assert.equal((await store.listConversation("new-session-0")).total, 1);
  // Nothing left: a second prune deletes nothing in one batch.
  const again = await store.prune({ before: BEFORE });
  assert.equal(again.impressions + again.sessions + again.llmSpend, 0);
  assert.equal(again.batches, 1);
});

storeTest("prune keeps every event after the newest snapshot, and an impression whose feedback came after it", async (database) => {
  const store = await database.open();
  const first = await store.recordImpression(sampleImpression({ createdAt: BEFORE - 3 * DAY }));
  await store.saveBanditState({ state: {}, throughSequence: first.sequence, savedAt: NOW });
  // After the snapshot: an old impression, and feedback on the first one.
  const second = await store.recordImpression(sampleImpression({ createdAt: BEFORE - 2 * DAY }));
  const third = await store.recordImpression(sampleImpression({ createdAt: BEFORE - 2 * DAY }));
  await store.recordFeedback({ impressionId: first.id, itemId: "ml:3", event: "like", at: BEFORE - DAY });
  const logBefore = await store.readEventLog({ afterSequence: first.sequence });

  const result = await store.prune({ before: BEFORE });
  assert.equal(result.protectedAfterSequence, first.sequence);
  assert.equal(result.impressions, 0, "the only impression in the snapshot has feedback after it");
  assert.deepEqual(await store.readEventLog({ afterSequence: first.sequence }), logBefore, "a restart replays exactly what it did before");

  // Once a snapshot holds everything, they all go, each with its feedback.
  await store.saveBanditState({ state: {}, throughSequence: await store.lastSequence(), savedAt: NOW });
  const later = await store.prune({ before: BEFORE });
  assert.deepEqual({ impressions: later.impressions, feedback: later.feedback }, { impressions: 3, feedback: 1 });
  for (const id of [first.id, second.id, third.id]) await assert.rejects(store.getImpression(id));
});

storeTest("without any snapshot no event is pruned (a restart replays the whole log)", async (database) => {
  const store = await database.open();
  await seed(store);
  const result = await store.prune({ before: BEFORE });
  assert.deepEqual({ impressions: result.impressions, sessions: result.sessions, spend: result.llmSpend }, { impressions: 0, sessions: 7, spend: 7 });
});

storeTest("spend rows follow their own cutoff, so the caller can keep the budget window", async (database) => {
  const store = await database.open();
  await seed(store);
  const result = await store.prune({ before: NOW, spendBefore: BEFORE });
  assert.equal(result.llmSpend, 7);
  assert.equal((await store.counts()).llmSpend, 3);
});

for (const backgroundCheckpointMs of [undefined, 60_000]) {
  test(`SQLite only: truncateWal empties the WAL file after a prune (${backgroundCheckpointMs === undefined ? "on the connection" : "on the checkpointer thread"})`, async () => {
    const database = temporaryDatabase();
    const store = openSqliteStore({ path: database.path, synchronous: "NORMAL", backgroundCheckpointMs });
    try {
      await seed(store);
      await store.saveBanditState({ state: {}, throughSequence: await store.lastSequence(), savedAt: NOW });
      await store.prune({ before: BEFORE });
      assert.ok(statSync(`${database.path}-wal`).size > 0, "the writes went to the WAL");
      assert.deepEqual(await store.truncateWal(), { truncated: true });
      assert.equal(statSync(`${database.path}-wal`).size, 0);
      assert.equal((await store.counts()).impressions, 3, "the checkpoint kept the data");
    } finally {
      await store.close();
      database.cleanup();
    }
  });
}

storeTest("prune refuses non-finite times", async (database) => {
  const store = await database.open();
  await assert.rejects(store.prune({ before: Number.NaN }), { code: "invalid:store" });
});

test("SQLite only: a migration numbered below one already applied still runs (two added at once), and an up-to-date open takes no write lock", async () => {
  const database = temporaryDatabase();
  try {
    await openSqliteStore({ path: database.path }).close();
    const raw = new Database(database.path);
    raw.exec("DROP INDEX llm_spend_by_client; ALTER TABLE llm_spend DROP COLUMN client; DELETE FROM schema_version WHERE version = 6");
    raw.close();
    await openSqliteStore({ path: database.path }).close();
    const check = new Database(database.path);
    assert.deepEqual(
      (check.prepare("SELECT version FROM schema_version ORDER BY version").all() as Array<{ version: number }>).map((row) => row.version),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    // Another process holds the write lock: opening a migrated database still works.
    check.exec("BEGIN IMMEDIATE");
    const store = openSqliteStore({ path: database.path, busyTimeoutMs: 50 });
    assert.equal((await store.counts()).impressions, 0);
    await store.close();
    check.exec("ROLLBACK");
    check.close();
  } finally {
    database.cleanup();
  }
});
