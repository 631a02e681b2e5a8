import assert from "node:assert/strict";
import { test } from "node:test";
import Database from "better-sqlite3";
import { catchUpFromLog, createBanditState, FEATURE_VERSION } from "../../../lib/bandit";
import { openSqliteStore, StoreConflictError, StoreNotFoundError } from "../../../lib/store";
import { packSlots, unpackSlots } from "../../../lib/store/packed-slots";
import { storeTest } from "./helpers/store-backends";
import { databaseAtVersion, sampleImpression, temporaryDatabase } from "./helpers/temporary-database";

const SESSION = "session-aaaaaaaaaaaaaaaa";

test("packed slots read back exactly as given: ids, texts, propensities, float64 values, uint32 indexes, position order", () => {
  const slots = [
    { itemId: "ml:9", position: 1, explanationKind: "k2", explanationText: "Ünïcødé — “quoted”", propensity: 0.1 + 0.2, features: { indexes: [4294967295, 0], values: [Math.PI, -1e-300] } },
    { itemId: "ml:3", position: 0, explanationKind: "k1", explanationText: "", propensity: 1, features: { indexes: [], values: [] } },
  ];
  const packed = packSlots(slots);
  // SQLite hands a BLOB back as a Buffer that may start at any offset of a shared pool.
  const shifted = Buffer.concat([Buffer.from([7]), Buffer.from(packed.slotFeatures)]).subarray(1);
  assert.deepEqual(unpackSlots(packed.slotsJson, shifted), [slots[1], slots[0]]);
});

storeTest("recordAnswer stores the impression and the session turn in one transaction: a failure stores neither", async (database) => {
  const store = await database.open();
  const failing = () => {
    throw new Error("the update failed");
  };
  await assert.rejects(store.recordAnswer({ impression: sampleImpression({ id: "i1" }), session: { id: SESSION, at: 5, update: failing } }), /the update failed/);
  assert.equal((await store.counts()).impressions, 0, "the impression was rolled back with the session update");
  assert.equal(await store.lastSequence(), 0, "no sequence was taken");

  const answered = await store.recordAnswer({ impression: sampleImpression({ id: "i1" }), session: { id: SESSION, at: 5, update: (state) => ({ turns: state === null ? 1 : 2 }) } });
  assert.equal(answered.impression?.sequence, 1);
  assert.deepEqual(answered.session?.state, { turns: 1 });
  assert.deepEqual(
    (await store.getImpression("i1")).slots.map((slot) => slot.itemId),
    ["ml:1", "ml:2", "ml:3"],
  );

  // A reused impression id: the session update is not stored either.
  await assert.rejects(store.recordAnswer({ impression: sampleImpression({ id: "i1" }), session: { id: SESSION, at: 6, update: () => ({ turns: 99 }) } }), StoreConflictError);
  assert.deepEqual((await store.getSession(SESSION))?.state, { turns: 1 });

  // Either part alone.
  assert.equal((await store.recordAnswer({ impression: null, session: { id: SESSION, at: 7, update: (state) => ({ turns: (state!.turns as number) + 1 }) } })).impression, null);
  assert.deepEqual((await store.getSession(SESSION))?.state, { turns: 2 });
  assert.equal((await store.recordAnswer({ impression: sampleImpression({ id: "i2" }), session: null })).session, null);
  assert.deepEqual(await store.counts(), { impressions: 2, slots: 6, feedback: 0, sessions: 1, banditStates: 0, llmSpend: 0, conversationMessages: 0 });
});

