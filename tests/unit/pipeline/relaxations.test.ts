import assert from "node:assert/strict";
import { test } from "node:test";
import { recommend } from "../../../lib/pipeline";
import { isolatedEngine, request } from "./engine-fixture";

test("a request too narrow for the catalog says which constraints gave way, as data", async () => {
  const engine = await isolatedEngine();
  const response = await recommend(request({ query: "French horror comedies from 1950 under 80 minutes", limit: 5, route: "reasoning" }), engine);
  assert.equal(response.items.length, 5);
  assert.ok(response.metEveryConstraint !== null && response.metEveryConstraint < 5, `met: ${response.metEveryConstraint}`);
  assert.ok(response.relaxations.length > 0);
  const years = response.relaxations.find((step) => step.constraint === "years");
  assert.ok(years && years.how === "widened" && years.applied !== null, JSON.stringify(response.relaxations));
  // Every shown film falls inside the widened year range the data names.
  const [from, to] = years.applied!.split("–").map(Number);
  for (const item of response.items) assert.ok(item.year !== null && item.year >= from && item.year <= to, `${item.title} ${item.year} outside ${years.applied}`);
  for (const step of response.relaxations) assert.ok(step.text.length > 10 && (step.how === "dropped" ? step.applied === null : step.applied !== null), JSON.stringify(step));
});

test("a request the catalog can fill relaxes nothing", async () => {
  const engine = await isolatedEngine();
  const response = await recommend(request({ query: "comedies from the 90s", limit: 5, route: "reasoning" }), engine);
  assert.deepEqual(response.relaxations, []);
  assert.ok((response.metEveryConstraint ?? 0) >= 5);
  const fast = await recommend(request({ query: "Heat", limit: 5 }), engine);
  assert.equal(fast.metEveryConstraint, null);
});
