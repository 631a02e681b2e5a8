import assert from "node:assert/strict";
import { test } from "node:test";
import type { UIMessageStreamWriter } from "ai";
import { writeChatTurn, type ChatMessage, type RecommendationsData } from "../../../lib/chat";
import { conversationTurnSchema, filmListText, type ConversationTurn } from "../../../lib/chat/transcript";
import { prepareConversationTurn, recordTranscript, restoreConversation } from "../../../lib/chat/transcript-turn";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { recommend } from "../../../lib/pipeline";
import { recordFeedbackEvent } from "../../../lib/pipeline/feedback";
import { isolatedEngine, request } from "../pipeline/engine-fixture";

type Chunk = Parameters<UIMessageStreamWriter<ChatMessage>["write"]>[0];

test("the list as text: one film a line, title and year", () => {
  assert.equal(
    filmListText([
      { title: "Heat", year: 1995 },
      { title: "Amélie", year: 2001 },
      { title: "Untitled", year: null },
    ]),
    "Heat (1995)\nAmélie (2001)\nUntitled",
  );
  assert.equal(filmListText([]), "");
});

test("the turn field: ask, regenerate or more with the answer's id; anything else is refused", () => {
  assert.deepEqual(conversationTurnSchema.parse({ kind: "more", answerId: "a_0192" }), { kind: "more", answerId: "a_0192" });
  for (const bad of [{ kind: "delete" }, { kind: "regenerate" }, { kind: "more", answerId: "has spaces" }, "more", null])
    assert.equal(conversationTurnSchema.safeParse(bad).success, false, JSON.stringify(bad));
});

/** One chat POST as the route runs it, into a writer that keeps what the client would receive. */
async function chatTurn(engine: Awaited<ReturnType<typeof isolatedEngine>>, query: string, turn: ConversationTurn, sessionId?: string) {
  const prepared = await prepareConversationTurn(engine, { request: request({ query, limit: 6, ...(sessionId ? { sessionId } : {}) }), question: query, turn });
  const sent: Chunk[] = [];
  const recorder = recordTranscript(engine, { write: (chunk) => void sent.push(chunk), merge: () => {}, onError: undefined }, prepared);
  await writeChatTurn(
    recorder.writer,
    { request: prepared.request, previousOpeningId: null },
    {
      recommend: (pipelineRequest, options) => recommend(pipelineRequest, engine, { ...options, rerun: prepared.rerun }),
      narrate: async () => ({ text: "On the mic tonight…", openingId: "test", source: "template" }),
      now: () => 0,
    },
  );
  assert.ok(!sent.some((chunk) => chunk.type === "finish"), "finish is held until the turn is stored");
  const stored = await recorder.commit();
  assert.equal(sent.at(-1)?.type, "finish");
  assert.deepEqual(sent[0], { type: "start", messageId: prepared.answerId });
  const cards = sent.filter((chunk) => chunk.type === "data-recommendations").at(-1) as { data: RecommendationsData };
  return { prepared, stored, items: cards.data.items, impressionId: cards.data.impressionId!, sessionId: prepared.request.sessionId! };
}

test("a conversation is stored as it streamed: reload gets the questions, the answers with their cards, and where feedback stands", async () => {
  const engine = await isolatedEngine();
  const first = await chatTurn(engine, "tom hanks", { kind: "ask" });
  assert.ok(first.stored);
  assert.match(first.sessionId, /^s_[0-9a-f]{32}$/, "a session id is made when the client sent none");
  const second = await chatTurn(engine, "older", { kind: "ask" }, first.sessionId);
  await recordFeedbackEvent(engine, { impressionId: second.impressionId, itemId: second.items[0].id, event: "like", eventId: "event-c-000001" });
  await recordFeedbackEvent(engine, { impressionId: second.impressionId, itemId: second.items[1].id, event: "seen", eventId: "event-c-000002" });
  await recordFeedbackEvent(engine, { impressionId: second.impressionId, itemId: second.items[1].id, event: "undo", eventId: "event-c-000003" });

  const restored = (await restoreConversation(engine, first.sessionId))!;
  assert.equal(restored.total, 4);
  assert.deepEqual(
    restored.messages.map((message) => message.role),
    ["user", "assistant", "user", "assistant"],
  );
  assert.deepEqual(restored.messages[0].parts, [{ type: "text", text: "tom hanks" }]);
  assert.equal(restored.messages[3].id, second.prepared.answerId, "the answer keeps the id the client was given");
  const cards = restored.messages[3].parts.find((part) => part.type === "data-recommendations")!.data as RecommendationsData;
  assert.equal(cards.stage, "final");
  assert.deepEqual(
    cards.items.map((item) => item.id),
    second.items.map((item) => item.id),
  );
  assert.ok(restored.messages[3].parts.some((part) => part.type === "data-narration"));
  assert.ok(
    restored.messages[3].parts.some((part) => part.type === "text" && part.text.length > 0),
    "the reply text",
  );
  assert.deepEqual(
    restored.feedback,
    [{ impressionId: cards.impressionId, itemId: second.items[0].id, state: { choice: "like", seen: false, clicked: false, undoable: "like" } }],
    "an undone seen it is not restored",
  );
  assert.equal(await restoreConversation(engine, "s_unknownunknownunknown"), null);
});

