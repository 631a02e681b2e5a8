import assert from "node:assert/strict";
import { after, test, type TestContext } from "node:test";
import { findExecutable } from "../../lib/narration/espeak-synthesizer";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { startOpenAiTestServer, type ChatCompletionRequest, type OpenAiTestServer } from "../../support/openai-test-server";

/**
 * Every paid call behind one spend gate, on the wire: the production server with a local
 * OpenAI-compatible server that counts what reaches it per endpoint. Once the (lowered) budget is
 * spent, chat turns and narration keep answering for free (offline reasoner, template DJ script,
 * espeak-ng) and the provider gets exactly zero calls; a provider that keeps failing is called
 * once per cool-down, not once per request.
 */
const REASONING = "a sci-fi movie that feels like Blade Runner but was made in the 90s";
const FAST = "toy story";
const SCRIPT = "Good evening, night owls. Tonight the picks lean dark and rainy, with plenty of neon for the road home.";

const servers: Array<{ stop: () => Promise<void> } | { close: () => Promise<void> }> = [];
after(async () => {
  for (const server of servers.reverse()) await ("stop" in server ? server.stop() : server.close());
});

function answerEverything(llm: OpenAiTestServer): void {
  llm.handler = (request: ChatCompletionRequest) => {
    const name = request.response_format?.json_schema?.name;
    if (name === "constraints")
      return { content: JSON.stringify({ includeGenres: [{ genre: "Sci-Fi", strength: "hard" }], years: { from: 1990, to: 1999, strength: "hard" }, mood: "dark dystopian noir" }) };
    if (name === "rerank") return { content: JSON.stringify({ picks: [] }) };
    if (request.stream) return { content: "Those are the closest fits I found." };
    return { content: "{}" }; // the DJ script: the templates take over, but the call was made (and paid)
  };
}

/** Provider requests per endpoint ("chat" = /chat/completions, "speech" = /audio/speech). */
function countByEndpoint(llm: OpenAiTestServer, from = 0): { chat: number; speech: number } {
  const requests = llm.requests.slice(from);
  return { chat: requests.filter((request) => request.path.endsWith("/chat/completions")).length, speech: requests.filter((request) => request.path.endsWith("/audio/speech")).length };
}

interface ChatTurn {
  status: number;
  reasoner: string | null;
  reasons: string[];
  cards: number;
  narration: { text: string; source: string } | null;
}

