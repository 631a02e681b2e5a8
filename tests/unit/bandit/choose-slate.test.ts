import assert from "node:assert/strict";
import { test } from "node:test";
import {
  bandOf,
  chooseSlate,
  createBanditState,
  createSeededRandom,
  createSlatePolicy,
  emptyContext,
  prepareSlate,
  UNBOUNDED_BAND,
  type BanditState,
  type PolicyConfig,
  type SlateCandidate,
  type SlateProblem,
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

/** The actions a slot may choose among after `taken`: every explanation of every item in the band. */
const bandActions = (problem: SlateProblem, taken: ReadonlySet<number>) => bandOf(problem, taken).flatMap((itemIndex) => [...problem.actionsOfItem(itemIndex)]);

test("at every slot the policy's probabilities over the band's choices sum to 1", () => {
  const state = trainedState(3);
  for (const band of [undefined, UNBOUNDED_BAND]) {
    const problem = prepareSlate({ candidates, catalog: tiny, context, limit: 5, dimension: SMALL_DIMENSION, band });
    assert.ok(problem.actions.length > candidates.length, "several explanations per item");
    for (const policy of POLICIES) {
      const bound = createSlatePolicy(problem, state, policy, createSeededRandom(9));
      const taken = new Set<number>();
      for (let position = 0; position < problem.limit; position++) {
        const distribution = bound.distribution(position, taken);
        const total = distribution.probabilities.reduce((sum, probability) => sum + probability, 0);
        assert.ok(Math.abs(total - 1) < 1e-12, `${policy.kind} slot ${position}: sum ${total}`);
        assert.ok(
          distribution.actions.every((actionIndex) => !taken.has(problem.actions[actionIndex].itemIndex)),
          "no item twice",
        );
        assert.deepEqual(distribution.actions, bandActions(problem, taken), "every (item, explanation) of the band is a choice, nothing else");
        if (band === UNBOUNDED_BAND) assert.equal(distribution.actions.length, problem.actions.filter((action) => !taken.has(action.itemIndex)).length, "no band: every remaining action");
        taken.add(problem.actions[distribution.actions[0]].itemIndex);
      }
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
      // Uniform over the (item, explanation) pairs of the band after the earlier slots.
      const problem = prepareSlate({ candidates, catalog: tiny, context, limit: 4, dimension: SMALL_DIMENSION });
      slate.slots.forEach((slot, position) => assert.equal(slot.propensity, 1 / bandActions(problem, new Set(slate.slots.slice(0, position).map((each) => each.itemIndex))).length));
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
  // No band here: the test is about Thompson's own randomness, which needs room to show.
  const problem = prepareSlate({ candidates, catalog: tiny, context, limit: 1, dimension: SMALL_DIMENSION, band: UNBOUNDED_BAND });
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
    chooseSlate({ candidates, catalog: tiny, context, state, policy: { kind: "random" }, random: createSeededRandom(seed), limit: 5 }).slots.map(
      (slot) => `${slot.itemIndex}/${slot.explanation.kind}`,
    );
  assert.notDeepEqual(random(1), random(2));
});

test("before any feedback the greedy slate follows retrieval's relevance", () => {
  const { catalog } = plainCatalog(8);
  const shuffled: SlateCandidate[] = [3, 7, 1, 5, 0].map((itemIndex) => ({ itemIndex, relevance: itemIndex * 0.1 }));
  const slate = chooseSlate({
    candidates: shuffled,
    catalog,
    context: emptyContext(),
    state: createBanditState({ dimension: SMALL_DIMENSION }),
    policy: { kind: "greedy" },
    random: createSeededRandom(1),
    limit: 3,
  });
  assert.deepEqual(
    slate.slots.map((slot) => slot.itemIndex),
    [7, 5, 3],
  );
  assert.deepEqual(
    slate.slots.map((slot) => slot.position),
    [0, 1, 2],
  );
});

test("duplicates collapse, short candidate lists give short slates, bad input is refused", () => {
  const state = createBanditState({ dimension: SMALL_DIMENSION });
  const slate = chooseSlate({
    candidates: [
      { itemIndex: 2, relevance: 1 },
      { itemIndex: 2, relevance: 3 },
      { itemIndex: 4, relevance: 2 },
    ],
    catalog: tiny,
    context,
    state,
    policy: { kind: "greedy" },
    random: createSeededRandom(1),
    limit: 10,
  });
  assert.deepEqual(
    slate.slots.map((slot) => slot.itemIndex),
    [2, 4],
  );
  assert.equal(slate.slots[0].relevance, 3);
  assert.deepEqual(chooseSlate({ candidates: [], catalog: tiny, context, state, policy: { kind: "random" }, random: createSeededRandom(1), limit: 5 }).slots, []);
  assert.throws(() => chooseSlate({ candidates: [{ itemIndex: 99, relevance: 1 }], catalog: tiny, context, state, policy: { kind: "greedy" }, random: createSeededRandom(1), limit: 1 }), RangeError);
  assert.throws(
    () => chooseSlate({ candidates: [{ itemIndex: 1, relevance: Number.NaN }], catalog: tiny, context, state, policy: { kind: "greedy" }, random: createSeededRandom(1), limit: 1 }),
    RangeError,
  );
});

test("pinned candidates fill the first slots in the order given, with propensity 1, under every policy", () => {
  const state = trainedState(8);
  // Items 5 and 3 are pinned (in that order) although retrieval ranks them low.
  const pinned: SlateCandidate[] = candidates.map((candidate) => ({ ...candidate, pinned: candidate.itemIndex === 5 || candidate.itemIndex === 3 }));
  const reordered = [pinned[5], ...pinned.filter((candidate) => candidate.itemIndex !== 5)];
  for (const policy of POLICIES) {
    for (let seed = 0; seed < 20; seed++) {
      const slate = chooseSlate({ candidates: reordered, catalog: tiny, context, state, policy, random: createSeededRandom(seed), limit: 4 });
      assert.deepEqual(
        slate.slots.slice(0, 2).map((slot) => slot.itemIndex),
        [5, 3],
        `${policy.kind} seed ${seed}`,
      );
      assert.deepEqual(
        slate.slots.map((slot) => slot.pinned),
        [true, true, false, false],
      );
      assert.deepEqual(
        slate.slots.slice(0, 2).map((slot) => slot.propensity),
        [1, 1],
      );
      assert.ok(
        slate.slots.slice(2).every((slot) => slot.itemIndex !== 5 && slot.itemIndex !== 3),
        "a pinned item is shown once",
      );
    }
  }
  // The pinned slot shows the explanation the model rates best, the same every time.
  const kinds = new Set(
    Array.from(
      { length: 10 },
      (_, seed) => chooseSlate({ candidates: reordered, catalog: tiny, context, state, policy: POLICIES[3], random: createSeededRandom(seed), limit: 1 }).slots[0].explanation.kind,
    ),
  );
  assert.equal(kinds.size, 1);
});

test("the band: an exact title far above the rest stays first even when the learned model prefers another film", () => {
  const { catalog } = plainCatalog(8);
  // "To Kill a Mockingbird" 0.070 against "3 Days to Kill" 0.018 and the neighbours below it.
  const scores = [0.07, 0.018, 0.017, 0.0165, 0.016, 0.0155, 0.015, 0.014];
  const lookup: SlateCandidate[] = scores.map((relevance, itemIndex) => ({ itemIndex, relevance }));
  const state = createBanditState({ dimension: SMALL_DIMENSION });
  // A model that learned to love whatever item 1 is (every feature of its actions pushed up).
  const problem = prepareSlate({ candidates: lookup, catalog, context: emptyContext(), limit: 5, dimension: SMALL_DIMENSION });
  for (const actionIndex of problem.actionsOfItem(1)) for (const feature of problem.actions[actionIndex].features.indexes) state.model.mean[feature] += 3;
  for (const policy of POLICIES) {
    for (let seed = 0; seed < 30; seed++) {
      const slate = chooseSlate({ candidates: lookup, catalog, context: emptyContext(), state, policy, random: createSeededRandom(seed), limit: 5 });
      assert.equal(slate.slots[0].itemIndex, 0, `${policy.kind} seed ${seed}`);
    }
  }
  assert.deepEqual(bandOf(problem, new Set()), [0], "nothing else is close enough to compete for the first slot");
  const unbounded = chooseSlate({ candidates: lookup, catalog, context: emptyContext(), state, policy: { kind: "greedy" }, random: createSeededRandom(1), limit: 5, band: UNBOUNDED_BAND });
  assert.equal(unbounded.slots[0].itemIndex, 1, "without the band this model would put the weaker film first");
});

test("no policy shows the item at retrieval rank r before slot r − width + 1, nor one past the slate, whatever the model learned", () => {
  const { catalog } = plainCatalog(12);
  const flat: SlateCandidate[] = Array.from({ length: 12 }, (_, itemIndex) => ({ itemIndex, relevance: 1 - itemIndex * 0.01 }));
  for (let seed = 0; seed < 10; seed++) {
    const state = trainedState(100 + seed);
    for (let index = 0; index < SMALL_DIMENSION; index++) state.model.mean[index] *= 10; // an extreme, arbitrary learned term
    for (const policy of POLICIES) {
      const slate = chooseSlate({ candidates: flat, catalog, context, state, policy, random: createSeededRandom(seed), limit: 8 });
      slate.slots.forEach((slot) => assert.ok(slot.itemIndex <= slot.position + 2, `${policy.kind}: rank ${slot.itemIndex} in slot ${slot.position}`));
      assert.deepEqual(
        slate.slots.map((slot) => slot.itemIndex).sort((left, right) => left - right),
        [0, 1, 2, 3, 4, 5, 6, 7],
        "the films retrieval ranked first, reordered",
      );
      assert.deepEqual(slate.band, { width: 3, maximumDrop: 0.15, reachPastSlate: false });
      const reaching = chooseSlate({ candidates: flat, catalog, context, state, policy, random: createSeededRandom(seed), limit: 8, band: { ...slate.band, reachPastSlate: true } });
      reaching.slots.forEach((slot) => assert.ok(slot.itemIndex <= slot.position + 2, `${policy.kind} reaching past the slate: rank ${slot.itemIndex} in slot ${slot.position}`));
    }
  }
});
