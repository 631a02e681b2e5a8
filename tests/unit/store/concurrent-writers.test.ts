/**
 * Two stores on one database stand for two server processes (SQLite) or two replicas
 * (PostgreSQL), writing at the same moment. What must hold across them: the event log's
 * sequence has no gaps a follower could skip, the spend ceiling admits exactly what fits, a
 * session's read-modify-write loses no update, and feedback on one slot is ordered as the log says.
 */
import assert from "node:assert/strict";
import type { Store } from "../../../lib/store";
import { storeTest } from "./helpers/store-backends";
import { sampleImpression } from "./helpers/temporary-database";

const ROUNDS = 30;

storeTest("a follower reading sequence > n while two writers commit never skips an event: every read is contiguous from its watermark", async (database) => {
  const writers = [await database.open(), await database.open()];
  const follower = await database.open();
  let writing = true;
  const seen: number[] = [];
  const follow = (async () => {
    let watermark = 0;
    for (;;) {
      const done = !writing;
      const entries = await follower.readEventLog({ afterSequence: watermark, limit: 50 });
      entries.forEach((entry, index) => assert.equal(entry.sequence, watermark + index + 1, `read after ${watermark} skipped to ${entry.sequence}`));
      for (const entry of entries) seen.push(entry.sequence);
      if (entries.length > 0) watermark = entries[entries.length - 1].sequence;
      else if (done) return;
    }
  })();
  const write = async (store: Store, name: string) => {
    for (let round = 0; round < ROUNDS; round++) {
      const impression = await store.recordImpression(sampleImpression({ id: `${name}-${round}` }));
      await store.recordFeedback({ impressionId: impression.id, itemId: "ml:1", event: "like", at: round });
    }
  };
  await Promise.all(writers.map((store, index) => write(store, `writer${index}`)));
  writing = false;
  await follow;
  const total = 2 * ROUNDS * 2;
  assert.equal(await follower.lastSequence(), total);
  assert.deepEqual(
    seen,
    Array.from({ length: total }, (_, index) => index + 1),
    "every sequence read once, in order",
  );
});

storeTest("a failed write hands its sequence back: the next event takes the number", async (database) => {
  const store = await database.open();
  await store.recordImpression(sampleImpression({ id: "taken" }));
  await assert.rejects(store.recordImpression(sampleImpression({ id: "taken" })), { code: "conflict:store" });
  await assert.rejects(
    store.recordAnswer({
      impression: sampleImpression({ id: "rolled-back" }),
      session: {
        id: "s",
        at: 1,
        update: () => {
          throw new Error("update failed");
        },
      },
    }),
    /update failed/,
  );
  assert.equal((await store.recordImpression(sampleImpression({ id: "next" }))).sequence, 2);
  assert.deepEqual(
    (await store.readEventLog()).map((entry) => entry.sequence),
    [1, 2],
  );
});

storeTest("the LLM spend ceiling holds for reservations arriving at two stores at once", async (database) => {
  const stores = [await database.open(), await database.open()];
  const ceiling = 1;
  const usd = 0.1;
  const reserve = (store: Store, index: number) =>
    store.reserveLlmSpend({ sessionId: `s${index}`, client: "10.0.0.1", at: 1_000 + index, usd, since: 0, approve: (spent) => spent.globalUsd + usd <= ceiling + 1e-9 });
  const results = await Promise.all(Array.from({ length: 30 }, (_, index) => reserve(stores[index % 2], index)));
  const approved = results.filter((result) => result.id !== null);
  assert.equal(approved.length, 10, "exactly the reservations that fit under the ceiling");
  const final = await stores[0].reserveLlmSpend({ sessionId: null, client: null, at: 9_999, usd: 0, since: 0, approve: () => false });
  assert.ok(Math.abs(final.spent.globalUsd - ceiling) < 1e-9, `spent ${final.spent.globalUsd}`);
  // Each approval saw every earlier one: the totals they were approved on are all different.
  assert.equal(new Set(approved.map((result) => Math.round(result.spent.globalUsd * 10))).size, 10);
});