async function chatTurn(server: RunningServer, text: string): Promise<ChatTurn> {
  const response = await fetch(`${server.baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ id: "m1", role: "user", parts: [{ type: "text", text }] }], limit: 5 }),
  });
  const chunks = (await response.text())
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as { type: string; data?: Record<string, unknown> });
  const routes = chunks.filter((chunk) => chunk.type === "data-route-decision").map((chunk) => chunk.data as { reasoner: string | null; reasons: string[] });
  const cards = chunks.filter((chunk) => chunk.type === "data-recommendations").map((chunk) => (chunk.data as { items: unknown[] }).items.length);
  const narration = chunks.find((chunk) => chunk.type === "data-narration")?.data as ChatTurn["narration"] | undefined;
  const route = routes.at(-1);
  return { status: response.status, reasoner: route?.reasoner ?? null, reasons: route?.reasons ?? [], cards: cards.at(-1) ?? 0, narration: narration ?? null };
}

async function narrate(server: RunningServer, text: string): Promise<{ status: number; voice: string | null; reason: string | null; type: string | null; bytes: number }> {
  const response = await fetch(`${server.baseUrl}/api/narration`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { status: response.status, voice: response.headers.get("x-reelcast-voice"), reason: response.headers.get("x-reelcast-voice-reason"), type: response.headers.get("content-type"), bytes };
}

const refusedForBudget = (reasons: readonly string[]) => reasons.some((reason) => /LLM budget reached/.test(reason));

test(
  "past the LLM ceiling no chat turn or narration reaches the provider, and every one still answers",
  { skip: findExecutable("espeak-ng") ? false : "espeak-ng is not installed" },
  async (t: TestContext) => {
    const llm = await startOpenAiTestServer();
    servers.push(llm);
    answerEverything(llm);
    const server = await startNextServer({
      OPENAI_API_KEY: "test-key",
      OPENAI_BASE_URL: llm.baseURL,
      REELCAST_LLM_MODEL: "test-model",
      REELCAST_TTS_MODEL: "tts-1",
      REELCAST_LLM_TIMEOUT_MS: "3000",
      // A ceiling a few dozen calls spend; the whole of it for this one client (shares are tested in unit tests).
      REELCAST_LLM_BUDGET_GLOBAL_USD: "0.02",
      REELCAST_CLIENT_BUDGET_SHARE: "1",
      REELCAST_RATE_LIMIT: "off",
    });
    servers.push(server);

    // Spend: a reasoning turn, a fast-path turn and a narration per round, until the gate refuses all three.
    let rounds = 0;
    let requests = 0;
    let spentAt: number | null = null;
    for (; rounds < 80 && spentAt === null; rounds++) {
      const reasoning = await chatTurn(server, REASONING);
      const fast = await chatTurn(server, FAST);
      const speech = await narrate(server, SCRIPT);
      requests += 3;
      for (const turn of [reasoning, fast]) assert.equal(turn.status, 200);
      assert.equal(speech.status, 200);
      const everyCallRefused =
        refusedForBudget(reasoning.reasons) &&
        fast.reasons.some((reason) => /^DJ script skipped: .*LLM budget reached/.test(reason)) &&
        /^speech skipped: .*LLM budget reached/.test(speech.reason ?? "");
      if (everyCallRefused) spentAt = llm.requests.length;
    }
    assert.ok(spentAt !== null, `the budget was not spent in ${rounds} rounds`);
    const before = countByEndpoint(llm);
    assert.ok(before.chat > 0 && before.speech > 0, "the provider was used while the budget lasted");

    // Past the ceiling: every answer still comes, none from the provider.
    const afterRounds = 20;
    for (let round = 0; round < afterRounds; round++) {
      const reasoning = await chatTurn(server, REASONING);
      assert.equal(reasoning.status, 200);
      assert.equal(reasoning.reasoner, "offline");
      assert.ok(refusedForBudget(reasoning.reasons), reasoning.reasons.join(" | "));
      assert.ok(reasoning.cards > 0);
      assert.equal(reasoning.narration?.source, "template");
      const fast = await chatTurn(server, FAST);
      assert.equal(fast.status, 200);
      assert.ok(fast.cards > 0);
      assert.equal(fast.narration?.source, "template");
      assert.ok(
        fast.reasons.some((reason) => /^DJ script skipped: global LLM budget reached: .*; DJ script from the templates$/.test(reason)),
        fast.reasons.join(" | "),
      );
      const speech = await narrate(server, SCRIPT);
      assert.equal(speech.status, 200);
      assert.equal(speech.voice, "espeak-ng");
      assert.equal(speech.type, "audio/mpeg");
      assert.ok(speech.bytes > 1000);
      assert.match(speech.reason ?? "", /^speech skipped: global LLM budget reached: .*; free voice instead$/);
    }
    const afterCeiling = countByEndpoint(llm, spentAt);
    assert.deepEqual(afterCeiling, { chat: 0, speech: 0 }, "provider calls after the ceiling");
    t.diagnostic(
      `spend gate: ${requests} requests (${rounds} rounds of reasoning turn + fast turn + narration) spent a $0.02 ceiling; provider calls before it: ${before.chat} chat, ${before.speech} speech; after it: ${afterCeiling.chat} chat, ${afterCeiling.speech} speech in ${afterRounds * 3} more requests, all answered (offline reasoner, template DJ script, espeak-ng)`,
    );
  },
);

test("a provider that keeps failing is called once per cool-down, not once per request", async (t: TestContext) => {
  const llm = await startOpenAiTestServer();
  servers.push(llm);
  llm.handler = () => ({ content: "", fault: { kind: "status", status: 503, message: "upstream down" } });
  const coolDownMs = 8000;
  const server = await startNextServer({
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: llm.baseURL,
    REELCAST_LLM_MODEL: "test-model",
    REELCAST_RATE_LIMIT: "off",
    // One process: the breaker is per process, so the counts below are exact.
    REELCAST_WORKERS: "1",
    REELCAST_BREAKER_FAILURES: "3",
    REELCAST_BREAKER_COOLDOWN_MS: String(coolDownMs),
  });
  servers.push(server);

  const turns = 12;
  const skippedTurns: number[] = [];
  for (let turn = 0; turn < turns; turn++) {
    const answer = await chatTurn(server, REASONING);
    assert.equal(answer.status, 200);
    assert.equal(answer.reasoner, "offline");
    assert.ok(answer.cards > 0);
    if (answer.reasons.some((reason) => /^LLM provider skipped after 3 failures in a row \(circuit open, retrying in \d+ s\); offline reasoner instead$/.test(reason))) skippedTurns.push(turn);
  }
  const first = countByEndpoint(llm).chat;
  // Turn 1: the reasoner and the DJ script fail (2); turn 2: the reasoner fails (3) and the circuit opens.
  assert.equal(first, 3, `${turns} turns, provider calls`);
  assert.deepEqual(
    skippedTurns,
    Array.from({ length: turns - 2 }, (_, index) => index + 2),
  );

  await new Promise((resolve) => setTimeout(resolve, coolDownMs + 200));
  const trialFrom = llm.requests.length;
  for (let turn = 0; turn < 6; turn++) assert.equal((await chatTurn(server, REASONING)).status, 200);
  const trial = countByEndpoint(llm, trialFrom).chat;
  assert.equal(trial, 1, "one trial call after the cool-down; it failed, so the circuit is open again");
  t.diagnostic(`breaker: ${turns} chat turns against a provider answering 503 made ${first} provider calls; after the ${coolDownMs} ms cool-down 6 more turns made ${trial}`);
});
