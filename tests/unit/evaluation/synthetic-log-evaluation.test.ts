import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateWindow, evaluationSteps, type IntervalEstimate } from "../../../lib/evaluation";
import { exactPolicyValue, syntheticLog, syntheticTrueReward } from "../../../lib/evaluation/synthetic-log";
import { explanationPolicy, GREEDY_POLICY, LOGGING_POLICY, RELEVANCE_ORDER_POLICY, UNIFORM_POLICY, type EvaluatedPolicy } from "../../../lib/evaluation/target-policies";
import { EXPLANATION_KINDS } from "../../../lib/bandit";

const WINDOW = 15 * 60_000;
const current = syntheticLog({ seed: 22, impressions: 4000, from: WINDOW, to: 2 * WINDOW });
const result = evaluateWindow({ current, previous: null });
const known = new Map<string, EvaluatedPolicy>(
  [LOGGING_POLICY, GREEDY_POLICY, UNIFORM_POLICY, RELEVANCE_ORDER_POLICY, ...EXPLANATION_KINDS.map((_, kind) => explanationPolicy(kind))].map((policy) => [policy.name, policy]),
);
const truth = (name: string) => exactPolicyValue(current, known.get(name)!, syntheticTrueReward);
const estimateOf = (name: string) => result.policies.find((policy) => policy.name === name)!;
const covers = (estimate: IntervalEstimate, value: number) => estimate.lower !== null && estimate.upper !== null && estimate.lower <= value && value <= estimate.upper;

test("on a synthetic log whose logging policy prefers the wrong explanation, the truly better policy's interval lies above the logging policy's", () => {
  assert.equal(result.impressions.evaluated, 4000);
  assert.ok(truth("explanation:hidden-gem") > truth("logging") + 0.2, "the synthetic truth makes hidden-gem better");
  const better = estimateOf("explanation:hidden-gem");
  const logging = estimateOf("logging");
  for (const estimator of ["ips", "snips", "dr"] as const) {
    assert.ok(better.perSlot[estimator].lower! > logging.perSlot[estimator].upper!, `${estimator}: ${better.perSlot[estimator].lower} > ${logging.perSlot[estimator].upper}`);
  }
  assert.equal(better.comparedToLogging, "better");
  // The logging policy's own estimate is the window's realised reward (every weight is 1).
  assert.equal(logging.perSlot.ips.effectiveSampleSize, 4000);
});

test("every per-slot IPS, SNIPS and DR estimate's interval covers the exact true value of its policy", () => {
  const names = result.policies.map((policy) => policy.name);
  assert.deepEqual(names.slice(0, 4), ["logging", "greedy", "uniform", "relevance-order"]);
  assert.ok(names.includes("explanation:hidden-gem") && names.includes("explanation:crowd-favourite"));
  for (const policy of result.policies) {
    const value = truth(policy.name);
    for (const estimator of ["ips", "snips", "dr"] as const) {
      assert.ok(covers(policy.perSlot[estimator], value), `${policy.name} ${estimator}: ${JSON.stringify(policy.perSlot[estimator])} vs truth ${value}`);
    }
    assert.ok(policy.perSlot.dr.effectiveSampleSize > 30, `${policy.name}: effective sample size ${policy.perSlot.dr.effectiveSampleSize}`);
  }
});

test("a truly worse policy is found worse, and the step-wise run gives the same result", () => {
  assert.ok(truth("explanation:picked-for-you") < truth("logging"));
  assert.notEqual(estimateOf("explanation:picked-for-you").comparedToLogging, "better");
  const small = syntheticLog({ seed: 5, impressions: 300, from: 0, to: WINDOW });
  const steps = evaluationSteps({ current: small, previous: null });
  let yields = 0;
  let next = steps.next();
  while (!next.done) {
    yields += 1;
    next = steps.next();
  }
  assert.ok(yields > 10, `${yields} steps`);
  assert.deepEqual(next.value, evaluateWindow({ current: small, previous: null }));
});