storeTest("llmSpendSince is every store's spend since a time, read without reserving anything", async (database) => {
  const [writer, reader] = [await database.open(), await database.open()];
  for (const [at, usd] of [
    [1_000, 0.25],
    [2_000, 0.5],
    [3_000, 0.125],
  ] as const)
    await writer.reserveLlmSpend({ sessionId: "s", client: null, at, usd, since: 0, approve: () => true });
  assert.equal(await reader.llmSpendSince(0), 0.875);
  assert.equal(await reader.llmSpendSince(2_000), 0.625);
  assert.equal(await reader.llmSpendSince(3_001), 0);
  assert.equal((await reader.counts()).llmSpend, 3, "nothing written by the reads");
  await assert.rejects(reader.llmSpendSince(Number.NaN), /finite/);
});

storeTest("read-modify-write of one session from two stores at once loses no update, including its creation", async (database) => {
  const stores = [await database.open(), await database.open()];
  const increments = Array.from({ length: 40 }, (_, index) => stores[index % 2].updateSession("session-shared", index, (state) => ({ count: ((state?.count as number | undefined) ?? 0) + 1 })));
  await Promise.all(increments);
  assert.equal((await stores[0].getSession("session-shared"))?.state.count, 40);
  // recordAnswer's session update is the same read-modify-write.
  await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      stores[index % 2].recordAnswer({
        impression: sampleImpression({ id: `answer-${index}` }),
        session: { id: "session-shared", at: 100 + index, update: (state) => ({ count: (state!.count as number) + 1 }) },
      }),
    ),
  );
  assert.equal((await stores[1].getSession("session-shared"))?.state.count, 50);
});

storeTest("feedback on one slot from two stores at once: each event's earlier events are exactly those the log puts before it", async (database) => {
  const stores = [await database.open(), await database.open()];
  await stores[0].recordImpression(sampleImpression({ id: "impression-1" }));
  const events = ["click", "like", "play", "skip", "seen", "dismiss", "undo"];
  const results = await Promise.all(
    events.flatMap((event, index) => [
      stores[index % 2].recordFeedback({ impressionId: "impression-1", itemId: "ml:1", event, at: index, clientEventId: `event-${index}` }),
      // The same event again through the other store: one of the two is a duplicate.
      stores[(index + 1) % 2].recordFeedback({ impressionId: "impression-1", itemId: "ml:1", event, at: index, clientEventId: `event-${index}` }),
    ]),
  );
  assert.equal(results.filter((result) => result.status === "recorded").length, events.length);
  assert.equal(results.filter((result) => result.status === "duplicate").length, events.length);
  const log = (await stores[1].readEventLog()).filter((entry) => entry.type === "feedback");
  assert.equal(log.length, events.length);
  for (const result of results.filter((each) => each.status === "recorded")) {
    const entry = log.find((each) => each.sequence === result.feedback.sequence);
    assert.ok(entry && entry.type === "feedback");
    assert.deepEqual(result.previousEvents, entry.previousEvents, `event ${result.feedback.event}`);
  }
  // A client event id reused for another slot, from both stores at once: one wins, the other is a conflict.
  const reused = await Promise.allSettled([
    stores[0].recordFeedback({ impressionId: "impression-1", itemId: "ml:2", event: "like", at: 50, clientEventId: "event-reused" }),
    stores[1].recordFeedback({ impressionId: "impression-1", itemId: "ml:3", event: "like", at: 50, clientEventId: "event-reused" }),
  ]);
  assert.deepEqual(reused.map((each) => each.status).sort(), ["fulfilled", "rejected"]);
  const rejected = reused.find((each) => each.status === "rejected") as PromiseRejectedResult;
  assert.equal((rejected.reason as { code?: string }).code, "conflict:store");
});
