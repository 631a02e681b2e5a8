import assert from "node:assert/strict";
import { test } from "node:test";
import {
  applyFeedback,
  BANDIT_STATE_VERSION,
  createBanditState,
  deserializeBanditState,
  EVENT_REWARD,
  FEEDBACK_EVENTS,
  feedbackEventSchema,
  observeImpression,
  predictEngagement,
  replayEventLog,
  serializeBanditState,
  slotFeedbackState,
  slotReward,
  type ReplayEntry,
  type SparseFeatures,
} from "../../../lib/bandit";
import { observe, shiftLabel } from "../../../lib/bandit/reward-model";
import { createSeededRandom } from "../../../lib/bandit/random";

const DIMENSION = 1 << 8;
const features = (...indexes: number[]): SparseFeatures => ({ indexes, values: indexes.map(() => 1) });

test("rewards are defined once, in [0, 1], and a slot earns the reward of where its reaction stands", () => {
  assert.deepEqual([...FEEDBACK_EVENTS], ["click", "like", "play", "skip", "dismiss", "seen", "undo"]);
  assert.deepEqual(EVENT_REWARD, { play: 1, like: 1, click: 0.5, skip: 0, dismiss: 0 });
  assert.equal(slotReward([]), null, "no reaction, no reward");
  assert.equal(slotReward(["click"]), 0.5);
  assert.equal(slotReward(["click", "play"]), 1, "not 1.5");
  assert.equal(slotReward(["like", "dismiss"]), 0, "the later choice stands");
  assert.equal(slotReward(["like", "skip"]), 0);
  assert.equal(slotReward(["like", "skip", "undo"]), 1, "undo takes back the skip: liked again");
  assert.equal(slotReward(["like", "undo"]), null);
  assert.equal(slotReward(["like", "undo", "like"]), 1);
  assert.equal(slotReward(["seen"]), null, "seen it alone carries no reward");
  assert.equal(slotReward(["click", "skip"]), 0);
  assert.equal(slotReward(["purchase", "like"]), 1, "unknown events are ignored");
  assert.equal(feedbackEventSchema.safeParse("purchase").success, false);
});

test("a slot's reaction: the later choice stands, undo takes back the last like, skip, seen or dismissal", () => {
  const none = { choice: null, seen: false, clicked: false, undoable: null };
  assert.deepEqual(slotFeedbackState([]), none);
  assert.deepEqual(slotFeedbackState(["undo"]), none, "nothing to undo");
  assert.deepEqual(slotFeedbackState(["like"]), { ...none, choice: "like", undoable: "like" });
  assert.deepEqual(slotFeedbackState(["like", "skip"]), { ...none, choice: "skip", undoable: "skip" });
  assert.deepEqual(slotFeedbackState(["like", "seen"]), { choice: "like", seen: true, clicked: false, undoable: "seen" });
  assert.deepEqual(slotFeedbackState(["like", "seen", "undo"]), { ...none, choice: "like", undoable: "like" });
  assert.deepEqual(slotFeedbackState(["like", "seen", "undo", "undo"]), none);
  assert.deepEqual(slotFeedbackState(["like", "undo", "like"]), { ...none, choice: "like", undoable: "like" });
  assert.deepEqual(slotFeedbackState(["click", "like", "undo"]), { ...none, clicked: true }, "more like this is not undone");
  assert.deepEqual(slotFeedbackState(["play", "skip", "undo"]), { ...none, choice: "like" }, "a play is not a card action: it stays");
});

test("an observation moves the prediction towards its label and adds precision", () => {
  const state = createBanditState({ dimension: DIMENSION });
  const x = features(3, 7);
  const before = predictEngagement(state.model, x);
  observe(state.model, x, 1);
  assert.ok(predictEngagement(state.model, x) > before);
  assert.ok(state.model.precision[3] > state.model.priorPrecision);
  const high = predictEngagement(state.model, x);
  observe(state.model, x, 0);
  assert.ok(predictEngagement(state.model, x) < high);
  assert.throws(() => observe(state.model, x, 1.5), RangeError);
});

test("a late label change lands close to observing the final label directly", () => {
  const direct = createBanditState({ dimension: DIMENSION });
  const corrected = createBanditState({ dimension: DIMENSION });
  const x = features(1, 2, 3);
  observe(direct.model, x, 1);
  observe(corrected.model, x, 0);
  shiftLabel(corrected.model, x, 1);
  const gap = Math.abs(predictEngagement(direct.model, x) - predictEngagement(corrected.model, x));
  assert.ok(gap < 0.05, `prediction gap ${gap}`);
});

