import assert from "node:assert/strict";
import { test } from "node:test";
import { predictEngagement } from "../../../lib/bandit";
import { recommend } from "../../../lib/pipeline";
import { recordFeedbackEvent } from "../../../lib/pipeline/feedback";
import { restoreSession } from "../../../lib/reasoning";
import { StoreConflictError } from "../../../lib/store";
import { isolatedEngine, request } from "./engine-fixture";

const storedSession = async (engine: Awaited<ReturnType<typeof isolatedEngine>>, sessionId: string) => restoreSession((await engine.store!.getSession(sessionId))!.state);

test("switching a like to a skip: the server, the session and the bandit all hold the skip", async () => {
  const engine = await isolatedEngine();
  const answer = await recommend(request({ query: "tom hanks", limit: 5 }), engine);
  const item = answer.items[2];
  const slot = (await engine.store!.getImpression(answer.impressionId!)).slots.find((each) => each.itemId === item.id)!;
  const before = predictEngagement(engine.bandit!.state.model, slot.features);

  const like = await recordFeedbackEvent(engine, { impressionId: answer.impressionId!, itemId: item.id, event: "like", eventId: "event-like-0001" });
  assert.deepEqual(like.state, { choice: "like", seen: false, clicked: false, undoable: "like" });
  assert.deepEqual((await storedSession(engine, answer.sessionId!)).liked, [item.id]);
  const liked = predictEngagement(engine.bandit!.state.model, slot.features);
  assert.ok(liked > before);

  const skip = await recordFeedbackEvent(engine, { impressionId: answer.impressionId!, itemId: item.id, event: "skip", eventId: "event-skip-0002" });
  assert.equal(skip.status, "recorded");
  assert.deepEqual(skip.reward, { before: 1, after: 0 });
  assert.deepEqual(skip.state, { choice: "skip", seen: false, clicked: false, undoable: "skip" });
  const session = await storedSession(engine, answer.sessionId!);
  assert.deepEqual([session.liked, session.disliked], [[], [item.id]], "the session keeps the skip, not the like");
  assert.ok(predictEngagement(engine.bandit!.state.model, slot.features) < before, "the bandit's label for the slot is a 0 now");
});

test("like → undo → like: three events with three ids; the same id again is stored once; a reused id is refused", async () => {
  const engine = await isolatedEngine();
  const answer = await recommend(request({ query: "heat", limit: 4 }), engine);
  const target = { impressionId: answer.impressionId!, itemId: answer.items[1].id };
  const first = await recordFeedbackEvent(engine, { ...target, event: "like", eventId: "event-a-000001" });
  const undo = await recordFeedbackEvent(engine, { ...target, event: "undo", eventId: "event-a-000002" });
  assert.deepEqual(undo.state, { choice: null, seen: false, clicked: false, undoable: null });
  assert.deepEqual((await storedSession(engine, answer.sessionId!)).liked, [], "undone: not liked");
  const again = await recordFeedbackEvent(engine, { ...target, event: "like", eventId: "event-a-000003" });
  assert.deepEqual([first.status, undo.status, again.status], ["recorded", "recorded", "recorded"]);
  const retry = await recordFeedbackEvent(engine, { ...target, event: "like", eventId: "event-a-000003" });
  assert.equal(retry.status, "duplicate");
  assert.equal(retry.sequence, again.sequence);
  assert.deepEqual(retry.state, again.state, "a retry reports where the card stands");
  assert.equal(engine.bandit!.state.feedbackEvents, 3, "the retry trains nothing");
  assert.deepEqual(
    (await engine.store!.listFeedback(answer.impressionId!)).map((event) => event.event),
    ["like", "undo", "like"],
  );
  assert.deepEqual((await storedSession(engine, answer.sessionId!)).liked, [target.itemId]);
  await assert.rejects(recordFeedbackEvent(engine, { ...target, event: "skip", eventId: "event-a-000003" }), StoreConflictError);
});

