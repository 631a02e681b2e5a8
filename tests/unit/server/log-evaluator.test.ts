import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateWindow, type EvaluationWindow, type StoredEvaluation } from "../../../lib/evaluation";
import { syntheticLog } from "../../../lib/evaluation/synthetic-log";
import { createLogEvaluator, dueWindow, evaluationIntervalFromEnvironment } from "../../../lib/server/log-evaluator";
import { readEvaluationWindows } from "../../../lib/server/evaluation-window-reader";
import { openSqliteStore, type JsonObject, type Store } from "../../../lib/store";

const INTERVAL = 15 * 60_000;
const HORIZON = 5 * 60_000;
const DAY = Date.UTC(2025, 0, 6);

/** Stores a synthetic window's impressions and their feedback (at 1 s after the impression), plus one late like past the horizon per impression's first slot. */
async function storeWindow(store: Store, window: EvaluationWindow): Promise<void> {
  for (const impression of window.impressions) {
    await store.recordImpression({
      id: impression.id,
      sessionId: null,
      createdAt: impression.createdAt,
      policy: impression.policy,
      featureVersion: 1,
      context: JSON.parse(JSON.stringify(impression.context)) as JsonObject,
      slots: impression.slots.map((slot) => ({
        itemId: slot.itemId,
        position: slot.position,
        explanationKind: slot.explanationKind,
        explanationText: "",
        propensity: slot.propensity,
        features: { indexes: [1], values: [1] },
      })),
    });
  }
  for (const impression of window.impressions) {
    for (const slot of impression.slots) {
      for (const [index, event] of slot.events.entries())
        await store.recordFeedback({ impressionId: impression.id, itemId: slot.itemId, event, at: impression.createdAt + 1000, clientEventId: `${impression.id}:${slot.position}:${index}` });
    }
  }
}

async function lateLikes(store: Store, window: EvaluationWindow): Promise<void> {
  for (const impression of window.impressions) {
    const slot = impression.slots.at(-1)!;
    await store.recordFeedback({ impressionId: impression.id, itemId: slot.itemId, event: "like", at: impression.createdAt + HORIZON + 1, clientEventId: `${impression.id}:late` });
  }
}

test("the scheduled evaluator stores one record per window: a second run finds it, the next window gets its own", async () => {
  const store = openSqliteStore({ path: ":memory:" });
  const due = dueWindow(DAY + 2 * INTERVAL + HORIZON + 1, INTERVAL, HORIZON);
  assert.deepEqual(due, { from: DAY + INTERVAL, to: DAY + 2 * INTERVAL });
  const previous = syntheticLog({ seed: 1, impressions: 150, from: DAY, to: DAY + INTERVAL });
  const current = syntheticLog({ seed: 2, impressions: 150, from: DAY + INTERVAL, to: DAY + 2 * INTERVAL });
  await storeWindow(store, previous);
  await storeWindow(store, current);
  await lateLikes(store, current);
  let clock = DAY + 2 * INTERVAL + HORIZON + 1;
  const evaluator = createLogEvaluator({ store, intervalMs: INTERVAL, feedbackHorizonMs: HORIZON, maxImpressions: 10_000, now: () => clock });
  const first = await evaluator.runOnce();
  assert.equal(first.status, "stored");
  const records = await store.listOperatorRecords("evaluation");
  assert.equal(records.length, 1);
  const payload = records[0].payload as unknown as StoredEvaluation;
  assert.deepEqual(payload.window, { from: DAY + INTERVAL, to: DAY + 2 * INTERVAL });
  assert.equal(payload.impressions.total, 150);
  assert.equal(payload.impressions.evaluated, 150);
  assert.deepEqual(payload.reading.impressionsFound, { current: 150, previous: 150 });
  // What the store gave back is exactly the synthetic window (late likes left out): the same estimates.
  const direct = JSON.parse(JSON.stringify(evaluateWindow({ current, previous }))) as StoredEvaluation;
  assert.deepEqual(payload.policies, direct.policies);
  assert.deepEqual(payload.drift, direct.drift);

  clock += 60_000;
  assert.deepEqual(await evaluator.runOnce(), { status: "exists", windowTo: DAY + 2 * INTERVAL });
  assert.equal((await store.listOperatorRecords("evaluation")).length, 1);

  clock += INTERVAL;
  const next = await evaluator.runOnce();
  assert.equal(next.status, "stored");
  const all = await store.listOperatorRecords("evaluation");
  assert.equal(all.length, 2);
  const newest = all[1].payload as unknown as StoredEvaluation;
  assert.deepEqual(newest.window, { from: DAY + 2 * INTERVAL, to: DAY + 3 * INTERVAL });
  assert.equal(newest.impressions.total, 0);
  assert.equal(newest.drift.previous?.impressions, 150);
  await store.close();
});

test("the window reader finds the window by binary search, counts feedback inside the horizon only, and thins evenly past the cap", async () => {
  const store = openSqliteStore({ path: ":memory:" });
  const before = syntheticLog({ seed: 3, impressions: 120, from: DAY - INTERVAL, to: DAY });
  const window = syntheticLog({ seed: 4, impressions: 120, from: DAY, to: DAY + INTERVAL });
  await storeWindow(store, before);
  await storeWindow(store, window);
  await lateLikes(store, window);
  const read = await readEvaluationWindows(store, { windows: [{ from: DAY, to: DAY + INTERVAL }], feedbackHorizonMs: HORIZON, maxImpressions: 1000, pageSize: 50 });
  assert.deepEqual(
    read.windows[0].impressions.map((impression) => impression.id),
    window.impressions.map((impression) => impression.id),
  );
  assert.deepEqual(
    read.windows[0].impressions.map((impression) => impression.slots.map((slot) => slot.events)),
    window.impressions.map((impression) => impression.slots.map((slot) => slot.events)),
  );
  // Reading started near the window, not at the log's beginning.
  assert.ok(read.stats.entries < (await store.lastSequence()), `${read.stats.entries} entries read`);
  const thinned = await readEvaluationWindows(store, { windows: [{ from: DAY, to: DAY + INTERVAL }], feedbackHorizonMs: HORIZON, maxImpressions: 30 });
  assert.equal(thinned.windows[0].impressions.length, 30);
  assert.equal(thinned.stats.impressionsFound[0], 120);
  assert.equal(thinned.windows[0].impressions[1].id, window.impressions[4].id);
  await store.close();
});

test("REELCAST_EVALUATION_INTERVAL_MS: default 15 minutes, 0 turns it off, nonsense is refused", () => {
  assert.equal(evaluationIntervalFromEnvironment({}), 15 * 60_000);
  assert.equal(evaluationIntervalFromEnvironment({ REELCAST_EVALUATION_INTERVAL_MS: "0" }), 0);
  assert.equal(evaluationIntervalFromEnvironment({ REELCAST_EVALUATION_INTERVAL_MS: "3600000" }), 3_600_000);
  assert.throws(() => evaluationIntervalFromEnvironment({ REELCAST_EVALUATION_INTERVAL_MS: "fast" }), /REELCAST_EVALUATION_INTERVAL_MS/);
  assert.throws(() => evaluationIntervalFromEnvironment({ REELCAST_EVALUATION_INTERVAL_MS: "10" }), /at least 1000/);
});
