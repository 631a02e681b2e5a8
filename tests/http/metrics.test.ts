import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { after, before, test } from "node:test";
import { metricsSnapshotSchema, mergeSnapshots } from "../../lib/metrics/metrics-snapshot";
import { PATH_LABELS } from "../../lib/metrics/path-label";
import { openSqliteStore } from "../../lib/store";
import { startNextServer, type RunningServer } from "../../support/next-server";

/**
 * GET /api/metrics on the production server with two worker processes: hidden (the unknown-path
 * 404) without the operator's token, Prometheus text with it, and the sum of both workers' counts.
 */
const TOKEN = "metrics-test-token-0123456789abcdef";
const RECOMMENDS = 8;

let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_WORKERS: "2", REELCAST_ADMIN_TOKEN: TOKEN, REELCAST_METRICS_SNAPSHOT_SECONDS: "1" });
  await server.allWorkersServing();
});
after(async () => {
  await server?.stop();
});

/**
 * One request on a connection of its own (no keep-alive): the cluster primary hands each new
 * connection to the next worker in turn, so consecutive requests alternate between the workers.
 */
function freshRequest(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(path, server.baseUrl);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: options.method ?? "GET", agent: false, headers: { connection: "close", ...(body ? { "content-type": "application/json" } : {}), ...options.headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text, headers: response.headers }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const scrape = () => freshRequest("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });

type Samples = Map<string, number>;

/**
 * Parses the Prometheus text exposition format strictly: every line is a HELP or TYPE comment or
 * a sample `name{label="value",…} number`, and every sample belongs to a family with a TYPE.
 */
function parsePrometheus(text: string): { samples: Samples; types: Map<string, string> } {
  const samples: Samples = new Map();
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (-?(?:[0-9.e+-]+|Inf|NaN))$/.exec(line);
    assert.ok(sample, `not a Prometheus text line: ${JSON.stringify(line)}`);
    const family = sample[1].replace(/_(bucket|sum|count)$/, "");
    assert.ok(types.has(sample[1]) || types.has(family), `sample without a TYPE: ${line}`);
    samples.set(`${sample[1]}${sample[2] ?? ""}`, Number(sample[3]));
  }
  return { samples, types };
}

/** The sum of every sample of `name` whose labels include all of `labels`. */
function total(samples: Samples, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const [key, value] of samples) {
    const brace = key.indexOf("{");
    if ((brace < 0 ? key : key.slice(0, brace)) !== name) continue;
    if (Object.entries(labels).every(([label, expected]) => key.includes(`${label}="${expected}"`))) sum += value;
  }
  return sum;
}

test("without the token, with a wrong one, or by another method: the same JSON 404 as a path that does not exist", async () => {
  const unknown = await freshRequest("/api/no-such-endpoint");
  assert.equal(unknown.status, 404);
  for (const attempt of [
    freshRequest("/api/metrics"),
    freshRequest("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789abcdef" } }),
    freshRequest("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}x` } }),
    freshRequest("/api/metrics", { headers: { authorization: `Basic ${TOKEN}` } }),
    freshRequest(`/api/metrics?token=${TOKEN}`),
    freshRequest("/api/metrics", { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: {} }),
  ]) {
    const response = await attempt;
    assert.equal(response.status, 404);
    assert.match(String(response.headers["content-type"]), /application\/json/);
    assert.deepEqual(JSON.parse(response.text), JSON.parse(unknown.text));
  }
});