test("liked and seen films are not recommended again in the session, unless asked for by name", async () => {
  const engine = await isolatedEngine();
  const first = await recommend(request({ query: "science fiction", limit: 8 }), engine);
  const sessionId = first.sessionId!;
  const [liked, seen, skippedThenUndone] = first.items;
  await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: liked.id, event: "like", eventId: "event-b-000001" });
  await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: seen.id, event: "seen", eventId: "event-b-000002" });
  await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: skippedThenUndone.id, event: "skip", eventId: "event-b-000003" });
  await recordFeedbackEvent(engine, { impressionId: first.impressionId!, itemId: skippedThenUndone.id, event: "undo", eventId: "event-b-000004" });
  const session = await storedSession(engine, sessionId);
  assert.deepEqual([session.liked, session.seen, session.disliked], [[liked.id], [seen.id], []]);

  for (const query of ["science fiction", "sci-fi from the 80s and 90s"]) {
    const next = await recommend(request({ query, limit: 8, sessionId }), engine);
    const ids = next.items.map((item) => item.id);
    assert.ok(!ids.includes(liked.id) && !ids.includes(seen.id), `${query}: ${next.items.map((item) => item.title).join(", ")}`);
    assert.ok(
      next.route.reasons.some((reason) => reason.startsWith("not shown again: 2")),
      next.route.reasons.join(" | "),
    );
  }
  const byName = await recommend(request({ query: liked.title, limit: 3, sessionId }), engine);
  assert.equal(byName.items[0].id, liked.id, `asked for by name: ${liked.title}`);
});

test("a rerun reads its request from the session it was made from: the next page repeats nothing; a regenerated turn replaces the last", async () => {
  const engine = await isolatedEngine();
  const first = await recommend(request({ query: "a sci-fi movie that feels like Blade Runner but was made in the 90s", limit: 6 }), engine);
  const sessionId = first.sessionId!;
  const before = await storedSession(engine, sessionId);
  const older = await recommend(request({ query: "older", limit: 6, sessionId }), engine);
  const afterOlder = await storedSession(engine, sessionId);
  assert.equal(afterOlder.turns, 2);

  // "show more" of "older": the same request, from the session "older" was answered from.
  const more = await recommend(request({ query: "older", limit: 6, sessionId }), engine, { rerun: { session: before, excludeItemIds: older.items.map((item) => item.id), replacesLastTurn: false } });
  assert.deepEqual(more.constraints?.years, older.constraints?.years, "older than the first answer, not older than older");
  assert.ok(more.items.length > 0);
  for (const item of more.items) assert.ok(!older.items.some((shown) => shown.id === item.id), `${item.title} was not on the first page`);
  assert.deepEqual(
    (await storedSession(engine, sessionId)).lastItemIds,
    more.items.map((item) => item.id),
  );

  // Regenerating the page from the same starting point replaces its turn, with other films.
  const regenerated = await recommend(request({ query: "older", limit: 6, sessionId }), engine, {
    rerun: { session: before, excludeItemIds: older.items.map((item) => item.id), setAsideItemIds: more.items.map((item) => item.id), replacesLastTurn: true },
  });
  assert.deepEqual(regenerated.constraints?.years, older.constraints?.years);
  for (const item of regenerated.items) assert.ok(![...older.items, ...more.items].some((shown) => shown.id === item.id), `${item.title} is new`);
  const after = await storedSession(engine, sessionId);
  assert.equal(after.turns, 2, "the regenerated turn replaced the one before it");
  assert.deepEqual(after.requests, [...before.requests, "older"]);
});

test("regenerating a title lookup keeps the film asked for, with other films after it", async () => {
  const engine = await isolatedEngine();
  const first = await recommend(request({ query: "blade runner", limit: 5 }), engine);
  assert.equal(first.items[0].title, "Blade Runner");
  const again = await recommend(request({ query: "blade runner", limit: 5, sessionId: first.sessionId! }), engine, {
    rerun: { session: (await import("../../../lib/reasoning")).emptySession(), excludeItemIds: [], setAsideItemIds: first.items.map((item) => item.id), replacesLastTurn: true },
  });
  assert.equal(again.items[0].title, "Blade Runner");
  assert.ok(
    again.items.slice(1).every((item) => !first.items.some((shown) => shown.id === item.id)),
    again.items.map((item) => item.title).join(", "),
  );
});
