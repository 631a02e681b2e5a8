import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chooseSlate,
  createBanditState,
  createSeededRandom,
  emptyContext,
  loggedSlateChoices,
  UNBOUNDED_BAND,
  type BanditState,
  type PolicyConfig,
  type Slate,
  type SlateCandidate,
} from "../../../lib/bandit";
import { prepareImpression } from "../../../lib/evaluation/prepared-impression";
import type { WindowImpression } from "../../../lib/evaluation";
import { tinyCatalog } from "../bandit/fixtures";

const DIMENSION = 1 << 10;
const { items, catalog } = tinyCatalog();

/** A state with pseudo-random weights, so scores differ and ties are rare but possible. */
function trainedState(seed: number): BanditState {
  const state = createBanditState({ dimension: DIMENSION });
  const random = createSeededRandom(seed);
  for (let index = 0; index < DIMENSION; index++) state.model.mean[index] += 0.6 * (random() - 0.5);
  state.impressions = 50;
  return state;
}

const context = emptyContext({ likedItemIndexes: [0], constraints: { runtimeMaxMinutes: 130, genres: ["Drama"], moodText: "rainy noir" }, userKey: "person-1", hourOfDay: 22 });

/** The slate as the store logs it (context.choices as slate-step.ts writes it). */
function logged(slate: Slate, id: string): WindowImpression {
  return {
    id,
    createdAt: 0,
    policy: slate.policy,
    context: JSON.parse(JSON.stringify({ choices: loggedSlateChoices(slate.choices, items) })) as Record<string, unknown>,
    slots: slate.slots.map((slot) => ({ itemId: items[slot.itemIndex].id, position: slot.position, explanationKind: slot.explanation.kind, propensity: slot.propensity, events: [] })),
  };
}

test("the logged choices rebuild every shown slot's propensity for ε-greedy, greedy and random, pinned or not, in the serving band and an unbounded one", () => {
  const policies: PolicyConfig[] = [{ kind: "epsilon-greedy", epsilon: 0.2, decayImpressions: null, minimumEpsilon: 0 }, { kind: "greedy" }, { kind: "random" }];
  const random = createSeededRandom(7);
  let checked = 0;
  for (let round = 0; round < 60; round++) {
    const state = trainedState(round);
    const candidates: SlateCandidate[] = [0, 1, 2, 3, 4, 5, 6].map((itemIndex) => ({ itemIndex, relevance: 10 - itemIndex + random(), pinned: round % 5 === 0 && itemIndex === 4 }));
    for (const policy of policies) {
      for (const band of [undefined, UNBOUNDED_BAND]) {
        const slate = chooseSlate({ candidates, catalog, context, limit: 5, state, policy, random, band });
        const prepared = prepareImpression(logged(slate, `r${round}`), 4096);
        assert.equal(typeof prepared, "object", `round ${round} ${policy.kind}: ${String(prepared)}`);
        if (typeof prepared === "string") continue;
        assert.equal(prepared.startPosition, round % 5 === 0 ? 1 : 0);
        // The logging marginals at the first unpinned slot are the conditional distribution there.
        const first = prepared.loggingMarginals[0];
        assert.ok(Math.abs([...first.values()].reduce((sum, value) => sum + value, 0) - 1) < 1e-9);
        checked += 1;
      }
    }
  }
  assert.equal(checked, 60 * 3 * 2);
});

test("Thompson-sampled impressions and impressions without choices are set aside with their reason", () => {
  const state = trainedState(1);
  const candidates: SlateCandidate[] = [0, 1, 2, 3, 4].map((itemIndex) => ({ itemIndex, relevance: 10 - itemIndex }));
  const slate = chooseSlate({ candidates, catalog, context, limit: 4, state, policy: { kind: "thompson", samples: 8, explorationScale: 1 }, random: createSeededRandom(3) });
  assert.equal(prepareImpression(logged(slate, "t"), 4096), "thompson");
  assert.equal(prepareImpression({ ...logged(slate, "old"), context: { path: "fast" } }, 4096), "without-choices");
  const greedy = chooseSlate({ candidates, catalog, context, limit: 4, state, policy: { kind: "greedy" }, random: createSeededRandom(3) });
  const tampered = logged(greedy, "x");
  tampered.slots[1] = { ...tampered.slots[1], propensity: 0.5 };
  assert.equal(prepareImpression(tampered, 4096), "mismatched");
});
