import assert from "node:assert/strict";
import { test } from "node:test";
import { recommend } from "../../../lib/pipeline";
import { recordFeedbackEvent } from "../../../lib/pipeline/feedback";
import { parseConstraints } from "../../../lib/reasoning";
import { StoreNotFoundError } from "../../../lib/store";
import { isolatedEngine, request } from "./engine-fixture";

test("a first request gets a new unguessable session id and a stored impression with exact propensities", async () => {
  const engine = await isolatedEngine();
  const response = await recommend(request({ query: "tom hanks", limit: 5 }), engine);
  assert.match(response.sessionId ?? "", /^s_[0-9a-f]{32}$/);
  assert.ok(response.impressionId);
  assert.equal(response.items.length, 5);
  for (const item of response.items) assert.ok(item.explanation && item.explanation.text.length > 10, `${item.title} has an explanation`);
  const impression = await engine.store!.getImpression(response.impressionId!);
  assert.equal(impression.sessionId, response.sessionId);
  assert.deepEqual(
    impression.slots.map((slot) => slot.itemId),
    response.items.map((item) => item.id),
  );
  assert.deepEqual(
    impression.slots.map((slot) => slot.explanationKind),
    response.items.map((item) => item.explanation!.kind),
  );
  for (const slot of impression.slots) assert.ok(slot.propensity > 0 && slot.propensity <= 1, `propensity ${slot.propensity}`);
  assert.equal(engine.bandit!.state.impressions, 1);
  const stored = await engine.store!.getSession(response.sessionId!);
  assert.deepEqual(
    stored?.state.lastItemIds,
    response.items.map((item) => item.id),
  );
});

test("a title lookup keeps the film asked for on top (no exploration on navigational requests)", async () => {
  const engine = await isolatedEngine({ bandit: { ...(await isolatedEngine()).bandit!, policy: { kind: "random" } } });
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await recommend(request({ query: "blade runer", limit: 5 }), engine);
    assert.equal(response.items[0].title, "Blade Runner");
  }
});

test("follow-ups refine the previous answer through the stored session", async () => {
  const engine = await isolatedEngine();
  const first = await recommend(request({ query: "a sci-fi movie that feels like Blade Runner but was made in the 90s", limit: 6 }), engine);
  const sessionId = first.sessionId!;
  assert.equal(first.route.path, "reasoning");
  const firstConstraints = parseConstraints(first.constraints);
  assert.deepEqual([firstConstraints.years?.from, firstConstraints.years?.to], [1990, 1999]);

  const noHorror = await recommend(request({ query: "no horror", sessionId, limit: 6 }), engine);
  const noHorrorConstraints = parseConstraints(noHorror.constraints);
  assert.ok(noHorror.route.reasons.includes("follow-up to the previous request"), noHorror.route.reasons.join(" | "));
  assert.ok(noHorrorConstraints.excludeGenres.some((entry) => entry.genre === "Horror"));
  assert.deepEqual([noHorrorConstraints.years?.from, noHorrorConstraints.years?.to], [1990, 1999], "the decade carries over");
  for (const item of noHorror.items) assert.ok(!item.genres.includes("Horror"), `${item.title} is not horror`);

  const older = await recommend(request({ query: "older", sessionId, limit: 6 }), engine);
  const olderConstraints = parseConstraints(older.constraints);
  assert.equal(olderConstraints.years?.to, 1989);
  for (const item of older.items) assert.ok(item.year !== null && item.year < 1990, `${item.title} (${item.year}) is older`);

  const second = older.items[1];
  const moreLike = await recommend(request({ query: "more like the second one", sessionId, limit: 6 }), engine);
  const moreLikeConstraints = parseConstraints(moreLike.constraints);
  assert.deepEqual(
    moreLikeConstraints.references.map((reference) => reference.itemId),
    [second.id],
  );
  assert.ok(!moreLike.items.some((item) => older.items.some((shown) => shown.id === item.id)), "what was shown is not shown again");
});

test("nearline: a like is stored, moves the bandit and changes the next slate of the same session", async () => {
  const engine = await isolatedEngine();
  const first = await recommend(request({ query: "comedy", limit: 8 }), engine);
  const sessionId = first.sessionId!;
  const again = await recommend(request({ query: "comedy", sessionId, limit: 8 }), engine);
  const liked = again.items.find((item) => item.genres.includes("Animation")) ?? again.items[again.items.length - 1];

  const feedback = await recordFeedbackEvent(engine, { impressionId: again.impressionId!, itemId: liked.id, event: "like" });
  assert.equal(feedback.status, "recorded");
  assert.deepEqual(feedback.reward, { before: null, after: 1 });
  assert.equal(engine.bandit!.state.feedbackEvents, 1);

  const after = await recommend(request({ query: "comedy", sessionId, limit: 8 }), engine);
  assert.ok(after.route.reasons.includes("session taste: 1 liked, 0 disliked"), after.route.reasons.join(" | "));
  assert.notDeepEqual(
    after.items.map((item) => item.id),
    again.items.map((item) => item.id),
    "the like changed the slate",
  );
});

test("a dismissed film is not shown again in the session; feedback is idempotent; unknown ids are refused", async () => {
  const engine = await isolatedEngine();
  const first = await recommend(request({ query: "tom hanks", limit: 5 }), engine);
  const dismissed = first.items[0];
  const once = await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: dismissed.id, event: "dismiss" });
  const twice = await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: dismissed.id, event: "dismiss" });
  assert.equal(once.status, "recorded");
  assert.equal(twice.status, "duplicate");
  assert.equal(twice.sequence, once.sequence);
  assert.equal(engine.bandit!.state.feedbackEvents, 1, "a duplicate does not train twice");
  const next = await recommend(request({ query: "tom hanks", sessionId: first.sessionId!, limit: 5 }), engine);
  assert.ok(!next.items.some((item) => item.id === dismissed.id));

  await assert.rejects(recordFeedbackEvent(engine, { impressionId: "no-such-impression", itemId: dismissed.id, event: "like" }), StoreNotFoundError);
  await assert.rejects(recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: "ml:999999999", event: "like" }), StoreNotFoundError);
});

