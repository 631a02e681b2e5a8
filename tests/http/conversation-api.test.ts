import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { RecommendationsData } from "../../lib/chat/chat-message";
import type { RestoredConversation } from "../../lib/chat/transcript";
import { restoreSession } from "../../lib/reasoning";
import { openSqliteStore } from "../../lib/store";
import { startNextServer, type RunningServer } from "../../support/next-server";

let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
});
after(async () => {
  await server?.stop();
});

type Chunk = { type: string; messageId?: string; data?: Record<string, unknown>; errorText?: string };
const chunksOf = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Chunk);

const postJson = (base: string, route: string, body: unknown) =>
  fetch(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

/** A browser's cookie jar: the server issues the session in its cookie, as it does for the chat page. */
type Browser = { cookie: string | null };
const newBrowser = (): Browser => ({ cookie: null });
/** The session id inside the browser's cookie (the test reads the database by it). */
const sessionOf = (browser: Browser) => browser.cookie!.slice(browser.cookie!.indexOf("=") + 1);

let questions = 0;
/** One chat POST as the browser sends it; the answer's id (the stream's messageId) and its final cards. */
async function chat(base: string, browser: Browser, text: string, turn?: unknown) {
  const response = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(browser.cookie ? { cookie: browser.cookie } : {}) },
    body: JSON.stringify({ id: "chat", messages: [{ id: `q${++questions}`, role: "user", parts: [{ type: "text", text }] }], limit: 5, ...(turn ? { turn } : {}) }),
  });
  const setCookie = response.headers.get("set-cookie");
  if (setCookie) browser.cookie = setCookie.split(";")[0];
  if (response.status !== 200) return { status: response.status, body: await response.json(), answerId: "", cards: null as RecommendationsData | null };
  const chunks = chunksOf(await response.text());
  assert.equal(chunks.at(-1)?.type, "finish", chunks.map((chunk) => chunk.type).join(" "));
  const cards = chunks.filter((chunk) => chunk.type === "data-recommendations").at(-1)!.data as unknown as RecommendationsData;
  return { status: 200, body: null, answerId: chunks[0].messageId!, cards };
}

/** GET /api/conversations/current with the browser's cookie, or /api/conversations/:id for an id. */
const restore = async (base: string, target: Browser | string) => {
  const response =
    typeof target === "string" ? await fetch(`${base}/api/conversations/${target}`) : await fetch(`${base}/api/conversations/current`, { headers: target.cookie ? { cookie: target.cookie } : {} });
  return { status: response.status, body: (await response.json()) as RestoredConversation & { error?: { code: string; message: string } } };
};

test("a reload gets the conversation back: questions, answers with their cards and reply, and where feedback stands", async () => {
  const browser = newBrowser();
  const first = await chat(server.baseUrl, browser, "tom hanks");
  const second = await chat(server.baseUrl, browser, "something older");
  assert.match(first.answerId, /^a_/);
  const liked = second.cards!.items[0];
  const feedback = await postJson(server.baseUrl, "/api/feedback", { impressionId: second.cards!.impressionId, itemId: liked.id, event: "like", eventId: "http-event-000001" });
  assert.equal(feedback.status, 202);

  const { status, body } = await restore(server.baseUrl, browser);
  assert.equal(status, 200);
  assert.equal(body.total, 4);
  assert.deepEqual(
    body.messages.map((message) => message.role),
    ["user", "assistant", "user", "assistant"],
  );
  assert.deepEqual(body.messages[2].parts, [{ type: "text", text: "something older" }]);
  assert.deepEqual([body.messages[1].id, body.messages[3].id], [first.answerId, second.answerId], "answers keep the ids the stream gave them");
  const cards = body.messages[3].parts.find((part) => part.type === "data-recommendations")!.data as RecommendationsData;
  assert.deepEqual(
    cards.items.map((item) => item.id),
    second.cards!.items.map((item) => item.id),
  );
  assert.ok(
    body.messages[3].parts.some((part) => part.type === "text" && part.text.length > 0),
    "the reply text",
  );
  assert.deepEqual(body.feedback, [{ impressionId: second.cards!.impressionId, itemId: liked.id, state: { choice: "like", seen: false, clicked: false, undoable: "like" } }]);
});

