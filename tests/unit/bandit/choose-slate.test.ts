import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chooseSlate,
  createBanditState,
  createSeededRandom,
  createSlatePolicy,
  emptyContext,
  prepareSlate,
  type BanditState,
  type PolicyConfig,
  type SlateCandidate,
} from "../../../lib/bandit";
import { plainCatalog, tinyCatalog } from "./fixtures";

const SMALL_DIMENSION = 1 << 10;

/** A state with fixed pseudo-random weights, so every policy has non-trivial scores. */
function trainedState(seed: number): BanditState {
  const state = createBanditState({ dimension: SMALL_DIMENSION });
  const random = createSeededRandom(seed);
  for (let index = 0; index < SMALL_DIMENSION; index++) {
    state.model.mean[index] += 0.6 * (random() - 0.5);
    state.model.precision[index] = 1 + 4 * random();
  }
  state.impressions = 50;
  return state;
}

const { catalog: tiny } = tinyCatalog();
const candidates: SlateCandidate[] = [0, 1, 2, 3, 4, 5, 6].map((itemIndex) => ({ itemIndex, relevance: 10 - itemIndex }));
const context = emptyContext({
  likedItemIndexes: [0],
  constraints: { runtimeMaxMinutes: 130, genres: ["Drama"], moodText: "rainy noir" },
  userKey: "person-1",
  hourOfDay: 22,
});
const POLICIES: PolicyConfig[] = [
  { kind: "random" },
  { kind: "greedy" },
  { kind: "epsilon-greedy", epsilon: 0.2, decayImpressions: null, minimumEpsilon: 0 },
  { kind: "thompson", samples: 16, explorationScale: 1 },
];

test("at every slot the policy's probabilities over the remaining choices sum to 1", () => {
  const state = trainedState(3);
  const problem = prepareSlate({ candidates, catalog: tiny, context, limit: 5, dimension: SMALL_DIMENSION });
  assert.ok(problem.actions.length > candidates.length, "several explanations per item");
  for (const policy of POLICIES) {
    const bound = createSlatePolicy(problem, state, policy, createSeededRandom(9));
    const taken = new Set<number>();
    for (let position = 0; position < problem.limit; position++) {
      const distribution = bound.distribution(position, taken);
      const total = distribution.probabilities.reduce((sum, probability) => sum + probability, 0);
      assert.ok(Math.abs(total - 1) < 1e-12, `${policy.kind} slot ${position}: sum ${total}`);
      assert.ok(distribution.actions.every((actionIndex) => !taken.has(problem.actions[actionIndex].itemIndex)), "no item twice");
      assert.equal(distribution.actions.length, problem.actions.filter((action) => !taken.has(action.itemIndex)).length, "every remaining (item, explanation) is a choice");
      taken.add(problem.actions[distribution.actions[0]].itemIndex);
    }
  }
});

test("the propensity returned with each slot is the probability of that choice", () => {
  const state = trainedState(4);
  for (const policy of POLICIES) {
    const slate = chooseSlate({ candidates, catalog: tiny, context, state, policy, random: createSeededRandom(11), limit: 4 });
    assert.equal(slate.slots.length, 4);
    for (const slot of slate.slots) assert.ok(slot.propensity > 0 && slot.propensity <= 1, `${policy.kind}: ${slot.propensity}`);
    if (policy.kind === "greedy") assert.ok(slate.slots.every((slot) => slot.propensity === 1));
    if (policy.kind === "random") {
      // 7 items; the arms of the tiny catalog give a known number of choices per slot.
      const problem = prepareSlate({ candidates, catalog: tiny, context, limit: 4, dimension: SMALL_DIMENSION });
      const remaining = (shown: number[]) => problem.actions.filter((action) => !shown.includes(action.itemIndex)).length;
      slate.slots.forEach((slot, position) => assert.equal(slot.propensity, 1 / remaining(slate.slots.slice(0, position).map((each) => each.itemIndex))));
    }
    assert.ok(Math.abs(slate.slatePropensity - slate.slots.reduce((product, slot) => product * slot.propensity, 1)) < 1e-15);
  }
});

test("ε-greedy propensities match empirical frequencies of a seeded run (slot 0, and slot 1 given slot 0)", () => {
  const state = trainedState(5);
  const policy: PolicyConfig = { kind: "epsilon-greedy", epsilon: 0.3, decayImpressions: null, minimumEpsilon: 0 };
  const random = createSeededRandom(2026);
  const runs = 12_000;
  const first = new Map<string, { count: number; propensity: number }>();
  const second = new Map<string, { count: number; propensity: number; given: string }>();
  for (let run = 0; run < runs; run++) {
    const slate = chooseSlate({ candidates, catalog: tiny, context, state, policy, random, limit: 2 });
    const [slot0, slot1] = slate.slots;
    const key0 = `${slot0.itemIndex}/${slot0.explanation.kind}`;
    const entry0 = first.get(key0) ?? { count: 0, propensity: slot0.propensity };
    assert.equal(entry0.propensity, slot0.propensity, "slot-0 propensity is the same every time");
    entry0.count++;
    first.set(key0, entry0);
    const key1 = `${key0}|${slot1.itemIndex}/${slot1.explanation.kind}`;
    const entry1 = second.get(key1) ?? { count: 0, propensity: slot1.propensity, given: key0 };
    entry1.count++;
    second.set(key1, entry1);
  }
  const totalProbability = [...first.values()].reduce((sum, entry) => sum + entry.propensity, 0);
  assert.ok(totalProbability <= 1 + 1e-12);
  for (const [key, { count, propensity }] of first) {
    const frequency = count / runs;
    const tolerance = 4.5 * Math.sqrt((propensity * (1 - propensity)) / runs) + 1e-9;
    assert.ok(Math.abs(frequency - propensity) <= tolerance, `slot 0 ${key}: frequency ${frequency} vs propensity ${propensity}`);
  }
  // Conditional frequencies at slot 1, for the most common slot-0 choice (the greedy one).
  const [greedyKey, greedy] = [...first.entries()].sort((left, right) => right[1].count - left[1].count)[0];
  assert.ok(greedy.propensity > 0.7, "the greedy choice carries 1 − ε + ε/K");
  for (const entry of [...second.values()].filter((each) => each.given === greedyKey)) {
    const frequency = entry.count / greedy.count;
    const tolerance = 4.5 * Math.sqrt((entry.propensity * (1 - entry.propensity)) / greedy.count) + 1e-9;
    assert.ok(Math.abs(frequency - entry.propensity) <= tolerance, `slot 1 after ${greedyKey}: frequency ${frequency} vs propensity ${entry.propensity}`);
  }
});

