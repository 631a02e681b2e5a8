import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_POLICY, describePolicy, epsilonAt, parsePolicy } from "../../../lib/bandit";

test("policies parse from configuration text, with clear errors", () => {
  assert.deepEqual(parsePolicy("random"), { kind: "random" });
  assert.deepEqual(parsePolicy(" Greedy "), { kind: "greedy" });
  assert.deepEqual(parsePolicy("epsilon-greedy"), DEFAULT_POLICY);
  assert.deepEqual(parsePolicy("epsilon-greedy:0.05"), { kind: "epsilon-greedy", epsilon: 0.05, decayImpressions: null, minimumEpsilon: 0 });
  assert.deepEqual(parsePolicy("thompson:64"), { kind: "thompson", samples: 64, explorationScale: 1 });
  assert.throws(() => parsePolicy("ucb"), /Unknown bandit policy "ucb"/);
  assert.throws(() => parsePolicy("epsilon-greedy:2"));
  assert.throws(() => parsePolicy("thompson:many"), /Bad policy parameter/);
  assert.equal(describePolicy(DEFAULT_POLICY), "epsilon-greedy(0.1)");
});

test("ε decays as t^(−1/3) after the decay horizon, never below its floor", () => {
  const decaying = { kind: "epsilon-greedy", epsilon: 0.2, decayImpressions: 1000, minimumEpsilon: 0.01 } as const;
  assert.equal(epsilonAt(decaying, 10), 0.2);
  assert.ok(Math.abs(epsilonAt(decaying, 8000) - 0.1) < 1e-12, "8× the horizon halves ε");
  assert.equal(epsilonAt(decaying, 1e12), 0.01);
  assert.equal(epsilonAt(DEFAULT_POLICY, 1e9), 0.1, "constant by default");
  assert.equal(epsilonAt({ kind: "greedy" }, 5), 0);
});
