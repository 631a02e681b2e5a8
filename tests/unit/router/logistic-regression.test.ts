import assert from "node:assert/strict";
import { test } from "node:test";
import { predictProbability, trainLogisticRegression } from "../../../router/logistic-regression";
import { DEFAULT_ROUTER_THRESHOLD, routerThresholdFromEnvironment } from "../../../router/config";
import { FEATURE_NAMES } from "../../../router/features";
import { ROUTER_WEIGHTS, validateRouterWeights } from "../../../router/router-weights";

test("learns a separable rule and puts the weight on the feature that decides", () => {
  // Label = feature a; feature b is noise that agrees half of the time.
  const rows = [
    [1, 0],
    [1, 1],
    [0, 0],
    [0, 1],
    [1, 0],
    [0, 1],
  ];
  const labels = [1, 1, 0, 0, 1, 0];
  const model = trainLogisticRegression(rows, labels, ["a", "b"], { iterations: 2000, learningRate: 0.5, l2: 0 });
  assert.ok(model.weights[0] > 2, `weight on a: ${model.weights[0]}`);
  assert.ok(Math.abs(model.weights[1]) < model.weights[0] / 2);
  for (const [index, row] of rows.entries()) assert.equal(predictProbability(model, row) >= 0.5 ? 1 : 0, labels[index]);
});

test("deterministic: the same rows give the same weights", () => {
  const rows = [
    [0.2, 1],
    [0.9, 0],
    [0.4, 1],
    [0.8, 1],
  ];
  const labels = [0, 1, 0, 1];
  assert.deepEqual(trainLogisticRegression(rows, labels, ["x", "y"]), trainLogisticRegression(rows, labels, ["x", "y"]));
});

test("refuses mismatched input", () => {
  assert.throws(() => trainLogisticRegression([[1, 2]], [1, 0], ["a", "b"]), /1 rows but 2 labels/);
  assert.throws(() => trainLogisticRegression([[1]], [1], ["a", "b"]), /expected 2/);
});

test("the committed weights match the feature vector and refuse a stale file", () => {
  assert.deepEqual(ROUTER_WEIGHTS.featureNames, [...FEATURE_NAMES]);
  assert.throws(() => validateRouterWeights({ ...ROUTER_WEIGHTS, featureNames: ROUTER_WEIGHTS.featureNames.slice(1) }), /router:train/);
});

test("the threshold knob from the environment, invalid values refused with a warning", () => {
  assert.deepEqual(routerThresholdFromEnvironment({}), { threshold: DEFAULT_ROUTER_THRESHOLD, warning: null });
  assert.deepEqual(routerThresholdFromEnvironment({ REELCAST_ROUTER_THRESHOLD: "0.3" }), { threshold: 0.3, warning: null });
  const invalid = routerThresholdFromEnvironment({ REELCAST_ROUTER_THRESHOLD: "2" });
  assert.equal(invalid.threshold, DEFAULT_ROUTER_THRESHOLD);
  assert.match(invalid.warning!, /not a number in \[0, 1\]/);
});
