import assert from "node:assert/strict";
import { test } from "node:test";
import type { DirectionScores } from "../../../lib/catalog/content-directions";
import { applyConstraints } from "../../../lib/reasoning/apply-constraints";
import { parseConstraints } from "../../../lib/reasoning/constraints";
import { directionPreference } from "../../../lib/reasoning/direction-preference";
import { tinyCatalog } from "./tiny-catalog";

// Known answers on the tiny catalog: Heat and Collateral violent, Clueless and Before Sunrise gentle.
const items = tinyCatalog();
const scores: DirectionScores = {
  violence: Float32Array.from([0.95, 0.85, 0.05, 0.2, 0.1, 0.4, 0.7, 0.0]),
  darkness: Float32Array.from([0.8, 0.7, 0.1, 0.1, 0.2, 0.5, 0.9, 0.3]),
  intensity: Float32Array.from([0.9, 0.9, 0.1, 0.2, 0.1, 0.6, 0.95, 0.1]),
};
const everyone = items.map((_, itemIndex) => ({ itemIndex, score: 1 }));
const titles = (result: ReturnType<typeof applyConstraints>) => result.items.map((item) => items[item.itemIndex].title);

test("the constraint schema: directions default to none, repair and never fail the parse", () => {
  assert.deepEqual(parseConstraints({}).directions, []);
  assert.deepEqual(parseConstraints({ directions: "less violent" }).directions, [], "a malformed field becomes empty");
  assert.deepEqual(parseConstraints({ genres: ["Comedy"], directions: [{ direction: "gore" }] }).directions, []);
  assert.deepEqual(parseConstraints({ directions: [{ direction: "violence", towards: "less" }] }).directions, [{ direction: "violence", towards: "less", amount: 1 }]);
  assert.deepEqual(
    parseConstraints({
      directions: [
        { direction: "darkness", towards: "more" },
        { direction: "darkness", towards: "less", amount: 9 },
      ],
    }).directions,
    [{ direction: "darkness", towards: "less", amount: 2 }],
    "the last wish on an axis wins; amounts are clamped",
  );
});

test("a direction re-orders and never filters", () => {
  const plain = applyConstraints(everyone, items, parseConstraints({}), { limit: 8, directionScores: scores });
  const gentle = applyConstraints(everyone, items, parseConstraints({ directions: [{ direction: "violence", towards: "less" }] }), { limit: 8, directionScores: scores });
  assert.deepEqual([...titles(gentle)].sort(), [...titles(plain)].sort(), "the same films, only ordered");
  assert.deepEqual(titles(gentle).slice(0, 2), ["Before Sunrise", "Clueless"]);
  assert.deepEqual(titles(gentle).slice(-2), ["Collateral", "Heat"]);
  const violent = applyConstraints(everyone, items, parseConstraints({ directions: [{ direction: "violence", towards: "more" }] }), { limit: 8, directionScores: scores });
  assert.deepEqual(titles(violent).slice(0, 2), ["Heat", "Collateral"]);
});

test("without scores or wishes nothing is scored; with a reference the bonus follows relevance", () => {
  assert.equal(directionPreference(parseConstraints({}), scores, [{ itemIndex: 0, baseScore: 1 }]), null);
  assert.equal(directionPreference(parseConstraints({ directions: [{ direction: "violence", towards: "less" }] }), undefined, [{ itemIndex: 0, baseScore: 1 }]), null);
  const pool = [0, 2, 7].map((itemIndex) => ({ itemIndex, baseScore: 1 }));
  const wish = parseConstraints({ directions: [{ direction: "violence", towards: "less" }], references: [{ title: "Heat", itemId: "ml:1" }] });
  const bonus = directionPreference(wish, scores, pool)!;
  assert.ok(bonus({ itemIndex: 7, baseScore: 1 }) > 0 && bonus({ itemIndex: 0, baseScore: 1 }) < 0);
  assert.equal(bonus({ itemIndex: 7, baseScore: 0.5 }), bonus({ itemIndex: 7, baseScore: 1 }) / 2, "a film barely related to the reference gets a smaller push");
});

test("the discovery knob moves along popularity, and an obscure film gains only as much as it is well rated", () => {
  const pool = [0, 1, 2].map((itemIndex) => ({ itemIndex, baseScore: 1 }));
  const popularity = (itemIndex: number) => [0.9, 0.1, 0.1][itemIndex];
  const quality = (itemIndex: number) => [0.5, 1, 0.2][itemIndex];
  const gems = directionPreference(parseConstraints({ discovery: 1 }), undefined, pool, { popularity, quality })!;
  assert.ok(gems({ itemIndex: 1, baseScore: 1 }) > gems({ itemIndex: 2, baseScore: 1 }), "the well-rated obscure film first");
  assert.ok(gems({ itemIndex: 0, baseScore: 1 }) < 0, "the popular one pushed down");
  const mainstream = directionPreference(parseConstraints({ discovery: 0 }), undefined, pool, { popularity, quality })!;
  assert.ok(mainstream({ itemIndex: 0, baseScore: 1 }) > 0);
  assert.equal(directionPreference(parseConstraints({ discovery: 0.5 }), undefined, pool, { popularity, quality }), null, "0.5 is neutral");
});