test("Thompson sampling's shown action frequencies match the average of its per-request distributions", () => {
  const state = trainedState(6);
  const policy: PolicyConfig = { kind: "thompson", samples: 8, explorationScale: 1 };
  const problem = prepareSlate({ candidates, catalog: tiny, context, limit: 1, dimension: SMALL_DIMENSION });
  const random = createSeededRandom(77);
  const runs = 4000;
  const expected = new Map<number, number>();
  const observed = new Map<number, number>();
  for (let run = 0; run < runs; run++) {
    const bound = createSlatePolicy(problem, state, policy, random);
    const distribution = bound.distribution(0, new Set());
    distribution.actions.forEach((actionIndex, slot) => expected.set(actionIndex, (expected.get(actionIndex) ?? 0) + distribution.probabilities[slot] / runs));
    const target = random();
    let cumulative = 0;
    const chosen = distribution.actions.find((_, slot) => (cumulative += distribution.probabilities[slot]) > target) ?? distribution.actions[distribution.actions.length - 1];
    observed.set(chosen, (observed.get(chosen) ?? 0) + 1 / runs);
  }
  for (const [actionIndex, probability] of expected) {
    const tolerance = 4.5 * Math.sqrt((probability * (1 - probability)) / runs) + 1e-9;
    assert.ok(Math.abs((observed.get(actionIndex) ?? 0) - probability) <= tolerance, `action ${actionIndex}: ${observed.get(actionIndex)} vs ${probability}`);
  }
  assert.ok([...expected.values()].filter((probability) => probability > 0.01).length >= 3, "the posterior is wide enough to explore");
});

test("seeded runs reproduce exactly; another seed explores differently", () => {
  const state = trainedState(7);
  for (const policy of POLICIES) {
    const run = (seed: number) => chooseSlate({ candidates, catalog: tiny, context, state, policy, random: createSeededRandom(seed), limit: 5 });
    assert.deepEqual(run(123), run(123), policy.kind);
  }
  const random = (seed: number) =>
    chooseSlate({ candidates, catalog: tiny, context, state, policy: { kind: "random" }, random: createSeededRandom(seed), limit: 5 }).slots.map((slot) => `${slot.itemIndex}/${slot.explanation.kind}`);
  assert.notDeepEqual(random(1), random(2));
});

test("before any feedback the greedy slate follows retrieval's relevance", () => {
  const { catalog } = plainCatalog(8);
  const shuffled: SlateCandidate[] = [3, 7, 1, 5, 0].map((itemIndex) => ({ itemIndex, relevance: itemIndex * 0.1 }));
  const slate = chooseSlate({ candidates: shuffled, catalog, context: emptyContext(), state: createBanditState({ dimension: SMALL_DIMENSION }), policy: { kind: "greedy" }, random: createSeededRandom(1), limit: 3 });
  assert.deepEqual(slate.slots.map((slot) => slot.itemIndex), [7, 5, 3]);
  assert.deepEqual(slate.slots.map((slot) => slot.position), [0, 1, 2]);
});

test("duplicates collapse, short candidate lists give short slates, bad input is refused", () => {
  const state = createBanditState({ dimension: SMALL_DIMENSION });
  const slate = chooseSlate({
    candidates: [{ itemIndex: 2, relevance: 1 }, { itemIndex: 2, relevance: 3 }, { itemIndex: 4, relevance: 2 }],
    catalog: tiny,
    context,
    state,
    policy: { kind: "greedy" },
    random: createSeededRandom(1),
    limit: 10,
  });
  assert.deepEqual(slate.slots.map((slot) => slot.itemIndex), [2, 4]);
  assert.equal(slate.slots[0].relevance, 3);
  assert.deepEqual(chooseSlate({ candidates: [], catalog: tiny, context, state, policy: { kind: "random" }, random: createSeededRandom(1), limit: 5 }).slots, []);
  assert.throws(() => chooseSlate({ candidates: [{ itemIndex: 99, relevance: 1 }], catalog: tiny, context, state, policy: { kind: "greedy" }, random: createSeededRandom(1), limit: 1 }), RangeError);
  assert.throws(() => chooseSlate({ candidates: [{ itemIndex: 1, relevance: Number.NaN }], catalog: tiny, context, state, policy: { kind: "greedy" }, random: createSeededRandom(1), limit: 1 }), RangeError);
});
