import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { startOpenAiTestServer, type OpenAiTestServer } from "../../support/openai-test-server";
import { recordFigure, tally } from "../../support/abuse-figures";

/**
 * What one anonymous client can make the server spend, and what it leaves for the next: with the
 * LLM and offline ceilings lowered, a client at full speed exhausts its own share of each budget,
 * a second client (another loopback source address) still gets its share afterwards, and once
 * every share is spent the provider is not called again while answers keep coming.
 */
const VIBE = "a tense, slow-burning thriller like Zodiac but set in the 70s";
const SHARE = 0.5;

let llm: OpenAiTestServer;
before(async () => {
  llm = await startOpenAiTestServer();
  llm.handler = (incoming) => {
    const name = incoming.response_format?.json_schema?.name;
    if (name === "constraints")
      return { content: JSON.stringify({ includeGenres: [{ genre: "Thriller", strength: "hard" }], years: { from: 1970, to: 1979, strength: "hard" }, mood: "tense slow burn" }) };
    if (name === "rerank") return { content: JSON.stringify({ picks: [] }) };
    return { content: "{}" };
  };
});
after(async () => {
  await llm?.close();
});

interface Answer {
  status: number;
  reasoner: string | null;
  path: string | null;
  reasons: string[];
}

/** POST /api/recommend from a chosen loopback source address (the client the server sees). */
function ask(server: RunningServer, from: string, body: object): Promise<Answer> {
  const url = new URL("/api/recommend", server.baseUrl);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress: from, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) } },
      (response) => {
        let raw = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (raw += chunk));
        response.on("end", () => {
          const parsed = JSON.parse(raw) as { route?: { reasoner: string | null; path: string; reasons: string[] } };
          resolve({ status: response.statusCode ?? 0, reasoner: parsed.route?.reasoner ?? null, path: parsed.route?.path ?? null, reasons: parsed.route?.reasons ?? [] });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(text);
  });
}

const providerCalls = () => llm.requests.filter((incoming) => incoming.path.endsWith("/chat/completions")).length;

/** Sends reasoning requests from `from` until one is refused the LLM; how many got it, and how long it took. */
async function spendLlmShare(
  server: RunningServer,
  from: string,
  outcomes: Record<string, number>,
  cap = 200,
): Promise<{ llmAnswers: number; requests: number; milliseconds: number; refusal: string }> {
  const started = performance.now();
  for (let requests = 1; requests <= cap; requests++) {
    const answer = await ask(server, from, { query: VIBE, limit: 5, route: "reasoning" });
    tally(outcomes, answer.status);
    assert.equal(answer.status, 200);
    if (!answer.reasoner?.startsWith("llm:")) {
      return {
        llmAnswers: requests - 1,
        requests,
        milliseconds: Math.round(performance.now() - started),
        refusal: answer.reasons.find((reason) => /budget/.test(reason)) ?? answer.reasons.join("; "),
      };
    }
  }
  throw new Error(`${from} was never refused the LLM in ${cap} requests`);
}