test("show more is the next page of the same request with no repeats; regenerate replaces the last answer; stale ids are 409", async () => {
  const browser = newBrowser();
  const first = await chat(server.baseUrl, browser, "comedies from the 90s");
  const more = await chat(server.baseUrl, browser, "Show more", { kind: "more", answerId: first.answerId });
  assert.equal(more.cards!.query, "comedies from the 90s");
  assert.equal(more.cards!.items.length, 5);
  assert.deepEqual(
    more.cards!.items.filter((item) => first.cards!.items.some((shown) => shown.id === item.id)),
    [],
    "no repeats",
  );
  const regenerated = await chat(server.baseUrl, browser, "Show more", { kind: "regenerate", answerId: more.answerId });
  assert.equal(regenerated.status, 200);
  assert.deepEqual(
    regenerated.cards!.items.filter((item) => [...first.cards!.items, ...more.cards!.items].some((shown) => shown.id === item.id)),
    [],
    "other films",
  );

  const { body } = await restore(server.baseUrl, browser);
  assert.deepEqual(body.messages.map((message) => message.id).slice(-1), [regenerated.answerId]);
  assert.equal(body.total, 4, "regenerate replaced, it did not append");

  for (const turn of [
    { kind: "more", answerId: first.answerId },
    { kind: "regenerate", answerId: more.answerId },
  ]) {
    const stale = await chat(server.baseUrl, browser, "Show more", turn);
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, "conflict:chat");
    assert.match(stale.body.error.message, /last answer/);
  }
  const unknown = await chat(server.baseUrl, newBrowser(), "Show more", { kind: "more", answerId: "a_1" });
  assert.equal(unknown.status, 404);
});

test("bad conversation input is a 400 or 404 with a code and a message, never a 500", async () => {
  const cases: Array<[string, unknown, number]> = [
    ["/api/chat", { messages: [{ role: "user", parts: [{ type: "text", text: "heat" }] }], turn: { kind: "rewind" } }, 400],
    ["/api/chat", { messages: [{ role: "user", parts: [{ type: "text", text: "heat" }] }], turn: { kind: "more", answerId: "has spaces" } }, 400],
    // Without a session (no cookie, no id) there is no conversation to continue.
    ["/api/chat", { messages: [{ role: "user", parts: [{ type: "text", text: "heat" }] }], turn: { kind: "more", answerId: "a_1" } }, 404],
    ["/api/chat", { messages: [{ role: "user", parts: [{ type: "text", text: "heat" }] }], turn: "more" }, 400],
  ];
  for (const [route, body, status] of cases) {
    const response = await postJson(server.baseUrl, route, body);
    assert.equal(response.status, status, JSON.stringify(body));
    const error = (await response.json()).error;
    assert.match(error.code, status === 404 ? /^not_found:session$/ : /^bad_request:/);
    assert.ok(error.message.length > 0);
  }
  for (const [id, status, code] of [
    ["short", 400, "bad_request:session"],
    ["has%20spaces%20in%20it%20x", 400, "bad_request:session"],
    [`x${"y".repeat(70)}`, 400, "bad_request:session"],
    ["http-conversation-never", 404, "not_found:session"],
  ] as const) {
    const { status: got, body } = await restore(server.baseUrl, id);
    assert.equal(got, status, id);
    assert.equal(body.error?.code, code);
  }
});

test("feedback over HTTP: like → undo → like with event ids is three events; the same id is stored once; switching to skip is what the server keeps", async () => {
  const browser = newBrowser();
  const answer = await chat(server.baseUrl, browser, "heat");
  const target = { impressionId: answer.cards!.impressionId, itemId: answer.cards!.items[1].id };
  const send = async (event: string, eventId: string) => {
    const response = await postJson(server.baseUrl, "/api/feedback", { ...target, event, eventId });
    return { status: response.status, body: await response.json() };
  };
  const like = await send("like", "http-event-100001");
  const undo = await send("undo", "http-event-100002");
  const again = await send("like", "http-event-100003");
  assert.deepEqual([like.status, undo.status, again.status], [202, 202, 202]);
  assert.deepEqual([like.body.status, undo.body.status, again.body.status], ["recorded", "recorded", "recorded"]);
  assert.equal(undo.body.state.choice, null);
  const retry = await send("like", "http-event-100003");
  assert.deepEqual([retry.status, retry.body.status, retry.body.sequence], [202, "duplicate", again.body.sequence]);
  const reused = await send("skip", "http-event-100003");
  assert.equal(reused.status, 409);
  assert.equal(reused.body.error.code, "conflict:feedback");
  const skip = await send("skip", "http-event-100004");
  assert.deepEqual(skip.body.state, { choice: "skip", seen: false, clicked: false, undoable: "skip" });
  assert.deepEqual(skip.body.reward, { before: 1, after: 0 });
  const bad = await postJson(server.baseUrl, "/api/feedback", { ...target, event: "like", eventId: "short" });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, "bad_request:feedback");

  const store = openSqliteStore({ path: server.databasePath });
  try {
    const events = await store.listFeedback(target.impressionId!);
    assert.deepEqual(
      events.map((event) => [event.event, event.clientEventId]),
      [
        ["like", "http-event-100001"],
        ["undo", "http-event-100002"],
        ["like", "http-event-100003"],
        ["skip", "http-event-100004"],
      ],
    );
    const session = restoreSession((await store.getSession(sessionOf(browser)))!.state);
    assert.deepEqual([session.liked.includes(target.itemId), session.disliked.includes(target.itemId)], [false, true], "the session keeps the skip");
  } finally {
    await store.close();
  }
  const { body } = await restore(server.baseUrl, browser);
  assert.equal(body.feedback.find((entry) => entry.itemId === target.itemId)?.state.choice, "skip");
  const next = await chat(server.baseUrl, browser, "heat");
  assert.ok(!next.cards!.items.some((item) => item.id === target.itemId), "a skipped film is not shown again");
});

