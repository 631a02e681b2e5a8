import assert from "node:assert/strict";
import { closeSync, openSync, writeSync } from "node:fs";
import { test } from "node:test";
import Database from "better-sqlite3";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import type { Engine } from "../../../lib/pipeline/engine";
import { requestStore } from "../../../lib/server/request-store";
import { toStoreApiError } from "../../../lib/server/store-error";
import { createStoreHealth } from "../../../lib/server/store-health";
import { openSqliteStore, reportingStore, storeOutageOf, StoreBusyError, StoreCorruptError, type Store } from "../../../lib/store";
import { sampleImpression, temporaryDatabase } from "./helpers/temporary-database";

/** A database of a few impressions; `damage` overwrites the header like a bad write would. */
function databaseFile(): ReturnType<typeof temporaryDatabase> & { damage: () => void } {
  const database = temporaryDatabase();
  return {
    ...database,
    damage: () => {
      const descriptor = openSync(database.path, "r+");
      writeSync(descriptor, Buffer.from("this is not sqlite at all"), 0, 25, 0);
      closeSync(descriptor);
    },
  };
}

test("SQLite only: each failure is classified by cause, with a message that names no path", async () => {
  const database = databaseFile();
  try {
    await openSqliteStore({ path: database.path }).close();

    const readOnly = openSqliteStore({ path: database.path, readOnly: true });
    const readOnlyError = await readOnly.recordImpression(sampleImpression()).catch((error: unknown) => error);
    await assert.rejects(readOnly.probeWrite(), (error) => storeOutageOf(error)?.cause === "read-only");
    await readOnly.close();

    const capped = openSqliteStore({ path: database.path, maxSizeMb: 0.01 });
    let fullError: unknown = null;
    for (let written = 0; fullError === null && written < 1000; written++)
      fullError = await capped.recordImpression(sampleImpression()).then(
        () => null,
        (error: unknown) => error,
      );
    await assert.rejects(capped.probeWrite(), (error) => storeOutageOf(error)?.cause === "full", "the probe sees the size cap");
    await capped.close();

    const locker = new Database(database.path);
    locker.exec("BEGIN IMMEDIATE");
    const locked = openSqliteStore({ path: database.path, busyTimeoutMs: 50 });
    const lockedError = await locked.recordImpression(sampleImpression()).catch((error: unknown) => error);
    await assert.rejects(locked.probeWrite({ timeoutMs: 20 }), StoreBusyError);
    locker.exec("ROLLBACK");
    await locked.probeWrite();
    await locked.close();
    locker.close();

    database.damage();
    const corruptError = (() => {
      try {
        openSqliteStore({ path: database.path });
        return null;
      } catch (error) {
        return error;
      }
    })();
    assert.ok(corruptError instanceof StoreCorruptError);

    const outages = [readOnlyError, fullError, lockedError, corruptError].map(storeOutageOf);
    assert.deepEqual(
      outages.map((outage) => outage?.cause),
      ["read-only", "full", "locked", "corrupt"],
    );
    for (const [index, error] of [readOnlyError, fullError, lockedError, corruptError].entries()) {
      assert.ok((error as Error).message.includes(database.path), "the operator's error names the file");
      const api = toStoreApiError(error, createStoreHealth({ log: () => undefined }));
      assert.ok(api instanceof ReelcastError && api.status === 503 && api.code === "unavailable:store");
      assert.equal(api.message, outages[index]!.message);
      assert.ok(!api.message.includes(database.directory) && !/\/tmp|\.sqlite/.test(JSON.stringify(api.toBody())), `no path in ${api.message}`);
    }
  } finally {
    database.cleanup();
  }
});

test("SQLite only: the health logs each cause once, keeps a failure for its window, and recovers when a write or the probe succeeds", async () => {
  const lines: string[] = [];
  let clock = 0;
  const health = createStoreHealth({ now: () => clock, log: (line) => lines.push(line), failureWindowMs: 1000 });
  const database = temporaryDatabase();
  const raw = openSqliteStore({ path: database.path, busyTimeoutMs: 30 });
  const store = reportingStore(raw, health);
  try {
    assert.equal(await health.check(store), null);
    const locker = new Database(database.path);
    locker.exec("BEGIN IMMEDIATE");
    for (let request = 0; request < 5; request++) await assert.rejects(store.recordImpression(sampleImpression()));
    assert.equal(health.current()?.cause, "locked");
    assert.equal((await health.check(store))?.cause, "locked");
    assert.equal(lines.filter((line) => line.includes("store degraded (locked)")).length, 1, lines.join("\n"));
    assert.ok(lines[0].includes(database.path), "the log names the file for the operator");
    locker.exec("ROLLBACK");
    locker.close();
    // The probe disproves a lock: healthy again, and the recovery is logged once.
    assert.equal(await health.check(store), null);
    assert.equal(health.current(), null);
    assert.equal(lines.filter((line) => line.includes("store recovered")).length, 1);

    // A failure the probe cannot see (here a damaged-store error) holds for its window only.
    health.failed(new StoreCorruptError(database.path, "malformed"));
    assert.equal((await health.check(store))?.cause, "corrupt");
    clock += 1000;
    assert.equal(health.current(), null);
    await store.recordImpression(sampleImpression());
    assert.equal(lines.filter((line) => line.includes("store recovered")).length, 2);
  } finally {
    await raw.close();
    database.cleanup();
  }
});

test("SQLite only: a store that cannot be opened is an outage for good, named by its cause", async () => {
  const lines: string[] = [];
  const health = createStoreHealth({ log: (line) => lines.push(line) });
  const outage = health.openFailed(new StoreCorruptError("/somewhere/reelcast.sqlite", "not an SQLite database"));
  assert.equal(outage.cause, "corrupt");
  assert.deepEqual(await health.check(null), outage);
  const needs = toStoreApiError(new ReelcastError("unavailable:store", "Feedback needs the database, and this server has none."), health);
  assert.ok(needs instanceof ReelcastError);
  assert.equal(needs.message, `Feedback needs the database. ${outage.message}`);
  assert.equal(lines.length, 1);
});

test("SQLite only: a request answers with the store, and once it fails, again without it (nothing written)", async () => {
  const health = createStoreHealth({ log: () => undefined });
  const store = openSqliteStore({ path: ":memory:", readOnly: true });
  try {
    const engine = { store: reportingStore(store, health) } as unknown as Engine;
    const answer = requestStore(engine, health);
    const used: Array<Store | null> = [];
    const result = await answer.run(async (answering) => {
      used.push(answering.store);
      if (answering.store) await answering.store.recordImpression(sampleImpression());
      return "answered";
    });
    assert.equal(result, "answered");
    assert.deepEqual(
      used.map((each) => each !== null),
      [true, false],
    );
    assert.equal(answer.outage()?.cause, "read-only");
    // The next request leaves the store out from the start while the failure is recent.
    const next = requestStore(engine, health);
    assert.equal(next.engine.store, null);
    // Errors that are not about the store's health pass through.
    await assert.rejects(
      requestStore({ store: store } as unknown as Engine, createStoreHealth({ log: () => undefined })).run(async () => Promise.reject(new Error("bug"))),
      /bug/,
    );
  } finally {
    await store.close();
  }
});
