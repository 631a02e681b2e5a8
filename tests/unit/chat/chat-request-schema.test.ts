import assert from "node:assert/strict";
import { test } from "node:test";
import { CHAT_DEFAULT_LIMIT, chatRequestSchema } from "../../../app/api/chat/schema";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { describeIssues, parseRequestBody } from "../../../lib/server/parse-request-body";

const user = (text: string, id = "m1") => ({ id, role: "user", parts: [{ type: "text", text }] });

test("DefaultChatTransport's body becomes a pipeline request with defaults", () => {
  const turn = chatRequestSchema.parse({ id: "chat-1", messages: [user("blade runner")], trigger: "submit-message", messageId: undefined, unknown: 1 });
  assert.deepEqual(turn, {
    request: { query: "blade runner", limit: CHAT_DEFAULT_LIMIT, maxCount: 24, route: "auto" },
    previousOpeningId: null,
    newConversation: false,
    question: "blade runner",
    turn: { kind: "ask" },
  });
});

test("the last user message's text parts are the query; the rest of the transcript is context", () => {
  const turn = chatRequestSchema.parse({
    messages: [
      user("heat"),
      {
        id: "a1",
        role: "assistant",
        parts: [
          { type: "data-recommendations", data: { items: [] } },
          { type: "text", text: "8 picks" },
        ],
      },
      {
        id: "m2",
        role: "user",
        parts: [
          { type: "text", text: "older" },
          { type: "file", url: "x", mediaType: "image/png" },
          { type: "text", text: "no horror" },
        ],
      },
    ],
    sessionId: "abcdefghijklmnop1234",
    limit: 5,
    route: "reasoning",
    discovery: 0.5,
    narration: { previousOpeningId: "night-owls" },
    turn: { kind: "more", answerId: "a_0192" },
  });
  assert.deepEqual(turn, {
    request: { query: "older\nno horror", limit: 5, sessionId: "abcdefghijklmnop1234", route: "reasoning", discovery: 0.5 },
    previousOpeningId: "night-owls",
    newConversation: false,
    question: "older\nno horror",
    turn: { kind: "more", answerId: "a_0192" },
  });
});

test("bad bodies are refused with a message that says what to fix", () => {
  const cases: Array<[unknown, RegExp]> = [
    [{}, /messages must be an array/],
    [{ messages: [] }, /at least one message/],
    [{ messages: "hi" }, /messages must be an array/],
    [{ messages: [{ role: "assistant", parts: [{ type: "text", text: "hi" }] }] }, /must include a user message/],
    [{ messages: [{ role: "robot", parts: [] }] }, /role must be system, user or assistant/],
    [{ messages: [{ role: "user", parts: [] }] }, /last user message: text must not be empty/],
    [{ messages: [user("   \n ")] }, /text must not be empty/],
    [{ messages: [user("x".repeat(2001))] }, /at most 2000 characters/],
    [{ messages: [user("heat")], sessionId: "short" }, /sessionId/],
    [{ messages: [user("heat")], limit: 0 }, /limit must be at least 1/],
    [{ messages: [user("heat")], limit: 25 }, /limit must be at most 24/],
    [{ messages: [user("heat")], limit: 2.5 }, /whole number/],
    [{ messages: [user("heat")], route: "slow" }, /route/],
    [{ messages: [user("heat")], narration: { previousOpeningId: "x".repeat(65) } }, /previousOpeningId/],
    [{ messages: [user("heat")], turn: { kind: "rewind" } }, /turn must be/],
    [{ messages: [user("heat")], turn: { kind: "regenerate", answerId: "" } }, /answerId/],
  ];
  for (const [body, message] of cases) {
    const result = chatRequestSchema.safeParse(body);
    assert.ok(!result.success, JSON.stringify(body).slice(0, 60));
    assert.match(describeIssues(result.error), message, JSON.stringify(body).slice(0, 60));
  }
  assert.ok(chatRequestSchema.safeParse({ messages: [user("x".repeat(2000))] }).success);
});

test("through parseRequestBody: a 400 with code bad_request:chat", async () => {
  const post = (body: string) => new Request("http://localhost/api/chat", { method: "POST", body });
  for (const body of ["", "[]", JSON.stringify({ messages: [user("")] })]) {
    await assert.rejects(parseRequestBody(post(body), chatRequestSchema, "chat"), (error: unknown) => {
      assert.ok(error instanceof ReelcastError);
      assert.equal(error.code, "bad_request:chat");
      assert.equal(error.status, 400);
      return true;
    });
  }
});
