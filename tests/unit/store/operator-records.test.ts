import assert from "node:assert/strict";
import { OPERATOR_RECORD_MAX_BYTES, StoreInvalidInputError } from "../../../lib/store";
import { storeTest } from "./helpers/store-backends";

storeTest("operator records: appended per kind, listed newest-limit oldest first, since filters", async (database) => {
  const store = await database.open();
  for (let minute = 0; minute < 5; minute++) await store.appendOperatorRecord({ kind: "pacing", at: minute * 60_000, payload: { bar: minute / 10 } });
  await store.appendOperatorRecord({ kind: "evaluation", at: 30_000, payload: { snips: 0.4 } });
  const lastThree = await store.listOperatorRecords("pacing", { limit: 3 });
  assert.deepEqual(
    lastThree.map((record) => record.payload),
    [{ bar: 0.2 }, { bar: 0.3 }, { bar: 0.4 }],
  );
  assert.deepEqual(
    (await store.listOperatorRecords("pacing", { since: 180_000 })).map((record) => record.at),
    [180_000, 240_000],
  );
  assert.deepEqual(
    (await store.listOperatorRecords("evaluation")).map((record) => record.payload),
    [{ snips: 0.4 }],
  );
  assert.deepEqual(await store.listOperatorRecords("metrics"), []);
});

storeTest("operator records: records at the same moment keep their append order", async (database) => {
  const store = await database.open();
  for (const step of ["a", "b", "c"]) await store.appendOperatorRecord({ kind: "pacing", at: 1_000, payload: step });
  assert.deepEqual(
    (await store.listOperatorRecords("pacing", { limit: 2 })).map((record) => record.payload),
    ["b", "c"],
  );
});

storeTest("operator records: a bad kind, time or oversized payload is refused and nothing is written", async (database) => {
  const store = await database.open();
  await assert.rejects(store.appendOperatorRecord({ kind: "Pacing!", at: 0, payload: 1 }), StoreInvalidInputError);
  await assert.rejects(store.appendOperatorRecord({ kind: "pacing", at: Number.NaN, payload: 1 }), StoreInvalidInputError);
  await assert.rejects(store.appendOperatorRecord({ kind: "pacing", at: 0, payload: "x".repeat(OPERATOR_RECORD_MAX_BYTES) }), StoreInvalidInputError);
  await assert.rejects(store.listOperatorRecords("no spaces"), StoreInvalidInputError);
  assert.deepEqual(await store.listOperatorRecords("pacing"), []);
});

storeTest("operator records: the retention prune deletes those older than the window", async (database) => {
  const store = await database.open();
  for (const at of [1_000, 2_000, 9_000]) await store.appendOperatorRecord({ kind: "evaluation", at, payload: at });
  const pruned = await store.prune({ before: 5_000 });
  assert.equal(pruned.operatorRecords, 2);
  assert.deepEqual(
    (await store.listOperatorRecords("evaluation")).map((record) => record.at),
    [9_000],
  );
});
