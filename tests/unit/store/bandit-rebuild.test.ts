import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  applyFeedback,
  catchUpFromLog,
  createBanditState,
  createSeededRandom,
  deserializeBanditState,
  FEATURE_VERSION,
  observeImpression,
  serializeBanditState,
  type FeedbackEvent,
} from "../../../lib/bandit";
import { openSqliteStore, type JsonValue } from "../../../lib/store";
import { temporaryDatabase } from "./helpers/temporary-database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

test("SQLite only: bandit:rebuild replays the store's event log into exactly the state the nearline path built", async () => {
  const database = temporaryDatabase();
  try {
    const store = openSqliteStore({ path: database.path, synchronous: "NORMAL" }); // durability is tested elsewhere
    const live = createBanditState();
    const random = createSeededRandom(17);
    const events: FeedbackEvent[] = ["click", "like", "play", "skip", "dismiss"];
    let recorded = 0;
    for (let request = 0; request < 40; request++) {
      const slots = [0, 1, 2].map((position) => ({
        itemId: `ml:${request * 3 + position}`,
        position,
        explanationKind: "picked-for-you",
        explanationText: "Picked for you.",
        propensity: 0.5,
        features: { indexes: [position, 1000 + Math.floor(random() * 500), 3000 + request], values: [1, random(), 1] },
      }));
      const impression = await store.recordImpression({ sessionId: `s${request % 4}`, createdAt: request, policy: "epsilon-greedy(0.1)", featureVersion: FEATURE_VERSION, context: {}, slots });
      observeImpression(live, impression.slots);
      for (const slot of impression.slots) {
        for (const event of events) {
          if (random() > 0.25) continue;
          const result = await store.recordFeedback({ impressionId: impression.id, itemId: slot.itemId, event, at: request });
          // Nearline: only new events update the bandit, with the events the store already had.
          if (result.status === "recorded") applyFeedback(live, { features: result.slot.features, previousEvents: result.previousEvents as FeedbackEvent[], event });
          recorded++;
          await store.recordFeedback({ impressionId: impression.id, itemId: slot.itemId, event, at: request + 1 }); // a retried POST
        }
      }
    }
    await store.saveBanditState({ state: serializeBanditState(live) as unknown as JsonValue, throughSequence: await store.lastSequence(), savedAt: 1 });
    await store.close();

    const output = execFileSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "bandit-rebuild.ts"), "--db", database.path, "--json"], { cwd: root, encoding: "utf8" });
    const report = JSON.parse(output);
    assert.equal(report.impressions, 40);
    assert.equal(report.slots, 120);
    assert.equal(report.feedback, recorded, "duplicates were never logged, so never replayed");
    assert.equal(report.previousSnapshot.largestWeightDifference, 0, "the rebuilt state equals the live one exactly");
    assert.equal(report.savedVersion, 2);

    const reopened = openSqliteStore({ path: database.path });
    try {
      const snapshot = await reopened.loadBanditState();
      assert.deepEqual(serializeBanditState(deserializeBanditState(snapshot!.state)), serializeBanditState(live));

      // Start-up path: a snapshot taken mid-log, restored, then caught up from its watermark.
      const last = await reopened.lastSequence();
      const watermark = Math.floor(last / 2);
      const early = createBanditState();
      const upToWatermark = async (afterSequence: number) => (await reopened.readEventLog({ afterSequence, limit: 7 })).filter((entry) => entry.sequence <= watermark);
      assert.equal((await catchUpFromLog(early, upToWatermark)).throughSequence, watermark);
      const restored = deserializeBanditState(JSON.parse(JSON.stringify(serializeBanditState(early))));
      const rest = await catchUpFromLog(restored, (afterSequence) => reopened.readEventLog({ afterSequence, limit: 7 }), watermark);
      assert.equal(rest.throughSequence, last);
      assert.deepEqual(serializeBanditState(restored), serializeBanditState(live), "feedback after the watermark on slots with earlier events pays only the difference");
    } finally {
      await reopened.close();
    }
  } finally {
    database.cleanup();
  }
});