test("show more pages on without repeats; regenerate replaces the last answer with other films; only the last answer", async () => {
  const engine = await isolatedEngine();
  const first = await chatTurn(engine, "comedies from the 90s", { kind: "ask" });
  const more = await chatTurn(engine, "Show more", { kind: "more", answerId: first.prepared.answerId }, first.sessionId);
  assert.equal(more.prepared.request.query, "comedies from the 90s", "the stored request, not the button's words");
  assert.equal(more.prepared.turn.page, 2);
  assert.ok(more.items.length > 0);
  for (const item of more.items) assert.ok(!first.items.some((shown) => shown.id === item.id), `${item.title} repeats`);
  const evenMore = await chatTurn(engine, "Show more", { kind: "more", answerId: more.prepared.answerId }, first.sessionId);
  for (const item of evenMore.items) assert.ok(![...first.items, ...more.items].some((shown) => shown.id === item.id), `${item.title} repeats`);

  const regenerated = await chatTurn(engine, "comedies from the 90s", { kind: "regenerate", answerId: evenMore.prepared.answerId }, first.sessionId);
  assert.equal(regenerated.prepared.turn.page, 3);
  for (const item of regenerated.items) assert.ok(![...first.items, ...more.items, ...evenMore.items].some((shown) => shown.id === item.id), `${item.title} was shown before`);
  const restored = (await restoreConversation(engine, first.sessionId))!;
  assert.deepEqual(
    restored.messages.map((message) => message.role),
    ["user", "assistant", "user", "assistant", "user", "assistant"],
  );
  assert.deepEqual(restored.messages[2].parts, [{ type: "text", text: "Show more" }]);
  assert.equal(restored.messages.at(-1)!.id, regenerated.prepared.answerId, "the regenerated answer replaced the last one");

  for (const turn of [
    { kind: "regenerate", answerId: first.prepared.answerId },
    { kind: "more", answerId: more.prepared.answerId },
  ] as const) {
    await assert.rejects(
      prepareConversationTurn(engine, { request: request({ query: "x", sessionId: first.sessionId }), question: "x", turn }),
      (error: unknown) => error instanceof ReelcastError && error.code === "conflict:chat" && error.status === 409,
    );
  }
  await assert.rejects(
    prepareConversationTurn(engine, { request: request({ query: "x" }), question: "x", turn: { kind: "more", answerId: "a_1" } }),
    (error: unknown) => error instanceof ReelcastError && error.status === 400,
  );
  await assert.rejects(
    prepareConversationTurn(engine, { request: request({ query: "x", sessionId: "s_0000000000000000" }), question: "x", turn: { kind: "more", answerId: "a_1" } }),
    (error: unknown) => error instanceof ReelcastError && error.status === 404,
  );
});

test("a stopped answer is not stored, and the stream still finishes", async () => {
  const engine = await isolatedEngine();
  const prepared = await prepareConversationTurn(engine, { request: request({ query: "heat" }), question: "heat", turn: { kind: "ask" } });
  const sent: Chunk[] = [];
  const recorder = recordTranscript(engine, { write: (chunk) => void sent.push(chunk), merge: () => {}, onError: undefined }, prepared);
  recorder.writer.write({ type: "start" });
  recorder.writer.write({ type: "finish" });
  assert.equal(await recorder.commit({ skip: true }), false);
  assert.deepEqual(
    sent.map((chunk) => chunk.type),
    ["start", "finish"],
  );
  assert.equal(await restoreConversation(engine, prepared.request.sessionId!), null);
});