test("a finished answer survives kill -9 of the server right after it", async () => {
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-conversation-kill-"));
  const databasePath = path.join(directory, "reelcast.sqlite");
  const crashing = await startNextServer({ REELCAST_DB_PATH: databasePath, OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
  try {
    const browser = newBrowser();
    const answers = [];
    for (const text of ["alien", "older", "no horror"]) answers.push(await chat(crashing.baseUrl, browser, text));
    crashing.kill("SIGKILL");
    await new Promise((resolve) => (crashing.process.exitCode !== null || crashing.process.signalCode !== null ? resolve(null) : crashing.process.once("exit", resolve)));
    const store = openSqliteStore({ path: databasePath });
    try {
      const { messages } = await store.listConversation(sessionOf(browser));
      assert.deepEqual(
        messages.map((message) => message.id).filter((id) => id.startsWith("a_")),
        answers.map((answer) => answer.answerId),
        "every finished answer was stored before it finished",
      );
    } finally {
      await store.close();
    }
  } finally {
    await crashing.stop();
    rmSync(directory, { recursive: true, force: true });
  }
});

test("sessions are the server's: the browser gets an HttpOnly SameSite cookie, never the id in the stream; a made-up id is never created", async () => {
  const response = await postJson(server.baseUrl, "/api/chat", { messages: [{ id: "q-cookie", role: "user", parts: [{ type: "text", text: "heat" }] }], limit: 3 });
  const cookie = response.headers.get("set-cookie") ?? "";
  assert.match(cookie, /^reelcast_session=s_[0-9a-f]{32}; Path=\/api; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
  const cards = chunksOf(await response.text())
    .filter((chunk) => chunk.type === "data-recommendations")
    .at(-1)!.data as unknown as RecommendationsData;
  assert.equal(cards.sessionId, null, "the stream does not carry the cookie's id");

  // An API client's made-up id starts a new session under a new id; the made-up one stays unknown.
  const planted = "aaaaaaaaaaaaaaaa";
  const answered = await postJson(server.baseUrl, "/api/recommend", { query: "heat", limit: 3, sessionId: planted });
  const answer = (await answered.json()) as { sessionId: string };
  assert.match(answer.sessionId, /^s_[0-9a-f]{32}$/);
  assert.notEqual(answer.sessionId, planted);
  assert.equal((await restore(server.baseUrl, planted)).status, 404);
  // The issued id is continued.
  const again = (await (await postJson(server.baseUrl, "/api/recommend", { query: "older", limit: 3, sessionId: answer.sessionId })).json()) as { sessionId: string };
  assert.equal(again.sessionId, answer.sessionId);

  // "New chat" starts a new session even with a cookie, and sets the new cookie.
  const fresh = await fetch(`${server.baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: cookie.split(";")[0] },
    body: JSON.stringify({ messages: [{ id: "q-new", role: "user", parts: [{ type: "text", text: "alien" }] }], limit: 3, newConversation: true }),
  });
  await fresh.text();
  const next = fresh.headers.get("set-cookie") ?? "";
  assert.match(next, /^reelcast_session=s_[0-9a-f]{32};/);
  assert.notEqual(next.split(";")[0], cookie.split(";")[0]);
});