test("SQLite only: a version-7 database keeps its impression_slots rows readable beside packed impressions: reads, feedback, the event log, replay and the prune", async () => {
  const database = temporaryDatabase();
  try {
    // What version 7 wrote: a row per slot, its features as JSON text, feedback keyed to the slot.
    const raw = databaseAtVersion(database.path, 7);
    raw.exec(`
      INSERT INTO impressions (id, sequence, session_id, created_at, policy, feature_version, context_json) VALUES ('old', 1, '${SESSION}', 1000, 'greedy', ${FEATURE_VERSION}, '{}');
      INSERT INTO impression_slots VALUES ('old', 'ml:1', 0, 'k', 'first', 0.5, '{"indexes":[1,2],"values":[1,0.25]}'), ('old', 'ml:2', 1, 'k', 'second', 0.5, '{"indexes":[3],"values":[0.75]}');
      INSERT INTO feedback (sequence, impression_id, item_id, event, at, client_event_id) VALUES (2, 'old', 'ml:1', 'like', 1001, 'event-old-1');
      UPDATE event_sequence SET value = 2;
    `);
    raw.close();

    const store = openSqliteStore({ path: database.path });
    try {
      const old = await store.getImpression("old");
      assert.deepEqual(
        old.slots.map((slot) => [slot.itemId, slot.features]),
        [
          ["ml:1", { indexes: [1, 2], values: [1, 0.25] }],
          ["ml:2", { indexes: [3], values: [0.75] }],
        ],
      );
      await store.recordImpression(sampleImpression({ id: "new", createdAt: 5000 }));
      const check = new Database(database.path, { readonly: true });
      assert.equal((check.prepare("SELECT count(*) AS n FROM impression_slots").get() as { n: number }).n, 2, "a new impression adds no slot rows");
      assert.ok((check.prepare("SELECT slot_features FROM impressions WHERE id = 'new'").get() as { slot_features: Buffer }).slot_features.length > 0);
      check.close();

      // Feedback on either kind of impression; an item the impression did not show is refused.
      assert.equal((await store.recordFeedback({ impressionId: "old", itemId: "ml:2", event: "skip", at: 1002, clientEventId: "event-old-2" })).slot.features.values[0], 0.75);
      assert.equal((await store.recordFeedback({ impressionId: "new", itemId: "ml:2", event: "like", at: 5001, clientEventId: "event-new-1" })).slot.position, 1);
      await assert.rejects(store.recordFeedback({ impressionId: "new", itemId: "ml:404", event: "like", at: 5002 }), StoreNotFoundError);
      await assert.rejects(store.recordFeedback({ impressionId: "old", itemId: "ml:404", event: "like", at: 5002 }), StoreNotFoundError);
      assert.equal((await store.recordFeedback({ impressionId: "old", itemId: "ml:1", event: "like", at: 1003, clientEventId: "event-old-1" })).status, "duplicate");

      const log = await store.readEventLog();
      assert.deepEqual(
        log.map((entry) => [entry.sequence, entry.type, entry.impressionId, entry.type === "feedback" ? entry.features : entry.slots.length]),
        [
          [1, "impression", "old", 2],
          [2, "feedback", "old", { indexes: [1, 2], values: [1, 0.25] }],
          [3, "impression", "new", 3],
          [4, "feedback", "old", { indexes: [3], values: [0.75] }],
          [5, "feedback", "new", { indexes: [1, 101], values: [1, 0.5] }],
        ],
      );
      const replayed = await catchUpFromLog(createBanditState(), (afterSequence) => store.readEventLog({ afterSequence, limit: 2 }));
      assert.deepEqual(
        { impressions: replayed.impressions, slots: replayed.slots, feedback: replayed.feedback, through: replayed.throughSequence },
        { impressions: 2, slots: 5, feedback: 3, through: 5 },
      );
      assert.equal((await store.counts()).slots, 5);

      // Both kinds go with the prune, their slots counted.
      await store.saveBanditState({ state: {}, throughSequence: 5, savedAt: 10_000 });
      const pruned = await store.prune({ before: 10_000 });
      assert.deepEqual([pruned.impressions, pruned.slots, pruned.feedback], [2, 5, 3]);
      assert.deepEqual(await store.counts(), { impressions: 0, slots: 0, feedback: 0, sessions: 0, banditStates: 1, llmSpend: 0, conversationMessages: 0 });
    } finally {
      await store.close();
    }
  } finally {
    database.cleanup();
  }
});
