import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { createSpendPacing, DEFAULT_PACING, PACING_RECORD_KIND, parsePacingRecordPayload, type PacingConfig, type SpendPacing } from "../../../lib/pacing";
import { startSpendPacer } from "../../../lib/server/spend-pacer";
import { openSqliteStore, type Store } from "../../../lib/store";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 20);
const config: PacingConfig = { ...DEFAULT_PACING, targetUsdPerHour: 2, budgetWindowMs: HOUR };
const directory = mkdtempSync(path.join(tmpdir(), "reelcast-pacer-"));
after(() => rmSync(directory, { recursive: true, force: true }));

/** `count` reasoning decisions over the last minute before `at`, scores spread over 0.5…1, on the LLM when at or above the applied bar. */
function decide(pacing: SpendPacing, at: number, count: number) {
  const bar = pacing.current?.bar ?? null;
  for (let index = 0; index < count; index++) {
    const score = 0.5 + (0.5 * index) / count;
    pacing.decisions.record({ at: at - 60_000 + (index * 60_000) / count, score, llm: bar === null || score >= bar });
  }
}

async function spend(store: Store, at: number, usd: number) {
  await store.reserveLlmSpend({ sessionId: null, client: null, at, usd, since: at - HOUR, approve: () => true });
}

test("the computing process appends a record only when the bar moves, with its reason", async () => {
  const store = openSqliteStore({ path: ":memory:" });
  const clock = { ms: T0 };
  const pacing = createSpendPacing(config);
  const lines: string[] = [];
  const pacer = startSpendPacer({ store, pacing, compute: true, now: () => clock.ms, timer: false, log: (line) => lines.push(line) });

  // Too few requests: nothing known, nothing written.
  decide(pacing, clock.ms, 5);
  await spend(store, clock.ms - 1_000, 1);
  const held = await pacer.tick();
  assert.equal(held?.wrote, false);
  assert.equal(held?.bar, null);
  assert.match(held?.step?.held ?? "", /^5 reasoning requests in the window, fewer than 20: bar held$/);
  assert.equal((await store.listOperatorRecords(PACING_RECORD_KIND)).length, 0);

  // $1 in the last 10 min is $6/h against a $2/h target, with everyone on the LLM: the bar rises.
  decide(pacing, clock.ms, 200);
  const first = await pacer.tick();
  assert.equal(first?.wrote, true);
  const records = await store.listOperatorRecords(PACING_RECORD_KIND);
  assert.equal(records.length, 1);
  const payload = parsePacingRecordPayload(records[0].payload)!;
  assert.ok(payload.bar !== null && payload.bar > 0.5, `bar ${payload.bar}`);
  assert.equal(payload.previousBar, null);
  assert.equal(payload.targetUsdPerHour, 2);
  assert.ok(Math.abs(payload.observedUsdPerHour - 6) < 1e-9, `observed ${payload.observedUsdPerHour}`);
  assert.match(
    payload.reason,
    /^target \$2\.00\/h, observed \$6\.00\/h over 10 min \(\$1\.00\/h over the budget window\), 205 reasoning requests of which 100% got the LLM → let \d+% through: bar none → 0\.\d+$/,
  );
  assert.deepEqual(lines, [`[reelcast] spend pacing: ${payload.reason}`]);
  assert.equal(pacing.current?.bar, payload.bar, "the computing process applies its own bar at once");

  // A window later, traffic under the new bar spends about the target ($1.98/h): the share the
  // controller wants stays inside the deadband, so no new record.
  clock.ms += config.observeWindowMs + 60_000;
  decide(pacing, clock.ms, 200);
  await spend(store, clock.ms - 1_000, 0.33);
  const steady = await pacer.tick();
  assert.equal(steady?.wrote, false, `step ${JSON.stringify(steady?.step)}`);
  assert.equal((await store.listOperatorRecords(PACING_RECORD_KIND)).length, 1);

  // Then demand falls away (a tenth of the spend): the bar comes down, and that is written.
  clock.ms += config.observeWindowMs + 60_000;
  decide(pacing, clock.ms, 200);
  await spend(store, clock.ms - 1_000, 0.033);
  const lowered = await pacer.tick();
  assert.equal(lowered?.wrote, true);
  const [, second] = await store.listOperatorRecords(PACING_RECORD_KIND);
  const secondPayload = parsePacingRecordPayload(second.payload)!;
  assert.equal(secondPayload.previousBar, payload.bar);
  assert.ok(secondPayload.bar === null || secondPayload.bar < payload.bar, `bar ${payload.bar} → ${secondPayload.bar}`);
  await store.close();
});

