import assert from "node:assert/strict";
import { test } from "node:test";
import {
  createBanditState,
  createSeededRandom,
  createSlatePolicy,
  doublyRobustEstimate,
  emptyContext,
  inversePropensityEstimate,
  prepareSlate,
  sampleIndex,
  selfNormalizedEstimate,
  type LoggedSlot,
} from "../../../lib/bandit";
import { availabilityProbability, positionMarginals } from "../../../lib/bandit/position-marginals";
import { plainCatalog } from "./fixtures";

/**
 * A toy two-slot world: three items a, b, c; the reward of a slot depends on the item and the
 * slot (position-based), as expected rewards. Policies place two distinct items in order.
 */
const REWARD: number[][] = [
  [0.9, 0.5], // item 0 in slot 0, slot 1
  [0.4, 0.3],
  [0.2, 0.1],
];
type Conditional = (slot: number, taken: number[]) => number[]; // probability per item (0 for taken)

const normalise = (weights: number[], taken: number[]) => {
  const masked = weights.map((weight, item) => (taken.includes(item) ? 0 : weight));
  const total = masked.reduce((sum, weight) => sum + weight, 0);
  return masked.map((weight) => weight / total);
};
const logging: Conditional = (slot, taken) => normalise(slot === 0 ? [0.1, 0.3, 0.6] : [0.6, 0.3, 0.1], taken);
const target: Conditional = (slot, taken) => normalise(slot === 0 ? [0.7, 0.2, 0.1] : [0.1, 0.1, 0.8], taken);
const predicted = (item: number, slot: number) => REWARD[item][slot] * 0.8 + 0.05; // a deliberately imperfect q̂

/** Every ordered slate with its probability under a policy. */
function slates(policy: Conditional): Array<{ items: [number, number]; probability: number }> {
  const all: Array<{ items: [number, number]; probability: number }> = [];
  for (let first = 0; first < 3; first++) {
    for (let second = 0; second < 3; second++) {
      if (first === second) continue;
      all.push({ items: [first, second], probability: policy(0, [])[first] * policy(1, [first])[second] });
    }
  }
  return all;
}

const trueValue = slates(target).reduce((sum, { items, probability }) => sum + probability * (REWARD[items[0]][0] + REWARD[items[1]][1]), 0);

function loggedSlate(items: [number, number], rewards: [number, number]): LoggedSlot[] {
  return items.map((item, slot) => {
    const taken = items.slice(0, slot);
    const targetDistribution = target(slot, taken);
    return {
      reward: rewards[slot],
      loggingPropensity: logging(slot, taken)[item],
      targetPropensity: targetDistribution[item],
      predictedReward: predicted(item, slot),
      targetPredictedReward: targetDistribution.reduce((sum, probability, candidate) => sum + probability * predicted(candidate, slot), 0),
    };
  });
}

test("sequential IPS and DR are exactly unbiased on a toy log (expectation by enumeration)", () => {
  let expectedIps = 0;
  let expectedDr = 0;
  for (const { items, probability } of slates(logging)) {
    // Expected rewards stand in for the Bernoulli outcomes: both estimators are linear in r.
    const slate = loggedSlate(items, [REWARD[items[0]][0], REWARD[items[1]][1]]);
    expectedIps += probability * inversePropensityEstimate([slate]).value;
    expectedDr += probability * doublyRobustEstimate([slate]).value;
  }
  assert.ok(Math.abs(expectedIps - trueValue) < 1e-12, `E[IPS] ${expectedIps} vs ${trueValue}`);
  assert.ok(Math.abs(expectedDr - trueValue) < 1e-12, `E[DR] ${expectedDr} vs ${trueValue}`);
  // The logging policy's own value differs, so an estimator that ignored the weights would fail.
  const loggingValue = slates(logging).reduce((sum, { items, probability }) => sum + probability * (REWARD[items[0]][0] + REWARD[items[1]][1]), 0);
  assert.ok(Math.abs(loggingValue - trueValue) > 0.1);
});

test("on a sampled toy log, IPS, SNIPS and DR land within a few standard errors of the truth", () => {
  const random = createSeededRandom(8);
  const log: LoggedSlot[][] = [];
  for (let request = 0; request < 20_000; request++) {
    const first = sampleIndex(logging(0, []), random);
    const second = sampleIndex(logging(1, [first]), random);
    const items: [number, number] = [first, second];
    log.push(loggedSlate(items, [random() < REWARD[first][0] ? 1 : 0, random() < REWARD[second][1] ? 1 : 0]));
  }
  for (const [name, estimate] of [
    ["IPS", inversePropensityEstimate(log)],
    ["SNIPS", selfNormalizedEstimate(log)],
    ["DR", doublyRobustEstimate(log)],
  ] as const) {
    assert.ok(Math.abs(estimate.value - trueValue) < 4 * estimate.standardError + 0.01, `${name} ${estimate.value} ± ${estimate.standardError} vs ${trueValue}`);
    assert.ok(estimate.effectiveSampleSize > 100 && estimate.effectiveSampleSize <= 20_000);
  }
  assert.ok(doublyRobustEstimate(log).standardError < inversePropensityEstimate(log).standardError, "a decent q̂ lowers the variance");
});

