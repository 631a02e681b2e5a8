import assert from "node:assert/strict";
import { test } from "node:test";
import {
  applyFeedback,
  chooseSlate,
  createBanditState,
  createSeededRandom,
  emptyContext,
  observeImpression,
  prepareSlate,
  slotFeatures,
  UNBOUNDED_BAND,
  type BanditState,
  type ExplanationKind,
  type PolicyConfig,
} from "../../../lib/bandit";
import { tinyCatalog } from "./fixtures";

const DIMENSION = 1 << 12;
const { catalog } = tinyCatalog();
const TOY_STORY = 2;
const OBSCURE_NOIR = 3;
const QUIET_DRAMA = 4;

/**
 * The toy world: three films, each with several true explanations. Only the "hidden-gem"
 * explanation (true of Obscure Noir alone) persuades: engagement 0.7; everything else 0.1.
 */
const ENGAGEMENT: Partial<Record<ExplanationKind, number>> = { "hidden-gem": 0.7 };
const engagementOf = (kind: ExplanationKind) => ENGAGEMENT[kind] ?? 0.1;
const candidates = [TOY_STORY, OBSCURE_NOIR, QUIET_DRAMA].map((itemIndex, rank) => ({ itemIndex, relevance: 3 - rank }));
// These tests are about learning which explanation persuades, so they give the policies every
// candidate (no relevance band); the band has its own tests in choose-slate.test.ts.
const context = emptyContext({ userKey: "toy-person" });

/**
 * Runs `rounds` one-slot requests, learning from what the toy person does: a play with the
 * explanation's engagement, else a skip half of the time, else nothing. Returns the share of
 * hidden-gem in the last 100.
 */
function learn(policy: PolicyConfig, rounds: number, seed: number): { state: BanditState; lateHiddenGemShare: number } {
  const state = createBanditState({ dimension: DIMENSION });
  const decisions = createSeededRandom(seed);
  const rewards = createSeededRandom(seed + 1);
  let lateHiddenGem = 0;
  for (let round = 0; round < rounds; round++) {
    const slate = chooseSlate({ candidates, catalog, context, state, policy, random: decisions, limit: 1, band: UNBOUNDED_BAND });
    const [slot] = slate.slots;
    if (round >= rounds - 100 && slot.explanation.kind === "hidden-gem") lateHiddenGem++;
    observeImpression(state, slate.slots);
    const draw = rewards();
    const engagement = engagementOf(slot.explanation.kind);
    if (draw < engagement) applyFeedback(state, { features: slot.features, previousEvents: [], event: "play" });
    else if (draw < engagement + 0.5 * (1 - engagement)) applyFeedback(state, { features: slot.features, previousEvents: [], event: "skip" });
  }
  return { state, lateHiddenGemShare: lateHiddenGem / 100 };
}

/** What a greedy read of the learned state would show first. */
const greedyFirst = (state: BanditState) => chooseSlate({ candidates, catalog, context, state, policy: { kind: "greedy" }, random: createSeededRandom(0), limit: 1, band: UNBOUNDED_BAND }).slots[0];

test("the toy world has one best arm that greedy-from-scratch does not pick", () => {
  const first = greedyFirst(createBanditState({ dimension: DIMENSION }));
  assert.notEqual(first.explanation.kind, "hidden-gem", "relevance alone puts Toy Story first with another explanation");
});

test("ε-greedy learns the best explanation on the toy problem", () => {
  const { state, lateHiddenGemShare } = learn({ kind: "epsilon-greedy", epsilon: 0.2, decayImpressions: null, minimumEpsilon: 0 }, 600, 11);
  const first = greedyFirst(state);
  assert.equal(first.explanation.kind, "hidden-gem");
  assert.equal(first.itemIndex, OBSCURE_NOIR);
  assert.ok(lateHiddenGemShare >= 0.7, `late share of hidden-gem ${lateHiddenGemShare} (1 − ε + ε/K ≈ 0.82 expected)`);
});

test("Thompson sampling learns the best explanation on the toy problem", () => {
  const { state, lateHiddenGemShare } = learn({ kind: "thompson", samples: 16, explorationScale: 1 }, 600, 12);
  assert.equal(greedyFirst(state).explanation.kind, "hidden-gem");
  assert.ok(lateHiddenGemShare >= 0.8, `late share of hidden-gem ${lateHiddenGemShare}`);
});

test("random does not learn to prefer it (the learning above is not an artefact of the fixture)", () => {
  const { lateHiddenGemShare } = learn({ kind: "random" }, 600, 13);
  assert.ok(lateHiddenGemShare < 0.3, `random shows hidden-gem ${lateHiddenGemShare} of the time`);
});

test("a like changes the next slate (nearline)", () => {
  // Equally relevant candidates: before any feedback the tie-break decides the order.
  const tied = [TOY_STORY, OBSCURE_NOIR, QUIET_DRAMA].map((itemIndex) => ({ itemIndex, relevance: 1 }));
  const first = (state: BanditState) => chooseSlate({ candidates: tied, catalog, context, state, policy: { kind: "greedy" }, random: createSeededRandom(0), limit: 1, band: UNBOUNDED_BAND }).slots[0];
  const state = createBanditState({ dimension: DIMENSION });
  const before = first(state);
  // Someone was shown Obscure Noir as a hidden gem in the first slot (exploration) and liked it.
  const problem = prepareSlate({ candidates: tied, catalog, context, limit: 1, dimension: DIMENSION, band: UNBOUNDED_BAND });
  const explored = problem.actions.findIndex((action) => action.itemIndex === OBSCURE_NOIR && action.match.kind === "hidden-gem");
  const features = slotFeatures(problem, explored, 0);
  observeImpression(state, [{ features }]);
  const untouched = first(state);
  applyFeedback(state, { features, previousEvents: [], event: "like" });
  const after = first(state);
  assert.notEqual(before.explanation.kind, "hidden-gem");
  assert.notEqual(untouched.explanation.kind, "hidden-gem", "the impression alone (a 0) does not promote it");
  assert.deepEqual([after.itemIndex, after.explanation.kind], [OBSCURE_NOIR, "hidden-gem"]);
  assert.ok(after.predictedEngagement > untouched.predictedEngagement);
});