test("impression then feedback: a first event is one observation, a later one moves only the difference, a duplicate nothing", () => {
  const state = createBanditState({ dimension: DIMENSION });
  const x = features(10, 20);
  const fresh = predictEngagement(state.model, x);
  observeImpression(state, [{ features: x }]);
  assert.equal(predictEngagement(state.model, x), fresh, "an impression alone teaches nothing");
  assert.equal(state.impressions, 1);
  assert.deepEqual(applyFeedback(state, { features: x, previousEvents: [], event: "click" }), { rewardBefore: null, rewardAfter: 0.5 });
  assert.equal(state.model.observations, 1, "the first event makes the slot one labelled observation");
  const afterClick = predictEngagement(state.model, x);
  assert.deepEqual(applyFeedback(state, { features: x, previousEvents: ["click"], event: "like" }), { rewardBefore: 0.5, rewardAfter: 1 });
  assert.equal(state.model.observations, 1, "a later event moves the same observation's label");
  const afterLike = predictEngagement(state.model, x);
  assert.ok(afterClick < afterLike);
  assert.deepEqual(applyFeedback(state, { features: x, previousEvents: ["click", "like"], event: "skip" }), { rewardBefore: 1, rewardAfter: 0 });
  assert.equal(state.model.observations, 1);
  assert.ok(predictEngagement(state.model, x) < afterClick, "switching the like to a skip moves the label to 0");
  const unchanged = serializeBanditState(state);
  assert.deepEqual(applyFeedback(state, { features: x, previousEvents: ["click", "like", "skip"], event: "seen" }), { rewardBefore: 0, rewardAfter: 0 });
  assert.deepEqual(serializeBanditState(state).weights, unchanged.weights, "seen it changes no label");

  const skipped = createBanditState({ dimension: DIMENSION });
  applyFeedback(skipped, { features: x, previousEvents: [], event: "skip" });
  assert.ok(predictEngagement(skipped.model, x) < fresh, "a skip is a 0");
  const liked = createBanditState({ dimension: DIMENSION });
  applyFeedback(liked, { features: x, previousEvents: [], event: "like" });
  assert.ok(predictEngagement(liked.model, x) > fresh, "a like is a 1");
  const seenOnly = createBanditState({ dimension: DIMENSION });
  applyFeedback(seenOnly, { features: x, previousEvents: [], event: "seen" });
  assert.equal(seenOnly.model.observations, 0, "seen it alone is no observation");
  assert.equal(seenOnly.feedbackEvents, 1);
});

test("like → undo forgets the like: the model is as it was; like → undo → like is one like", () => {
  const x = features(4, 9);
  const state = createBanditState({ dimension: DIMENSION });
  observe(state.model, features(4, 50), 0); // earlier history sharing a feature with the slot
  const before = { mean: Array.from(state.model.mean), precision: Array.from(state.model.precision) };
  const predictionBefore = predictEngagement(state.model, x);
  assert.deepEqual(applyFeedback(state, { features: x, previousEvents: [], event: "like" }), { rewardBefore: null, rewardAfter: 1 });
  assert.ok(predictEngagement(state.model, x) > predictionBefore + 0.05);
  assert.deepEqual(applyFeedback(state, { features: x, previousEvents: ["like"], event: "undo" }), { rewardBefore: 1, rewardAfter: null });
  assert.ok(Math.abs(predictEngagement(state.model, x) - predictionBefore) < 1e-9, "the like is forgotten");
  for (const index of [4, 9, 50]) {
    assert.ok(Math.abs(state.model.mean[index] - before.mean[index]) < 1e-9 && Math.abs(state.model.precision[index] - before.precision[index]) < 1e-9, `weight ${index} restored`);
  }
  assert.equal(state.model.observations, 1, "only the earlier observation is left");
  const liked = createBanditState({ dimension: DIMENSION });
  observe(liked.model, features(4, 50), 0);
  applyFeedback(liked, { features: x, previousEvents: [], event: "like" });
  applyFeedback(state, { features: x, previousEvents: ["like", "undo"], event: "like" });
  for (const index of [4, 9, 50]) assert.ok(Math.abs(state.model.mean[index] - liked.model.mean[index]) < 1e-9, "like → undo → like learns what one like does");
  // like → skip → undo is liked again; a second undo forgets it.
  applyFeedback(state, { features: x, previousEvents: ["like", "undo", "like"], event: "skip" });
  assert.ok(predictEngagement(state.model, x) < predictionBefore);
  applyFeedback(state, { features: x, previousEvents: ["like", "undo", "like", "skip"], event: "undo" });
  assert.ok(Math.abs(predictEngagement(state.model, x) - predictEngagement(liked.model, x)) < 0.02, "liked again");
  applyFeedback(state, { features: x, previousEvents: ["like", "undo", "like", "skip", "undo"], event: "undo" });
  assert.ok(Math.abs(predictEngagement(state.model, x) - predictionBefore) < 0.02, "nothing stands: close to before");
});