test("per-slot weights with marginal propensities are unbiased when slots are independent", () => {
  // Marginals of each policy: P(item in slot).
  const marginal = (policy: Conditional) => [0, 1].map((slot) => [0, 1, 2].map((item) => slates(policy).reduce((sum, each) => sum + (each.items[slot] === item ? each.probability : 0), 0)));
  const loggingMarginal = marginal(logging);
  const targetMarginal = marginal(target);
  let expected = 0;
  for (const { items, probability } of slates(logging)) {
    const slate = items.map((item, slot) => ({ reward: REWARD[item][slot], loggingPropensity: loggingMarginal[slot][item], targetPropensity: targetMarginal[slot][item] }));
    expected += probability * inversePropensityEstimate([slate], "per-slot").value;
  }
  assert.ok(Math.abs(expected - trueValue) < 1e-12, `E[per-slot IPS] ${expected} vs ${trueValue}`);
});

test("per-slot weights from logged conditional propensities and item availability are unbiased too", () => {
  const targetMarginal = [0, 1].map((slot) => [0, 1, 2].map((item) => slates(target).reduce((sum, each) => sum + (each.items[slot] === item ? each.probability : 0), 0)));
  // P(item not placed in slot 0) under the logging policy.
  const availability = (item: number, slot: number) => (slot === 0 ? 1 : 1 - logging(0, [])[item]);
  let expected = 0;
  for (const { items, probability } of slates(logging)) {
    const slate = items.map((item, slot) => ({
      reward: REWARD[item][slot],
      loggingPropensity: logging(slot, items.slice(0, slot))[item] * availability(item, slot),
      targetPropensity: targetMarginal[slot][item],
    }));
    expected += probability * inversePropensityEstimate([slate], "per-slot").value;
  }
  assert.ok(Math.abs(expected - trueValue) < 1e-12, `E[per-slot IPS, availability form] ${expected} vs ${trueValue}`);
});

test("availability probability matches exact enumeration and is never zero for a reachable item", () => {
  const { catalog } = plainCatalog(4);
  // A band of two keeps the enumeration small and leaves every slot a choice.
  const problem = prepareSlate({
    candidates: [0, 1, 2, 3].map((itemIndex) => ({ itemIndex, relevance: itemIndex })),
    catalog,
    context: emptyContext(),
    limit: 3,
    dimension: 1 << 10,
    band: { width: 2, maximumDrop: 1 },
  });
  const policy = createSlatePolicy(problem, createBanditState({ dimension: 1 << 10 }), { kind: "epsilon-greedy", epsilon: 0.2, decayImpressions: null, minimumEpsilon: 0 }, createSeededRandom(1));
  // Exact: sum over every two-slot prefix of its probability, for prefixes without the item.
  const exact = (itemIndex: number) => {
    let available = 0;
    const first = policy.distribution(0, new Set());
    first.actions.forEach((firstAction, firstSlot) => {
      const firstItem = problem.actions[firstAction].itemIndex;
      const second = policy.distribution(1, new Set([firstItem]));
      second.actions.forEach((secondAction, secondSlot) => {
        const secondItem = problem.actions[secondAction].itemIndex;
        if (firstItem !== itemIndex && secondItem !== itemIndex) available += first.probabilities[firstSlot] * second.probabilities[secondSlot];
      });
    });
    return available;
  };
  for (let itemIndex = 0; itemIndex < 4; itemIndex++) {
    const estimate = availabilityProbability(problem, policy, createSeededRandom(10 + itemIndex), itemIndex, 2, 3000);
    const truth = exact(itemIndex);
    assert.ok(estimate > 0);
    assert.ok(Math.abs(estimate - truth) < 0.01 * truth + 0.002, `item ${itemIndex}: ${estimate} vs exact ${truth}`);
  }
  assert.equal(availabilityProbability(problem, policy, createSeededRandom(1), 3, 0), 1);
});

test("position marginals: slot 0 is the exact distribution, every slot sums to 1", () => {
  const { catalog } = plainCatalog(6);
  const problem = prepareSlate({
    candidates: [0, 1, 2, 3, 4, 5].map((itemIndex) => ({ itemIndex, relevance: itemIndex })),
    catalog,
    context: emptyContext(),
    limit: 3,
    dimension: 1 << 10,
    band: { width: 3, maximumDrop: 1 },
  });
  const policy = createSlatePolicy(problem, createBanditState({ dimension: 1 << 10 }), { kind: "epsilon-greedy", epsilon: 0.3, decayImpressions: null, minimumEpsilon: 0 }, createSeededRandom(1));
  const marginals = positionMarginals(problem, policy, createSeededRandom(2), 64);
  const exact = policy.distribution(0, new Set());
  exact.actions.forEach((actionIndex, slot) => assert.ok(Math.abs(marginals[0].get(actionIndex)! - exact.probabilities[slot]) < 1e-12));
  for (const marginal of marginals) {
    const total = [...marginal.values()].reduce((sum, probability) => sum + probability, 0);
    assert.ok(Math.abs(total - 1) < 1e-9, `sum ${total}`);
  }
});
