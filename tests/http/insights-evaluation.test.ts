import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { EvaluationsAnswer } from "../../lib/server/evaluation-endpoint";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { startNextServer, type RunningServer } from "../../support/next-server";

/**
 * GET /api/insights/evaluation on the production server, with the log evaluator running every
 * 2 s: hidden without the operator's token; with it, the evaluations of the windows the test's
 * own requests fell in — every real impression rebuilt from its logged choices (none set aside),
 * every request's route and every like counted.
 */
const TOKEN = "evaluation-http-token-0123456789abcdef";
const INTERVAL_MS = 2000;

let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_ADMIN_TOKEN: TOKEN, REELCAST_EVALUATION_INTERVAL_MS: String(INTERVAL_MS) });
});
after(async () => {
  await server?.stop();
});

const evaluations = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}/api/insights/evaluation?limit=100`, { ...init, headers });

test("without the token (none, wrong, not Bearer) and for other methods: the same JSON 404 as a path that does not exist", async () => {
  const unknown = await fetch(`${server.baseUrl}/api/no-such-endpoint`);
  assert.equal(unknown.status, 404);
  const expected = await unknown.text();
  for (const headers of [{}, { authorization: "Bearer not-the-token-0123456789abcdef" }, { authorization: TOKEN }] as Array<Record<string, string>>) {
    const response = await evaluations(headers);
    assert.equal(response.status, 404);
    assert.equal(await response.text(), expected);
  }
  const post = await evaluations({ authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, { method: "POST", body: "{}" });
  assert.equal(post.status, 404);
  assert.equal(await post.text(), expected);
});

test("with the token: the stored evaluations of the windows served, every impression evaluated, routes and likes counted", async () => {
  const queries: Array<{ query: string; route: "fast" | "reasoning" }> = [
    { query: "tom hanks", route: "fast" },
    { query: "heat", route: "fast" },
    { query: "a funny heist movie under two hours", route: "reasoning" },
    { query: "alien", route: "fast" },
    { query: "something dark and rainy from the nineties", route: "reasoning" },
    { query: "toy story", route: "fast" },
  ];
  let impressions = 0;
  let likes = 0;
  const routes = { fast: 0, offline: 0, llm: 0 };
  for (const { query, route } of queries) {
    const response = await fetch(`${server.baseUrl}/api/recommend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, route, limit: 5 }) });
    assert.equal(response.status, 200);
    const answer = recommendResponseSchema.parse(await response.json());
    if (!answer.impressionId) continue;
    impressions += 1;
    routes[answer.route.reasoner === null ? "fast" : answer.route.reasoner === "offline" ? "offline" : "llm"] += 1;
    const like = await fetch(`${server.baseUrl}/api/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ impressionId: answer.impressionId, itemId: answer.items[0].id, event: "like" }),
    });
    assert.equal(like.status, 202);
    likes += 1;
  }
  assert.equal(impressions, queries.length);
  assert.ok(routes.offline > 0 && routes.fast > 0);

  // The evaluator stores each 2 s window once its 2 s feedback horizon has passed.
  let answer: EvaluationsAnswer = { evaluations: [] };
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await evaluations();
    assert.equal(response.status, 200);
    answer = (await response.json()) as EvaluationsAnswer;
    if (answer.evaluations.reduce((sum, entry) => sum + entry.evaluation.impressions.total, 0) >= impressions) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const withImpressions = answer.evaluations.filter((entry) => entry.evaluation.impressions.total > 0);
  const sum = (count: (entry: EvaluationsAnswer["evaluations"][number]) => number) => withImpressions.reduce((total, entry) => total + count(entry), 0);
  assert.equal(
    sum((entry) => entry.evaluation.impressions.total),
    impressions,
  );
  assert.equal(
    sum((entry) => entry.evaluation.impressions.evaluated),
    impressions,
    JSON.stringify(withImpressions.map((entry) => entry.evaluation.impressions)),
  );
  assert.equal(
    sum((entry) => entry.evaluation.drift.current.served),
    impressions,
  );
  assert.deepEqual(
    {
      fast: sum((entry) => entry.evaluation.drift.current.routes.fast),
      offline: sum((entry) => entry.evaluation.drift.current.routes.offline),
      llm: sum((entry) => entry.evaluation.drift.current.routes.llm),
    },
    routes,
  );
  assert.equal(
    sum((entry) => entry.evaluation.drift.current.reactedSlots),
    likes,
  );
  for (const entry of withImpressions) {
    const { evaluation } = entry;
    assert.equal(evaluation.window.to - evaluation.window.from, INTERVAL_MS);
    assert.equal(evaluation.policies[0].name, "logging");
    assert.equal(evaluation.policies[0].impressions, evaluation.impressions.total);
    assert.ok(evaluation.policies.some((policy) => policy.name === "greedy") && evaluation.policies.some((policy) => policy.name === "relevance-order"));
  }
  // One record per window: no window twice.
  const windows = answer.evaluations.map((entry) => entry.evaluation.window.to);
  assert.equal(new Set(windows).size, windows.length);
});