test("impressions without feedback leave the learned model exactly as it was, however many", () => {
  const random = createSeededRandom(5);
  const state = createBanditState({ dimension: DIMENSION });
  applyFeedback(state, { features: features(1, 2, 3), previousEvents: [], event: "play" });
  const before = serializeBanditState(state).weights;
  for (let impression = 0; impression < 5000; impression++) {
    observeImpression(
      state,
      [0, 1, 2, 3].map((position) => ({ features: features(position, 10 + Math.floor(random() * 40), 60 + Math.floor(random() * 40)) })),
    );
  }
  assert.deepEqual(serializeBanditState(state).weights, before);
  assert.equal(state.impressions, 5000, "they are still counted (the ε schedule runs on impressions)");
});

test("replaying the event log rebuilds exactly the state the nearline path built", () => {
  const random = createSeededRandom(31);
  const live = createBanditState({ dimension: DIMENSION });
  const log: ReplayEntry[] = [];
  let sequence = 0;
  const eventsBySlot = new Map<string, Array<(typeof FEEDBACK_EVENTS)[number]>>();
  for (let impression = 0; impression < 60; impression++) {
    const slots = [0, 1, 2].map((position) => ({ itemId: `ml:${impression}-${position}`, features: features(position, 10 + Math.floor(random() * 40), 60 + Math.floor(random() * 40)) }));
    observeImpression(live, slots);
    log.push({ type: "impression", sequence: ++sequence, impressionId: `i${impression}`, slots });
    for (const slot of slots) {
      for (const event of FEEDBACK_EVENTS) {
        if (random() > 0.2) continue;
        const key = `i${impression}/${slot.itemId}`;
        const previousEvents = eventsBySlot.get(key) ?? [];
        applyFeedback(live, { features: slot.features, previousEvents, event });
        eventsBySlot.set(key, [...previousEvents, event]);
        log.push({ type: "feedback", sequence: ++sequence, impressionId: `i${impression}`, itemId: slot.itemId, event, features: slot.features });
      }
    }
  }
  const rebuilt = createBanditState({ dimension: DIMENSION });
  // Two pages, sharing the per-slot memory, as the rebuild script reads them.
  const slotEvents = new Map();
  const progress = replayEventLog(rebuilt, log.slice(0, 70), slotEvents);
  replayEventLog(rebuilt, log.slice(70), slotEvents, progress);
  assert.ok(live.feedbackEvents > 20);
  assert.deepEqual(serializeBanditState(rebuilt), serializeBanditState(live));
  assert.throws(() => replayEventLog(createBanditState({ dimension: DIMENSION }), [log[1], log[0]]), RangeError);
});

test("bandit state serialises to JSON and back exactly, and refuses other versions", () => {
  const state = createBanditState({ dimension: DIMENSION });
  observeImpression(state, [{ features: { indexes: [1, 2], values: [1, 0.25] } }]);
  applyFeedback(state, { features: { indexes: [1, 2], values: [1, 0.25] }, previousEvents: [], event: "play" });
  const json = JSON.parse(JSON.stringify(serializeBanditState(state)));
  const restored = deserializeBanditState(json);
  assert.deepEqual(serializeBanditState(restored), serializeBanditState(state));
  assert.deepEqual(Array.from(restored.model.mean), Array.from(state.model.mean));
  assert.equal(json.version, BANDIT_STATE_VERSION);
  assert.ok(json.weights.length < 10, "sparse: only touched weights are stored");
  assert.throws(() => deserializeBanditState({ ...json, version: 99 }), RangeError);
  // A version-1 snapshot learned every impression as a 0: refused, with the way out named (the
  // server then replays the whole event log under the current rules).
  assert.equal(BANDIT_STATE_VERSION, 2);
  assert.throws(
    () => deserializeBanditState({ ...json, version: 1 }),
    (error: Error) => error instanceof RangeError && /version 1/.test(error.message) && /bandit:rebuild/.test(error.message),
  );
  assert.throws(() => deserializeBanditState({ ...json, featureVersion: 99 }), RangeError);
  assert.throws(() => deserializeBanditState({ ...json, weights: "nope" }));
});
