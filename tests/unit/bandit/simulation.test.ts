import assert from "node:assert/strict";
import { test } from "node:test";
import { createSeededRandom, createSlatePolicy, EXPLANATION_KINDS, fillSlate, prepareSlate, UNBOUNDED_BAND } from "../../../lib/bandit";
import { createEnvironment, positionBias, quickFactorisation, regretGrowthExponent, ridgeFoldIn, rowDot, runSimulation, slateNdcg, trueGain, type SimulatedUser } from "../../../lib/bandit/simulation";
import { plainCatalog } from "./fixtures";

test("the quick factorisation is deterministic and recovers two taste groups", () => {
  // Users 0–9 love items 0–4 and dislike 5–9; users 10–19 the opposite.
  const users: number[] = [];
  const items: number[] = [];
  const ratings: number[] = [];
  for (let user = 0; user < 20; user++) {
    for (let item = 0; item < 10; item++) {
      if ((user + item) % 3 === 0) continue; // leave holes to predict
      users.push(user);
      items.push(item);
      ratings.push(user < 10 === item < 5 ? 5 : 1);
    }
  }
  const table = { users, items, ratings, userCount: 20, itemCount: 10 };
  const first = quickFactorisation(table, { dimensions: 4, iterations: 10, seed: 3 });
  const second = quickFactorisation(table, { dimensions: 4, iterations: 10, seed: 3 });
  assert.deepEqual(Array.from(first.itemVectors), Array.from(second.itemVectors));
  // A new user who liked item 0 and disliked item 7 should prefer the rest of group A.
  const vector = ridgeFoldIn(first.itemVectors, 4, [0, 7], [2, -2], 0.05);
  const groupA = [1, 2, 3, 4].map((item) => rowDot(first.itemVectors, item, vector, 4));
  const groupB = [5, 6, 8, 9].map((item) => rowDot(first.itemVectors, item, vector, 4));
  assert.ok(Math.min(...groupA) > Math.max(...groupB), `A ${groupA} vs B ${groupB}`);
});

test("the regret growth exponent is 1 for linear regret and 0.5 for square-root regret", () => {
  const linear = Float64Array.from({ length: 10_000 }, (_, index) => 0.3 * (index + 1));
  const squareRoot = Float64Array.from({ length: 10_000 }, (_, index) => 5 * Math.sqrt(index + 1));
  assert.ok(Math.abs(regretGrowthExponent(linear) - 1) < 1e-9);
  assert.ok(Math.abs(regretGrowthExponent(squareRoot) - 0.5) < 1e-9);
});

/** Two hand-made users over the plain catalog: one answers to "top-rated-in-genre", one to "picked-for-you". */
function handMadeUsers(itemCount: number): SimulatedUser[] {
  const pool = Array.from({ length: itemCount }, (_, index) => index);
  const make = (userId: number, favourite: string): SimulatedUser => ({
    userId,
    key: `movielens:${userId}`,
    likedHistory: [0],
    pool,
    poolRelevance: Float64Array.from(pool, (index) => (userId === 1 ? index : itemCount - index)),
    poolTrueAffinity: Float64Array.from(pool, (index) => ((userId === 1 ? index : itemCount - index) - itemCount / 2) / itemCount),
    kindEffect: Float64Array.from(EXPLANATION_KINDS, (kind) => (kind === favourite ? 1.5 : -0.5)),
    moodWords: ["drama", "comedy"],
    heldOutTraits: {},
  });
  return [make(1, "top-rated-in-genre"), make(2, "picked-for-you")];
}

test("the oracle slate is at least as good as any slate a policy fills, and the observable oracle no better", () => {
  const { items, catalog } = plainCatalog(12);
  const environment = createEnvironment({ users: handMadeUsers(items.length), items, candidatesPerRound: 8, limit: 4 });
  const random = createSeededRandom(4);
  for (let round = 0; round < 50; round++) {
    const simulationRound = environment.drawRound(random);
    const problem = prepareSlate({ candidates: simulationRound.candidates, catalog, context: simulationRound.context, limit: 4, dimension: 1 << 10 });
    const oracle = environment.oracleValue(simulationRound, problem);
    assert.ok(environment.observableOracleValue(simulationRound, problem) <= oracle + 1e-12);
    const policy = createSlatePolicy(
      problem,
      {
        featureVersion: 1,
        impressions: 0,
        feedbackEvents: 0,
        model: { dimension: 1 << 10, priorPrecision: 1, mean: new Float64Array(1 << 10), precision: new Float64Array(1 << 10).fill(1), observations: 0 },
      },
      { kind: "random" },
      random,
    );
    const value = fillSlate(problem, policy, random).reduce((sum, { actionIndex, position }) => sum + positionBias(position) * environment.engagement(simulationRound, actionIndex, problem), 0);
    assert.ok(value <= oracle + 1e-12, `random slate ${value} beat the oracle ${oracle}`);
  }
});