test("a restarted server restores exactly the bandit state the requests and feedback built (snapshot + log)", async () => {
  const { restoreBanditState } = await import("../../../lib/server/bandit-persistence");
  const { followBanditLog } = await import("../../../lib/server/bandit-log-follower");
  const { serializeBanditState } = await import("../../../lib/bandit");
  const engine = await isolatedEngine();
  const follower = followBanditLog(engine.store!, engine.bandit!.state, 0);
  engine.bandit!.log = follower;
  const first = await recommend(request({ query: "heat", limit: 5 }), engine);
  await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: first.items[1].id, event: "click" });
  // A snapshot midway, then more traffic after it: restore = snapshot + the log after it.
  const saved = await follower.snapshot(1);
  assert.ok(saved !== null && saved > 0);
  assert.equal(await follower.snapshot(2), null, "nothing new: no second snapshot");
  const second = await recommend(request({ query: "alien", limit: 5, sessionId: first.sessionId! }), engine);
  await recordFeedbackEvent(engine, { impressionId: second.impressionId!, itemId: second.items[0].id, event: "like" });
  await recordFeedbackEvent(engine, { impressionId: second.impressionId!, itemId: second.items[0].id, event: "play" });
  const restored = await restoreBanditState(engine.store!);
  assert.match(restored.note, /^snapshot v1 through event \d+$/);
  assert.equal(restored.replay.impressions, 1);
  assert.equal(restored.replay.feedback, 2);
  // The live state learns from the log too: after its catch-up both hold the same events.
  await follower.catchUp();
  assert.equal(engine.bandit!.state.impressions, 2);
  assert.equal(engine.bandit!.state.feedbackEvents, 3);
  assert.deepEqual(serializeBanditState(restored.state), serializeBanditState(engine.bandit!.state));
});

test("server processes sharing one database hold the same bandit state (each follows the event log)", async () => {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const { openSqliteStore } = await import("../../../lib/store");
  const { followBanditLog } = await import("../../../lib/server/bandit-log-follower");
  const { createBanditState, createSeededRandom, serializeBanditState } = await import("../../../lib/bandit");
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-cluster-"));
  const file = path.join(directory, "shared.sqlite");
  const worker = async (seed: number) => {
    const engine = await isolatedEngine({ store: openSqliteStore({ path: file, synchronous: "NORMAL" }) });
    const state = createBanditState();
    engine.bandit = { ...engine.bandit!, state, random: createSeededRandom(seed), log: followBanditLog(engine.store!, state, 0) };
    return engine;
  };
  try {
    const [a, b] = [await worker(1), await worker(2)];
    // Interleaved traffic: requests and feedback land on either process, concurrently.
    const answers = await Promise.all([
      recommend(request({ query: "heat", limit: 5 }), a),
      recommend(request({ query: "alien", limit: 5 }), b),
      recommend(request({ query: "toy story", limit: 5 }), a),
    ]);
    await recordFeedbackEvent(b, { impressionId: answers[0].impressionId!, itemId: answers[0].items[0].id, event: "like" });
    await recordFeedbackEvent(a, { impressionId: answers[1].impressionId!, itemId: answers[1].items[2].id, event: "skip" });
    await recordFeedbackEvent(a, { impressionId: answers[1].impressionId!, itemId: answers[1].items[2].id, event: "skip" }); // a retry: a no-op
    await Promise.all([recommend(request({ query: "pixar", limit: 5 }), b), recommend(request({ query: "tom hanks", limit: 5 }), a)]);
    await Promise.all([a.bandit!.log!.catchUp(), b.bandit!.log!.catchUp()]);
    for (const engine of [a, b]) {
      assert.equal(engine.bandit!.state.impressions, 5, "every impression applied once, whoever stored it");
      assert.equal(engine.bandit!.state.feedbackEvents, 2, "every event applied once; the duplicate not at all");
    }
    assert.deepEqual(serializeBanditState(a.bandit!.state), serializeBanditState(b.bandit!.state));
    // And both equal a fresh replay of the whole log (what a restart would build).
    const rebuilt = createBanditState();
    await followBanditLog(a.store!, rebuilt, 0).catchUp();
    assert.deepEqual(serializeBanditState(rebuilt), serializeBanditState(a.bandit!.state));
    await a.store!.close();
    await b.store!.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test("a single server process applies its own writes from memory: following the log reads nothing back", async () => {
  const { followBanditLog } = await import("../../../lib/server/bandit-log-follower");
  const engine = await isolatedEngine();
  const store = engine.store!;
  let entriesRead = 0;
  const counting = {
    ...store,
    readEventLog: async (options?: { afterSequence?: number; limit?: number }) => {
      const entries = await store.readEventLog(options);
      entriesRead += entries.length;
      return entries;
    },
  };
  engine.store = counting;
  engine.bandit!.log = followBanditLog(counting, engine.bandit!.state, 0);
  const first = await recommend(request({ query: "heat", limit: 5 }), engine);
  await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: first.items[0].id, event: "like" });
  await recommend(request({ query: "alien", limit: 5, sessionId: first.sessionId! }), engine);
  assert.equal(engine.bandit!.state.impressions, 2);
  assert.equal(engine.bandit!.state.feedbackEvents, 1);
  assert.equal(entriesRead, 0, "every entry was applied as it was written");
});
