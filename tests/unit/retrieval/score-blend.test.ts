import assert from "node:assert/strict";
import { test } from "node:test";
import { blendStandardisedScores, standardiseScores } from "../../../lib/retrieval/score-blend";

test("standardises over eligible items only", () => {
  // Eligible 1, 3, 5: mean 3, population standard deviation √(8/3).
  const scores = standardiseScores(new Float32Array([100, 1, -7, 3, 9, 5]), [0, 1, 0, 1, 0, 1]);
  const deviation = Math.sqrt(8 / 3);
  [
    [1, -2 / deviation],
    [3, 0],
    [5, 2 / deviation],
  ].forEach(([item, expected]) => assert.ok(Math.abs(scores[item] - expected) < 1e-6));
  assert.deepEqual([scores[0], scores[2], scores[4]], [100, -7, 9]);
  assert.deepEqual([...standardiseScores(new Float32Array([4, 4]), [1, 1])], [0, 0]);
});

test("blend adds weighted standardised components; ineligible items get -Infinity", () => {
  // Component a ranks item 0 first, b ranks item 2 first; b's scale is 1000× larger, so only the
  // standardisation lets weight 0.5 keep a in charge.
  const a = new Float32Array([3, 2, 1, 50]);
  const b = new Float32Array([0, 1000, 2000, -9]);
  const out = blendStandardisedScores([a, b], [1, 0.5], [1, 1, 1, 0], new Float32Array(4));
  const unit = Math.sqrt(3 / 2); // z of 3, 2, 1 is unit · (1, 0, −1)
  [unit - 0.5 * unit, 0, -unit + 0.5 * unit].forEach((expected, item) => assert.ok(Math.abs(out[item] - expected) < 1e-6, `${item}: ${out[item]}`));
  assert.equal(out[3], -Infinity);
  assert.throws(() => blendStandardisedScores([a], [1, 2], [1, 1, 1, 1], new Float32Array(4)), /1 components, 2 weights/);
});
