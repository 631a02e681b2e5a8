import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { recommend } from "../../../lib/pipeline";
import { followBanditLog } from "../../../lib/server/bandit-log-follower";
import { openSqliteStore, type Store } from "../../../lib/store";
import { isolatedEngine, request } from "./engine-fixture";

/** The same store, counting calls per method. */
function countingStore(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (...args: unknown[]) => {
        calls.set(property, (calls.get(property) ?? 0) + 1);
        return (value as (...values: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: counted, calls };
}

test("a served request writes once: its impression and its session turn in one recordAnswer, and the log follower reads no log when nobody else wrote", async () => {
  const engine = await isolatedEngine();
  const { store, calls } = countingStore(engine.store!);
  engine.store = store;
  engine.bandit!.log = followBanditLog(store, engine.bandit!.state, 0);
  const first = await recommend(request({ query: "heat", limit: 5 }), engine);
  const second = await recommend(request({ query: "alien", limit: 5, sessionId: first.sessionId! }), engine);
  assert.deepEqual(Object.fromEntries(calls), { getSession: 2, lastSequence: 2, recordAnswer: 2 });
  const impression = await store.getImpression(second.impressionId!);
  assert.deepEqual(
    impression.slots.map((slot) => slot.itemId),
    second.items.map((item) => item.id),
  );
  const session = await store.getSession(first.sessionId!);
  assert.equal(session?.state.turns, 2);
  assert.deepEqual(
    session?.state.lastItemIds,
    second.items.map((item) => item.id),
  );
  assert.equal(engine.bandit!.state.impressions, 2);
});

test("the follower still catches up with what another process logged, and skips the log read once level with it", async () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-follower-"));
  try {
    const file = path.join(directory, "reelcast.sqlite");
    const [a, b] = await Promise.all([isolatedEngine({ store: openSqliteStore({ path: file }) }), isolatedEngine({ store: openSqliteStore({ path: file }) })]);
    const counted = countingStore(a.store!);
    a.store = counted.store;
    a.bandit!.log = followBanditLog(counted.store, a.bandit!.state, 0);
    b.bandit!.log = followBanditLog(b.store!, b.bandit!.state, 0);
    await recommend(request({ query: "comedy", limit: 5 }), b);
    await recommend(request({ query: "western", limit: 5 }), a);
    assert.equal(counted.calls.get("readEventLog"), 2, "the other process's impression was read (one page, then the empty page)");
    await a.bandit!.log.catchUp();
    assert.equal(counted.calls.get("readEventLog"), 2, "nothing new: no log read");
    // That both processes then hold the same state: sessions-and-feedback.test.ts.
    assert.equal(a.bandit!.state.impressions, 2);
    await Promise.all([a.store!.close(), b.store!.close()]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