test("a seeded simulation reproduces exactly, and learners beat random on the hand-made users", () => {
  const { items, catalog } = plainCatalog(12);
  const environment = createEnvironment({ users: handMadeUsers(items.length), items, candidatesPerRound: 8, limit: 3 });
  const run = () =>
    runSimulation({
      environment,
      catalog,
      rounds: 400,
      seed: 9,
      limit: 3,
      stateOptions: { dimension: 1 << 10 },
      // No band: the question is whether learning works at all (the band has its own test).
      policies: [
        { name: "random", config: { kind: "random" }, band: UNBOUNDED_BAND },
        { name: "thompson", config: { kind: "thompson", samples: 8, explorationScale: 1 }, band: UNBOUNDED_BAND },
      ],
    });
  const first = run();
  const second = run();
  assert.deepEqual(Array.from(first.runs[1].cumulativeRegret), Array.from(second.runs[1].cumulativeRegret));
  const [random, thompson] = first.runs;
  assert.ok(thompson.cumulativeRegret[399] < 0.6 * random.cumulativeRegret[399], `thompson ${thompson.cumulativeRegret[399]} vs random ${random.cumulativeRegret[399]}`);
  const lateRegret = (curve: Float64Array) => curve[399] - curve[299];
  const earlyRegret = (curve: Float64Array) => curve[99];
  assert.ok(lateRegret(thompson.cumulativeRegret) < earlyRegret(thompson.cumulativeRegret), "per-round regret falls as it learns");
});

test("slate NDCG: 1 for the ideal order, the known value for a swap, null when nothing has a positive gain", () => {
  const gains = new Map([
    [1, 3],
    [2, 2],
    [3, 0],
    [4, 1],
  ]);
  const gain = (item: number) => gains.get(item) ?? 0;
  assert.equal(slateNdcg([1, 2, 4], [1, 2, 3, 4], gain, 3), 1);
  const swapped = (2 + 3 / Math.log2(3) + 1 / 2) / (3 + 2 / Math.log2(3) + 1 / 2);
  assert.ok(Math.abs(slateNdcg([2, 1, 4], [1, 2, 3, 4], gain, 3)! - swapped) < 1e-12);
  assert.equal(slateNdcg([3], [3], gain, 1), null);
  assert.equal(trueGain(-0.4), 0);
  assert.throws(() => slateNdcg([1], [1], gain, 0), RangeError);
});

test("impressions without feedback keep the served order on relevance; the earlier rule (every impression a 0) drifts", () => {
  const { items, catalog } = plainCatalog(12);
  const environment = createEnvironment({ users: handMadeUsers(items.length), items, candidatesPerRound: 8, limit: 4 });
  const ndcg = new Map<string, number[]>();
  const retrieval: number[] = [];
  const result = runSimulation({
    environment,
    catalog,
    rounds: 600,
    seed: 3,
    limit: 4,
    stateOptions: { dimension: 1 << 10 },
    policies: [
      { name: "now", config: { kind: "greedy" }, feedback: false },
      { name: "before", config: { kind: "greedy" }, feedback: false, band: UNBOUNDED_BAND, learning: "impressions-as-zeros" },
    ],
    onRound({ policyName, problem, filled, simulationRound }) {
      const gain = (item: number) => trueGain(environment.trueAffinity(simulationRound, item));
      if (policyName === "now") retrieval.push(slateNdcg(problem.rankedItems.slice(0, problem.limit), problem.rankedItems, gain, 4) ?? 1);
      const list = ndcg.get(policyName) ?? [];
      list.push(
        slateNdcg(
          filled.map(({ actionIndex }) => problem.actions[actionIndex].itemIndex),
          problem.rankedItems,
          gain,
          4,
        ) ?? 1,
      );
      ndcg.set(policyName, list);
    },
  });
  const lateMean = (values: number[]) => values.slice(-200).reduce((sum, value) => sum + value, 0) / 200;
  assert.deepEqual(ndcg.get("now"), retrieval, "every slate in retrieval's order");
  assert.equal(result.runs[0].state.model.observations, 0);
  assert.equal(result.runs[0].state.impressions, 600);
  assert.ok(lateMean(ndcg.get("before")!) < lateMean(retrieval) - 0.05, `before: ${lateMean(ndcg.get("before")!)} vs retrieval ${lateMean(retrieval)}`);
});
