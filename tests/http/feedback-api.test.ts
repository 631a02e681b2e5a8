import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { recommendResponseSchema, type RecommendResponse } from "../../lib/pipeline/contract";
import { openSqliteStore } from "../../lib/store";
import { startNextServer, type RunningServer } from "../../support/next-server";

let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
});
after(async () => {
  await server?.stop();
});

const postJson = (route: string, body: unknown) =>
  fetch(`${server.baseUrl}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

async function ask(body: Record<string, unknown>): Promise<RecommendResponse> {
  const response = await postJson("/api/recommend", body);
  assert.equal(response.status, 200);
  return recommendResponseSchema.parse(await response.json());
}

test("feedback: 202 recorded, 202 duplicate, 404 unknown impression or item, stored in the database", async () => {
  const answer = await ask({ query: "tom hanks", limit: 4 });
  assert.ok(answer.impressionId && answer.sessionId);
  const itemId = answer.items[1].id;

  const first = await postJson("/api/feedback", { impressionId: answer.impressionId, itemId, event: "like" });
  assert.equal(first.status, 202);
  const recorded = await first.json();
  assert.equal(recorded.status, "recorded");
  assert.deepEqual(recorded.reward, { before: null, after: 1 });
  assert.deepEqual(recorded.state, { choice: "like", seen: false, clicked: false, undoable: "like" });

  const again = await postJson("/api/feedback", { impressionId: answer.impressionId, itemId, event: "like" });
  assert.equal(again.status, 202);
  assert.equal((await again.json()).status, "duplicate");

  const unknownImpression = await postJson("/api/feedback", { impressionId: "00000000-0000-4000-8000-000000000000", itemId, event: "like" });
  assert.equal(unknownImpression.status, 404);
  assert.match((await unknownImpression.json()).error.code, /^not_found:/);
  const unknownItem = await postJson("/api/feedback", { impressionId: answer.impressionId, itemId: "ml:424242424", event: "like" });
  assert.equal(unknownItem.status, 404);

  const store = openSqliteStore({ path: server.databasePath });
  try {
    const events = await store.listFeedback(answer.impressionId);
    assert.deepEqual(
      events.map((event) => [event.itemId, event.event]),
      [[itemId, "like"]],
    );
  } finally {
    await store.close();
  }
});

test("feedback: malformed bodies get 400 with a code and a message", async () => {
  const answer = await ask({ query: "heat", limit: 2 });
  const cases: unknown[] = [
    "",
    "{oops",
    "[]",
    {},
    { impressionId: answer.impressionId, itemId: answer.items[0].id },
    { impressionId: answer.impressionId, itemId: answer.items[0].id, event: "love" },
    { impressionId: 7, itemId: answer.items[0].id, event: "like" },
    { impressionId: answer.impressionId, itemId: "", event: "like" },
    { impressionId: "x".repeat(101), itemId: answer.items[0].id, event: "like" },
    { impressionId: answer.impressionId, itemId: answer.items[0].id, event: "like", eventId: 42 },
    { impressionId: answer.impressionId, itemId: answer.items[0].id, event: "like", eventId: "has spaces in it" },
    { impressionId: answer.impressionId, itemId: answer.items[0].id, event: "like", eventId: "x".repeat(201) },
  ];
  for (const body of cases) {
    const response = await postJson("/api/feedback", body);
    assert.equal(response.status, 400, `400 for ${JSON.stringify(body)}`);
    const error = (await response.json()).error;
    assert.equal(error.code, "bad_request:feedback");
    assert.ok(error.message.length > 0);
  }
});

test("nearline over HTTP: a like shapes the same session's next answer", async () => {
  const first = await ask({ query: "animation", limit: 8 });
  const sessionId = first.sessionId!;
  const liked = first.items[first.items.length - 1];
  const response = await postJson("/api/feedback", { impressionId: first.impressionId, itemId: liked.id, event: "like" });
  assert.equal(response.status, 202);
  const next = await ask({ query: "animation", limit: 8, sessionId });
  assert.ok(next.route.reasons.includes("session taste: 1 liked, 0 disliked"), next.route.reasons.join(" | "));
  assert.notDeepEqual(
    next.items.map((item) => item.id),
    first.items.map((item) => item.id),
  );
});
