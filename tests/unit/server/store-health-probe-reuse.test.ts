import assert from "node:assert/strict";
import { test } from "node:test";
import { createStoreHealth } from "../../../lib/server/store-health";
import { openSqliteStore, StoreBusyError, type Store } from "../../../lib/store";

/** An in-memory store that counts write probes, and can be told to fail the next ones. */
function probeCountingStore(): { store: Store; probes: () => number; failProbes: (fail: boolean) => void } {
  const inner = openSqliteStore({ path: ":memory:" });
  let probes = 0;
  let failing = false;
  const store: Store = {
    ...inner,
    probeWrite: async (options) => {
      probes++;
      await new Promise((resolve) => setImmediate(resolve));
      if (failing) throw new StoreBusyError("/db", 250);
      return inner.probeWrite(options);
    },
  };
  return { store, probes: () => probes, failProbes: (fail) => (failing = fail) };
}

test("health checks within the reuse time share one passing probe; concurrent checks share the one in flight", async () => {
  let clock = 0;
  const health = createStoreHealth({ now: () => clock, log: () => {}, probeReuseMs: 1000 });
  const { store, probes } = probeCountingStore();
  assert.deepEqual(await Promise.all([health.check(store), health.check(store), health.check(store)]), [null, null, null]);
  assert.equal(probes(), 1);
  clock = 999;
  assert.equal(await health.check(store), null);
  assert.equal(probes(), 1, "the pass still stands");
  clock = 1000;
  assert.equal(await health.check(store), null);
  assert.equal(probes(), 2, "a pass as old as the reuse time is probed again");
  await store.close();
});

test("a failing store call clears the pass: the next check probes and reports the outage, then the recovery", async () => {
  let clock = 0;
  const health = createStoreHealth({ now: () => clock, log: () => {}, probeReuseMs: 60_000 });
  const { store, probes, failProbes } = probeCountingStore();
  assert.equal(await health.check(store), null);
  health.failed(new StoreBusyError("/db", 250));
  failProbes(true);
  assert.equal((await health.check(store))?.cause, "locked");
  assert.equal((await health.check(store))?.cause, "locked", "a failed probe is not reused");
  assert.equal(probes(), 3);
  failProbes(false);
  clock = 10;
  assert.equal(await health.check(store), null, "the lock is gone at the next check");
  assert.equal(probes(), 4);
  await store.close();
});

test("a probe that passes while a request meets a failure does not hide that failure", async () => {
  const health = createStoreHealth({ now: () => 0, log: () => {}, probeReuseMs: 60_000 });
  const { store, probes, failProbes } = probeCountingStore();
  const checking = health.check(store);
  health.failed(new StoreBusyError("/db", 250));
  assert.equal(await checking, null, "the probe itself passed: the lock is gone");
  failProbes(true);
  assert.equal((await health.check(store))?.cause, "locked", "the pass did not stand for the store");
  assert.equal(probes(), 2);
  await store.close();
});
