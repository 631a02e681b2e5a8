import assert from "node:assert/strict";
import { test } from "node:test";
import { catchUpFromLog, createBanditState, FEATURE_VERSION, serializeBanditState, type FeedbackEvent } from "../../../lib/bandit";
import { restoreBanditState } from "../../../lib/server/bandit-persistence";
import { openSqliteStore, type JsonValue } from "../../../lib/store";

test("a version-1 snapshot (every impression learned as a 0) is set aside and the state rebuilt from the log under today's rules", async () => {
  const store = openSqliteStore({ path: ":memory:" });
  try {
    const events: FeedbackEvent[] = ["like", "skip", "click", "play"];
    for (let request = 0; request < 30; request++) {
      const slots = [0, 1, 2].map((position) => ({
        itemId: `ml:${request * 3 + position}`,
        position,
        explanationKind: "fits-your-request",
        explanationText: "One of the closest matches to your request here.",
        propensity: 1,
        features: { indexes: [position, 100 + (request % 7), 200 + position], values: [1, 0.5, 1] },
      }));
      const impression = await store.recordImpression({ sessionId: null, createdAt: request, policy: "epsilon-greedy(0.1)", featureVersion: FEATURE_VERSION, context: {}, slots });
      if (request % 3 === 0) await store.recordFeedback({ impressionId: impression.id, itemId: slots[request % 3].itemId, event: events[request % 4], at: request });
    }
    // What version 1 wrote: the same layout, weights pushed down by every shown slot's 0.
    const old = serializeBanditState(createBanditState());
    await store.saveBanditState({
      state: {
        ...old,
        version: 1,
        impressions: 30,
        weights: [
          [0, -3.2, 40],
          [1, -2.9, 38],
        ],
      } as unknown as JsonValue,
      throughSequence: await store.lastSequence(),
      savedAt: 1,
    });

    const restored = await restoreBanditState(store);
    assert.match(restored.note, /unreadable.*version 1/);
    const rebuilt = createBanditState();
    await catchUpFromLog(rebuilt, (afterSequence) => store.readEventLog({ afterSequence, limit: 7 }));
    assert.deepEqual(serializeBanditState(restored.state), serializeBanditState(rebuilt));
    assert.equal(restored.state.impressions, 30);
    assert.equal(restored.state.feedbackEvents, 10);
    assert.equal(restored.state.model.observations, 10, "one observation per slot someone reacted to; none per impression");
  } finally {
    await store.close();
  }
});
