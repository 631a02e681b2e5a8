import assert from "node:assert/strict";
import { test } from "node:test";
import { createSeededRandom, createSlatePolicy, EXPLANATION_KINDS, fillSlate, prepareSlate } from "../../../lib/bandit";
import {
  createEnvironment,
  positionBias,
  quickFactorisation,
  regretGrowthExponent,
  ridgeFoldIn,
  rowDot,
  runSimulation,
  type SimulatedUser,
} from "../../../lib/bandit/simulation";
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
      ratings.push((user < 10) === (item < 5) ? 5 : 1);
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
    const policy = createSlatePolicy(problem, { featureVersion: 1, impressions: 0, feedbackEvents: 0, model: { dimension: 1 << 10, priorPrecision: 1, mean: new Float64Array(1 << 10), precision: new Float64Array(1 << 10).fill(1), observations: 0 } }, { kind: "random" }, random);
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
      policies: [
        { name: "random", config: { kind: "random" } },
        { name: "thompson", config: { kind: "thompson", samples: 8, explorationScale: 1 } },
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