test("with the token: Prometheus text summed over both workers; counters move by exactly what was served", async () => {
  const before = await scrape();
  assert.equal(before.status, 200);
  assert.match(String(before.headers["content-type"]), /^text\/plain; version=0\.0\.4/);
  const start = parsePrometheus(before.text).samples;

  let shown = 0;
  let feedbackTarget: { impressionId: string; itemId: string } | null = null;
  for (let index = 0; index < RECOMMENDS; index++) {
    const response = await freshRequest("/api/recommend", { method: "POST", body: { query: index % 2 === 0 ? "toy story" : "tom hanks", limit: 3 } });
    assert.equal(response.status, 200, response.text);
    const answer = JSON.parse(response.text) as { impressionId: string; items: Array<{ id: string; explanation: { kind: string } | null }> };
    shown += answer.items.filter((item) => item.explanation).length;
    feedbackTarget ??= { impressionId: answer.impressionId, itemId: answer.items[0].id };
  }
  const feedback = await freshRequest("/api/feedback", { method: "POST", body: { ...feedbackTarget, event: "like" } });
  assert.equal(feedback.status, 202, feedback.text);
  const notJson = await freshRequest("/api/recommend", { method: "POST", headers: { "content-type": "text/plain" } });
  assert.equal(notJson.status, 415);

  // A request is counted when its connection is done with it, a moment after the client has the answer.
  let samples = start;
  for (let attempt = 0; attempt < 50; attempt++) {
    samples = parsePrometheus((await scrape()).text).samples;
    if (total(samples, "reelcast_http_requests_total", { path: "/api/recommend" }) - total(start, "reelcast_http_requests_total", { path: "/api/recommend" }) >= RECOMMENDS + 1) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const moved = (name: string, labels: Record<string, string> = {}) => total(samples, name, labels) - total(start, name, labels);
  assert.equal(total(samples, "reelcast_metrics_processes"), 2, "both workers' registries summed");
  // Alternating connections put about half of these on each worker: the sum sees all of them.
  assert.equal(moved("reelcast_http_requests_total", { path: "/api/recommend", status: "200" }), RECOMMENDS);
  assert.equal(moved("reelcast_http_requests_total", { path: "/api/recommend", status: "415" }), 1);
  assert.equal(moved("reelcast_http_requests_total", { path: "/api/feedback", status: "202" }), 1);
  assert.equal(moved("reelcast_http_request_duration_seconds_count", { path: "/api/recommend" }), RECOMMENDS + 1);
  assert.equal(moved("reelcast_http_request_duration_seconds_bucket", { path: "/api/recommend", le: "+Inf" }), RECOMMENDS + 1);
  assert.equal(moved("reelcast_recommend_duration_seconds_count"), RECOMMENDS);
  assert.equal(moved("reelcast_recommend_duration_seconds_count", { reasoner: "llm" }), 0, "no LLM configured");
  assert.equal(moved("reelcast_bandit_impressions_total"), shown);
  assert.equal(moved("reelcast_bandit_feedback_total", { event: "like" }), 1);
  assert.equal(moved("reelcast_bandit_reward_sum"), 1);
  assert.equal(moved("reelcast_llm_calls_total"), 0);
  assert.ok(total(samples, "reelcast_http_requests_total", { path: "/api/metrics", status: "200" }) >= 1, "earlier scrapes count too");
  assert.equal(total(samples, "reelcast_llm_budget_usd"), 5, "the default global ceiling, read from the spend gate");
  assert.equal(total(samples, "reelcast_llm_budget_left_usd"), 5);
  assert.equal(total(samples, "reelcast_llm_budget_window_seconds"), 3600);
  const { types } = parsePrometheus((await scrape()).text);
  for (const name of [
    "reelcast_http_requests_total",
    "reelcast_llm_calls_total",
    "reelcast_llm_tokens_total",
    "reelcast_llm_spend_usd_total",
    "reelcast_fallbacks_total",
    "reelcast_store_errors_total",
    "reelcast_rate_limited_total",
    "reelcast_bandit_impressions_total",
  ]) {
    assert.equal(types.get(name), "counter", name);
  }
  assert.equal(types.get("reelcast_http_request_duration_seconds"), "histogram");
  assert.equal(types.get("reelcast_recommend_duration_seconds"), "histogram");
});

test("the output names no secret, file path, session, query or client: label values come from fixed sets", async () => {
  await freshRequest("/api/conversations/s_00000000000000000000000000000000");
  await freshRequest("/some/page/that/does/not/exist?secret=value");
  let text = "";
  for (let attempt = 0; attempt < 50; attempt++) {
    text = (await scrape()).text;
    if (text.includes('path="page/other"')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const forbidden of [TOKEN, server.databasePath, "/tmp", "/work", "s_0000", "toy story", "tom hanks", "secret=value", "127.0.0.1", "does/not/exist"]) {
    assert.ok(!text.includes(forbidden), `the metrics mention ${forbidden}`);
  }
  const paths = new Set([...text.matchAll(/path="([^"]*)"/g)].map((match) => match[1]));
  assert.ok(paths.has("/api/conversations/:id") && paths.has("page/other"), [...paths].join(", "));
  for (const path of paths) assert.ok((PATH_LABELS as readonly string[]).includes(path), path);
});

test("every worker stores its counts as metrics snapshots, which add up to what was served", async () => {
  const store = openSqliteStore({ path: server.databasePath });
  try {
    let recommends = 0;
    for (let attempt = 0; attempt < 60 && recommends < RECOMMENDS + 1; attempt++) {
      const records = await store.listOperatorRecords("metrics", { limit: 10_000 });
      const { merged } = mergeSnapshots(records.map((record) => metricsSnapshotSchema.parse(record.payload)));
      recommends = Object.values(merged.requests["/api/recommend"] ?? {}).reduce((sum, count) => sum + count, 0);
      if (recommends < RECOMMENDS + 1) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(recommends, RECOMMENDS + 1, "8 answers and one 415, from both workers' snapshots");
  } finally {
    await store.close();
  }
});

test("a server without REELCAST_ADMIN_TOKEN hides /api/metrics from every caller", async () => {
  const plain = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_WORKERS: "1", REELCAST_ADMIN_TOKEN: "" });
  try {
    for (const authorization of [`Bearer ${TOKEN}`, "Bearer ", ""]) {
      const response = await fetch(`${plain.baseUrl}/api/metrics`, { headers: authorization ? { authorization } : {} });
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, "not_found:api");
    }
  } finally {
    await plain.stop();
  }
});