test("two server processes over one SQLite file end up applying the same bar; only the computer writes", async () => {
  const file = path.join(directory, "two-processes.db");
  const storeA = openSqliteStore({ path: file });
  const storeB = openSqliteStore({ path: file });
  const clock = { ms: T0 };
  const pacingA = createSpendPacing(config);
  const pacingB = createSpendPacing(config);
  const computer = startSpendPacer({ store: storeA, pacing: pacingA, compute: true, now: () => clock.ms, timer: false, log: () => undefined });
  const follower = startSpendPacer({ store: storeB, pacing: pacingB, compute: false, now: () => clock.ms, timer: false });
  // Both processes serve and spend; only A's decisions feed the controller, B's spend is in the shared ledger.
  decide(pacingA, clock.ms, 300);
  decide(pacingB, clock.ms, 300);
  await spend(storeA, clock.ms - 2_000, 0.5);
  await spend(storeB, clock.ms - 1_000, 0.5);
  for (let tick = 0; tick < 4; tick++) {
    clock.ms += config.intervalMs;
    decide(pacingA, clock.ms, 20);
    await computer.tick();
    await follower.tick();
    assert.equal(pacingB.current?.bar, pacingA.current?.bar, `tick ${tick}: B applies A's bar`);
  }
  assert.ok(pacingA.current?.bar !== null && pacingA.current?.bar !== undefined);
  const records = await storeB.listOperatorRecords(PACING_RECORD_KIND, { limit: 100 });
  assert.ok(records.length >= 1);
  assert.equal(parsePacingRecordPayload(records[records.length - 1].payload)?.bar, pacingB.current?.bar);
  assert.ok(Math.abs(parsePacingRecordPayload(records[0].payload)!.observedUsdPerHour - 6) < 1e-9, "the computer read both processes' spend");
  // A follower started later reads the bar at its first tick.
  const late = createSpendPacing(config);
  await startSpendPacer({ store: storeB, pacing: late, compute: false, timer: false }).tick();
  assert.equal(late.current?.bar, pacingA.current?.bar);
  await storeA.close();
  await storeB.close();
});

test("an unchanged bar is re-stated once its record is older than restateAfterMs, so retention never removes the last one", async () => {
  const store = openSqliteStore({ path: ":memory:" });
  const clock = { ms: T0 };
  const pacing = createSpendPacing(config);
  const pacer = startSpendPacer({ store, pacing, compute: true, now: () => clock.ms, timer: false, restateAfterMs: HOUR, log: () => undefined });
  await store.appendOperatorRecord({
    kind: PACING_RECORD_KIND,
    at: clock.ms,
    payload: {
      version: 1,
      bar: 0.9,
      previousBar: null,
      targetUsdPerHour: 2,
      observedUsdPerHour: 0,
      budgetWindowUsdPerHour: 0,
      windowMs: 600_000,
      requests: 0,
      llmShare: 0,
      share: 0.5,
      passedShare: 0.5,
      demandUsdPerHour: null,
      reason: "seed",
    },
  });
  // No traffic: the controller holds (too few requests), nothing is written while the record is fresh.
  assert.equal((await pacer.tick())?.wrote, false);
  clock.ms += HOUR;
  const restated = await pacer.tick();
  assert.equal(restated?.wrote, true);
  const records = await store.listOperatorRecords(PACING_RECORD_KIND);
  assert.equal(records.length, 2);
  const payload = parsePacingRecordPayload(records[1].payload)!;
  assert.equal(payload.bar, 0.9);
  assert.match(payload.reason, /^unchanged, re-stated so retention keeps it: /);
  await store.close();
});

test("a failing store keeps the bar in hand", async () => {
  const store = openSqliteStore({ path: ":memory:" });
  const pacing = createSpendPacing(config);
  pacing.current = {
    version: 1,
    bar: 0.8,
    previousBar: null,
    targetUsdPerHour: 2,
    observedUsdPerHour: 0,
    budgetWindowUsdPerHour: 0,
    windowMs: 600_000,
    requests: 0,
    llmShare: 0,
    share: 0.5,
    passedShare: 0.5,
    demandUsdPerHour: null,
    reason: "seed",
  };
  await store.close();
  const tick = await startSpendPacer({ store, pacing, compute: true, timer: false, log: () => undefined }).tick();
  assert.deepEqual(tick, { bar: 0.8, step: null, wrote: false });
});
