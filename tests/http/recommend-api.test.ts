import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { startNextServer, type RunningServer } from "../../support/next-server";

let server: RunningServer;
before(async () => {
  server = await startNextServer();
});
after(async () => {
  await server?.stop();
});

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) => fetch(`${server.baseUrl}/api/recommend`, { method: "POST", headers, body });

test("answers a query with the response contract", async () => {
  const response = await post(JSON.stringify({ query: "blade runer", limit: 3, unknownField: true }));
  assert.equal(response.status, 200);
  const body = recommendResponseSchema.parse(await response.json());
  assert.equal(body.items.length, 3);
  assert.equal(body.items[0].title, "Blade Runner");
  assert.equal(body.items[0].year, 1982);
  assert.ok(body.route.reasons.length > 0);
  assert.ok(body.route.latencyMs >= 0);
});

test("bad requests get 400 with a code and a message", async () => {
  const cases: Array<[string, RegExp]> = [
    ["", /valid JSON/],
    ["{not json", /valid JSON/],
    ["[]", /JSON object/],
    ["null", /JSON object/],
    [JSON.stringify({}), /query/],
    [JSON.stringify({ query: "" }), /empty/],
    [JSON.stringify({ query: "   \n\t " }), /empty/],
    [JSON.stringify({ query: 42 }), /string/],
    [JSON.stringify({ query: "x".repeat(2001) }), /2000/],
    [JSON.stringify({ query: "heat", limit: 0 }), /limit/],
    [JSON.stringify({ query: "heat", limit: 51 }), /limit/],
    [JSON.stringify({ query: "heat", limit: 2.5 }), /limit/],
    [JSON.stringify({ query: "heat", limit: "5" }), /limit/],
  ];
  for (const [body, message] of cases) {
    const response = await post(body);
    assert.equal(response.status, 400, body.slice(0, 40));
    const json = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(json.error.code, "bad_request:recommend");
    assert.match(json.error.message, message, body.slice(0, 40));
  }
  const exactly2000 = await post(JSON.stringify({ query: `heat ${"x".repeat(1995)}` }));
  assert.equal(exactly2000.status, 200);
});

/** Deterministic generator of hostile bodies: wrong types, huge values, broken JSON, odd bytes. */
function* badBodies(count: number): Generator<string> {
  let seed = 20261123;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const values: unknown[] = [null, true, 0, -1, 1e308, "", " ", "x".repeat(5000), [], {}, ["heat"], { query: "heat" }, "\u0000", "💥".repeat(1500)];
  for (let index = 0; index < count; index += 1) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    switch (index % 5) {
      case 0:
        yield JSON.stringify({ query: pick(values), limit: pick([...values, 0, 51, 3.3, -5]) });
        break;
      case 1:
        yield JSON.stringify(pick(values));
        break;
      case 2: {
        const valid = JSON.stringify({ query: "heat", limit: 5 });
        yield valid.slice(0, Math.floor(random() * valid.length));
        break;
      }
      case 3:
        yield Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256))).toString("latin1");
        break;
      default:
        yield JSON.stringify({ query: pick(values), route: pick(["sideways", 3, null]), discovery: pick([2, -1, "x"]) });
    }
  }
}

test("200+ generated bad bodies never produce a 5xx, and the server stays alive", async () => {
  let count = 0;
  for (const body of badBodies(240)) {
    const response = await post(body);
    assert.ok(response.status < 500, `status ${response.status} for ${JSON.stringify(body.slice(0, 60))}`);
    assert.ok(response.status === 400 || response.status === 200, `status ${response.status}`);
    const json = (await response.json()) as { error?: { code: string; message: string } };
    if (response.status === 400) assert.ok(json.error?.code && json.error.message);
    count += 1;
  }
  assert.ok(count >= 200);
  // JSON only (issue 18): a text/plain post is one another site's page could send without a preflight.
  const wrongType = await post(JSON.stringify({ query: "heat" }), { "content-type": "text/plain" });
  assert.equal(wrongType.status, 415);
  const alive = await post(JSON.stringify({ query: "heat", limit: 1 }));
  assert.equal(alive.status, 200);
  assert.equal(server.process.exitCode, null);
});
