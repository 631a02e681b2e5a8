import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { startOpenAiTestServer, type ChatCompletionRequest, type OpenAiTestServer } from "../../support/openai-test-server";

/**
 * The reasoning path with an LLM on the wire: a local OpenAI-compatible server answers the
 * constraint and re-rank calls (in the real response format, with token usage), so the whole
 * chain — provider, structured output, budget, fallback, preview-then-final chat stream — runs
 * as in production.
 */
let llm: OpenAiTestServer;
let server: RunningServer;
let constraintDelayMs = 0;
/** While set, the constraint call is answered only once it settles. */
let constraintGate: Promise<void> | null = null;

const VIBE = "a sci-fi movie that feels like Blade Runner but was made in the 90s";

function dataOf(request: ChatCompletionRequest): Record<string, unknown> {
  const message = request.messages[request.messages.length - 1];
  const text = typeof message.content === "string" ? message.content : (message.content as Array<{ text: string }>)[0].text;
  return JSON.parse(text) as Record<string, unknown>;
}

before(async () => {
  llm = await startOpenAiTestServer();
  llm.handler = (request) => {
    const name = request.response_format?.json_schema?.name;
    if (name === "constraints") {
      return {
        content: JSON.stringify({
          includeGenres: [{ genre: "Sci-Fi", strength: "hard" }],
          years: { from: 1990, to: 1999, strength: "hard" },
          references: [{ title: "Blade Runner", modifier: "made in the 90s" }],
          mood: "dark dystopian noir",
        }),
        ...(constraintGate ? { fault: { kind: "wait" as const, until: constraintGate } } : constraintDelayMs > 0 ? { fault: { kind: "delay" as const, milliseconds: constraintDelayMs } } : {}),
      };
    }
    if (name === "rerank") {
      const candidates = (dataOf(request).candidates as Array<{ id: string }>).slice().reverse();
      return { content: JSON.stringify({ picks: [{ id: "tmdb:0", reason: "an invented film" }, ...candidates.map((candidate) => ({ id: candidate.id, reason: "dark, rain-soaked and 90s" }))] }) };
    }
    const system = String(request.messages[0]?.content ?? "");
    // The reply's details: plain text, streamed.
    if (request.stream && system.includes("host of Reelcast")) return { content: "Those are the closest fits I found. Rain-soaked and nineties, as asked." };
    return { content: "{}" }; // the DJ script falls back to the template narrator
  };
  server = await startNextServer({ OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.baseURL, REELCAST_LLM_MODEL: "test-model", REELCAST_LLM_TIMEOUT_MS: "1500" });
});
after(async () => {
  await server?.stop();
  await llm?.close();
});

const postJson = (route: string, body: unknown) => fetch(`${server.baseUrl}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

test("/api/recommend: the LLM reasons and re-ranks; tokens and cost come from the provider's usage", async () => {
  constraintDelayMs = 0;
  const response = await postJson("/api/recommend", { query: VIBE, limit: 5 });
  assert.equal(response.status, 200);
  const body = recommendResponseSchema.parse(await response.json());
  assert.equal(body.route.reasoner, "llm:test-model");
  assert.ok((body.route.inputTokens ?? 0) > 0 && (body.route.outputTokens ?? 0) > 0);
  assert.ok((body.route.actualCostUsd ?? 0) > 0 && (body.route.estimatedCostUsd ?? 0) > 0);
  assert.equal(body.items.length, 5);
  for (const item of body.items) {
    assert.ok(item.genres.includes("Sci-Fi") && item.year! >= 1990 && item.year! <= 1999, `${item.title} (${item.year})`);
    assert.equal(item.modelReason, "dark, rain-soaked and 90s");
    assert.notEqual(item.id, "tmdb:0");
  }
  const sent = llm.requests.filter((request) => request.path.endsWith("/chat/completions")).map((request) => request.body.response_format?.json_schema?.name);
  assert.deepEqual(sent.slice(-2), ["constraints", "rerank"]);
});

test("/api/chat: fast cards show first while the LLM reasons, then the reasoned answer replaces them", async () => {
  // The LLM answers the constraint call only once the preview cards have reached this client: a
  // server that waited for the LLM before showing cards would stall until the 1.5 s deadline and
  // answer with the offline reasoner, failing the last assertion.
  let release = () => {};
  constraintGate = new Promise<void>((resolve) => (release = resolve));
  const chunks: Array<{ type: string; data?: Record<string, unknown> }> = [];
  try {
    const response = await postJson("/api/chat", { messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: VIBE }] }], sessionId: "llm-chat-session-0001", limit: 5 });
    assert.equal(response.status, 200);
    let pending = "";
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      pending += read.value;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
        const chunk = JSON.parse(line.slice(6)) as { type: string; data?: Record<string, unknown> };
        chunks.push(chunk);
        if (chunk.type === "data-recommendations" && chunk.data?.stage === "preview") release();
      }
    }
  } finally {
    release();
    constraintGate = null;
  }
  const recommendations = chunks.filter((chunk) => chunk.type === "data-recommendations").map((chunk) => chunk.data as { stage: string; items: unknown[]; replacedPreview: boolean });
  assert.deepEqual(
    recommendations.map((data) => data.stage),
    ["preview", "final"],
  );
  assert.ok(recommendations[0].items.length > 0);
  const routes = chunks.filter((chunk) => chunk.type === "data-route-decision").map((chunk) => chunk.data as { reasoner: string | null });
  assert.equal(routes[routes.length - 1].reasoner, "llm:test-model");
});

test("an LLM slower than its deadline: the offline reasoner answers, and the reasons say why", async () => {
  constraintDelayMs = 4000;
  const response = await postJson("/api/recommend", { query: VIBE, limit: 5 });
  const body = recommendResponseSchema.parse(await response.json());
  assert.equal(body.route.reasoner, "offline");
  assert.ok(
    body.route.reasons.some((reason) => /timed out.*offline reasoner answered instead/i.test(reason)),
    body.route.reasons.join(" | "),
  );
  for (const item of body.items) assert.ok(item.year! >= 1990 && item.year! <= 1999, `${item.title} (${item.year})`);
  constraintDelayMs = 0;
});

test("/api/chat: the LLM that reasoned the request also writes the reply's details, streamed after the understood line and checked", async () => {
  constraintDelayMs = 0;
  const before = llm.requests.length;
  const response = await postJson("/api/chat", { messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: VIBE }] }], sessionId: "llm-chat-session-0002", limit: 5 });
  assert.equal(response.status, 200);
  const chunks = (await response.text())
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string });
  const deltas = chunks.filter((chunk) => chunk.type === "text-delta").map((chunk) => chunk.delta ?? "");
  // The understood line comes from the constraints, before the cards; the model's sentences follow.
  assert.match(deltas[0], /sci-fi films from the 1990s with a dark dystopian noir feel, like Blade Runner \(1982\)/);
  assert.ok(chunks.findIndex((chunk) => chunk.type === "text-delta") < chunks.findLastIndex((chunk) => chunk.type === "data-recommendations"));
  assert.equal(deltas.slice(1).join(""), " Those are the closest fits I found. Rain-soaked and nineties, as asked.");
  const replyCall = llm.requests.slice(before).find((request) => request.body.stream === true);
  assert.ok(replyCall, "one streamed call for the reply");
  const sent = JSON.parse(String(replyCall.body.messages!.at(-1)!.content)) as { alreadySaid: string; metEverything: number | null };
  assert.equal(sent.alreadySaid, deltas[0]);
  assert.equal(typeof sent.metEverything, "number");
});
