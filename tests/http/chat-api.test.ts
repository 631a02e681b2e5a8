import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { findExecutable } from "../../lib/narration/espeak-synthesizer";
import { startNextServer, type RunningServer } from "../../support/next-server";

let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
});
after(async () => {
  await server?.stop();
});

const post = (path: string, body: string) => fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
const chunksOf = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as { type: string; data?: Record<string, unknown>; delta?: string });

test("POST /api/chat streams route decision, the reply text around the recommendations, and narration, as UTF-8", async () => {
  const response = await post("/api/chat", JSON.stringify({ id: "chat", messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "toy story" }] }], limit: 4 }));
  assert.equal(response.status, 200);
  // The character set is stated, so clients that decode the body as text read "Amélie" right.
  assert.equal(response.headers.get("content-type"), "text/event-stream; charset=utf-8");
  const chunks = chunksOf(await response.text());
  const types = chunks.map((chunk) => chunk.type);
  assert.deepEqual(types.slice(0, 5), ["start", "data-route-decision", "text-start", "text-delta", "data-recommendations"]);
  assert.deepEqual(types.slice(-3), ["text-end", "data-narration", "finish"]);
  const reply = chunks
    .filter((chunk) => chunk.type === "text-delta")
    .map((chunk) => chunk.delta)
    .join("");
  assert.match(reply, /^(Here's Toy Story \(1995\)|Toy Story \(1995\) it is), (and|plus) three/);
  const recommendations = chunks[4].data as { items: Array<{ title: string }>; sessionId: string | null; stage: string };
  assert.equal(recommendations.items.length, 4);
  // The browser's session travels in its HttpOnly cookie, not in the stream.
  assert.equal(recommendations.sessionId, null);
  assert.match(response.headers.get("set-cookie") ?? "", /^reelcast_session=s_[0-9a-f]{32};.* HttpOnly; SameSite=Strict/);
  assert.equal(recommendations.stage, "final");
  const narration = chunks.at(-2)!.data as { text: string; source: string };
  assert.equal(narration.source, "template");
  assert.ok(narration.text.includes(recommendations.items[0].title));
});

test("bad chat bodies get 400 bad_request:chat, never a 500", async () => {
  const bodies = [
    "",
    "{",
    "[]",
    "{}",
    JSON.stringify({ messages: [] }),
    JSON.stringify({ messages: [{ role: "user", parts: [{ type: "text", text: " " }] }] }),
    JSON.stringify({ messages: [{ role: "user", parts: [{ type: "text", text: "x".repeat(2001) }] }] }),
    JSON.stringify({ messages: [{ role: "user", parts: [{ type: "text", text: "heat" }] }], sessionId: "bad id!" }),
  ];
  for (const body of bodies) {
    const response = await post("/api/chat", body);
    assert.equal(response.status, 400, body.slice(0, 40));
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, "bad_request:chat");
  }
});

test("POST /api/narration: MP3 from espeak-ng, 400 for empty or too-long text", { skip: findExecutable("espeak-ng") ? false : "espeak-ng is not installed" }, async () => {
  const response = await post("/api/narration", JSON.stringify({ text: "Good evening, night owls." }));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "audio/mpeg");
  assert.equal(response.headers.get("x-reelcast-voice"), "espeak-ng");
  const audio = Buffer.from(await response.arrayBuffer());
  // An MPEG audio frame sync, and at most 4 KB per second of speech (issue 19).
  assert.equal(audio[0], 0xff);
  assert.equal(audio[1] & 0xe0, 0xe0);
  assert.ok(audio.length / Number(response.headers.get("x-reelcast-speech-seconds")) <= 4000);
  for (const [body, message] of [
    [JSON.stringify({ text: "  " }), /empty/],
    [JSON.stringify({ text: "x".repeat(1501) }), /1500/],
    [JSON.stringify({}), /string/],
  ] as const) {
    const refused = await post("/api/narration", body);
    assert.equal(refused.status, 400);
    const json = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(json.error.code, "bad_request:narration");
    assert.match(json.error.message, message);
  }
});

test("POST /api/narration without any server voice: 503 with a clear message", async () => {
  const voiceless = await startNextServer({ PATH: "/nonexistent", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
  try {
    const response = await fetch(`${voiceless.baseUrl}/api/narration`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "hello" }) });
    assert.equal(response.status, 503);
    const json = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(json.error.code, "unavailable:narration");
    assert.match(json.error.message, /No server voice.*espeak-ng.*OPENAI_API_KEY/);
  } finally {
    await voiceless.stop();
  }
});