test("LLM budget: one client spends only its share; a second client still gets its own; after every share, zero provider calls", async () => {
  const server = await startNextServer({
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: llm.baseURL,
    REELCAST_LLM_MODEL: "test-model",
    REELCAST_RATE_LIMIT: "off",
    REELCAST_LLM_BUDGET_GLOBAL_USD: "0.004",
    REELCAST_LLM_BUDGET_SESSION_USD: "100",
    REELCAST_CLIENT_BUDGET_SHARE: String(SHARE),
    REELCAST_WORKERS: "2",
  });
  try {
    const outcomes: Record<string, number> = {};
    const first = await spendLlmShare(server, "127.0.0.1", outcomes);
    assert.match(first.refusal, /client/, "the first client is stopped by its own share, not the global ceiling");
    const second = await spendLlmShare(server, "127.0.0.2", outcomes);
    assert.ok(second.llmAnswers > 0, "the second client got the LLM after the first spent its share");
    assert.ok(Math.abs(second.llmAnswers - first.llmAnswers) <= 1, `equal shares: ${first.llmAnswers} vs ${second.llmAnswers}`);

    // A third client gets what is left under the global ceiling (two shares may not fill it exactly),
    // and is then refused by the global ceiling itself.
    const third = await spendLlmShare(server, "127.0.0.3", outcomes);
    assert.match(third.refusal, /global/, "the third client is stopped by the global ceiling");
    assert.ok(third.llmAnswers < first.llmAnswers, "the third client got less than a whole share: the global ceiling held");
    // Every share and the global budget spent: more requests from all three answer offline, with no provider call.
    const callsAtCeiling = providerCalls();
    for (let round = 0; round < 20; round++) {
      for (const from of ["127.0.0.1", "127.0.0.2", "127.0.0.3"]) {
        const answer = await ask(server, from, { query: VIBE, limit: 5, route: "reasoning" });
        tally(outcomes, answer.status);
        assert.equal(answer.status, 200);
        assert.ok(!answer.reasoner?.startsWith("llm:"));
      }
    }
    const callsAfterCeiling = providerCalls() - callsAtCeiling;
    assert.equal(callsAfterCeiling, 0);
    recordFigure({
      fault: "LLM budget ($0.004 global, half per client): three clients in turn",
      tried: first.requests + second.requests + third.requests + 60,
      outcomes,
      measured: {
        "client 1 LLM answers before refused": first.llmAnswers,
        "client 1 time to exhaust (ms)": first.milliseconds,
        "client 2 LLM answers after client 1 was refused": second.llmAnswers,
        "client 2 time to exhaust (ms)": second.milliseconds,
        "client 3 LLM answers before the global ceiling": third.llmAnswers,
        "provider calls after the ceiling (60 requests)": callsAfterCeiling,
      },
    });
  } finally {
    await server.stop();
  }
});

test("offline reasoner budget: one client's runs stop at its share, the other client's still run", async () => {
  // One worker: offline runs are counted per process (they cost that process's CPU).
  const server = await startNextServer({
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    REELCAST_RATE_LIMIT: "off",
    REELCAST_OFFLINE_RUNS_GLOBAL: "40",
    REELCAST_OFFLINE_RUNS_SESSION: "1000",
    REELCAST_CLIENT_BUDGET_SHARE: String(SHARE),
    REELCAST_WORKERS: "1",
  });
  try {
    const outcomes: Record<string, number> = {};
    const runsUntilFast = async (from: string) => {
      const started = performance.now();
      for (let requests = 1; requests <= 200; requests++) {
        const answer = await ask(server, from, { query: VIBE, limit: 5, route: "reasoning" });
        tally(outcomes, answer.status);
        assert.equal(answer.status, 200, "answered from the fast path, not refused");
        if (answer.reasoner === null) return { offlineRuns: requests - 1, milliseconds: Math.round(performance.now() - started), reasons: answer.reasons };
      }
      throw new Error(`${from} never reached its offline share`);
    };
    const first = await runsUntilFast("127.0.0.1");
    assert.equal(first.offlineRuns, 40 * SHARE, first.reasons.join("; "));
    const second = await runsUntilFast("127.0.0.2");
    assert.equal(second.offlineRuns, 40 * SHARE, "the second client kept its whole share");
    recordFigure({
      fault: "Offline reasoner budget (40 runs, half per client): one client, then a second",
      tried: first.offlineRuns + second.offlineRuns + 2,
      outcomes,
      measured: {
        "client 1 offline runs": first.offlineRuns,
        "client 1 time to exhaust (ms)": first.milliseconds,
        "client 2 offline runs": second.offlineRuns,
        "client 2 time to exhaust (ms)": second.milliseconds,
      },
    });
  } finally {
    await server.stop();
  }
});
