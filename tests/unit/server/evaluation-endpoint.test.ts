import assert from "node:assert/strict";
import { after, test } from "node:test";
import { evaluateWindow, EVALUATION_RECORD_KIND, type StoredEvaluation } from "../../../lib/evaluation";
import { syntheticLog } from "../../../lib/evaluation/synthetic-log";
import { evaluationsResponse, type EvaluationsAnswer } from "../../../lib/server/evaluation-endpoint";
import { unknownApiError } from "../../../lib/server/api-not-found";
import { openSqliteStore, type JsonValue } from "../../../lib/store";

const TOKEN = "evaluation-test-token-0123456789";
const saved = process.env.REELCAST_ADMIN_TOKEN;
process.env.REELCAST_ADMIN_TOKEN = TOKEN;
after(() => {
  if (saved === undefined) delete process.env.REELCAST_ADMIN_TOKEN;
  else process.env.REELCAST_ADMIN_TOKEN = saved;
});

const store = openSqliteStore({ path: ":memory:" });
const evaluation = (to: number): StoredEvaluation => ({
  ...evaluateWindow({ current: syntheticLog({ seed: to, impressions: 40, from: to - 1000, to }), previous: null }),
  reading: { feedbackHorizonMs: 0, impressionsFound: { current: 40, previous: 0 }, maxImpressions: 100, entries: 0, durationMs: 1 },
});
const request = (headers: Record<string, string> = {}, query = "") => new Request(`http://localhost/api/insights/evaluation${query}`, { headers });

test("without the admin token: the unknown-path 404, whatever else is sent", async () => {
  const expected = await unknownApiError().toResponse().text();
  for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong-token-0123456789abc" }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
    const response = await evaluationsResponse(request(headers), async () => store);
    assert.equal(response.status, 404);
    assert.equal(await response.text(), expected);
  }
});

test("with the token: the newest evaluations first, one per window, limited", async () => {
  for (const to of [1_000_000, 2_000_000, 2_000_000, 3_000_000])
    await store.appendOperatorRecord({ kind: EVALUATION_RECORD_KIND, at: to + 10, payload: JSON.parse(JSON.stringify(evaluation(to))) as JsonValue });
  const response = await evaluationsResponse(request({ authorization: `Bearer ${TOKEN}` }), async () => store);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("cache-control"), "no-store");
  const answer = (await response.json()) as EvaluationsAnswer;
  assert.deepEqual(
    answer.evaluations.map((entry) => entry.evaluation.window.to),
    [3_000_000, 2_000_000, 1_000_000],
  );
  assert.equal(answer.evaluations[1].id, 3, "the newer record of a window evaluated twice");
  assert.equal(answer.evaluations[0].evaluation.policies[0].name, "logging");
  const limited = (await (await evaluationsResponse(request({ authorization: `Bearer ${TOKEN}` }, "?limit=1"), async () => store)).json()) as EvaluationsAnswer;
  assert.equal(limited.evaluations.length, 1);
  const bad = await evaluationsResponse(request({ authorization: `Bearer ${TOKEN}` }, "?limit=0"), async () => store);
  assert.equal(bad.status, 400);
  const without = await evaluationsResponse(request({ authorization: `Bearer ${TOKEN}` }), async () => null);
  assert.equal(without.status, 503);
});
