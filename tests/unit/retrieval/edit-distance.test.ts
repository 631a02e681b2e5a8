import assert from "node:assert/strict";
import { test } from "node:test";
import { editDistance } from "../../../lib/retrieval/edit-distance";
import { createSeededRandom, randomInteger } from "../../../lib/retrieval/seeded-random";

/** The textbook optimal-string-alignment table, written plainly, as the reference. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) table[i][j] = Math.min(table[i][j], table[i - 2][j - 2] + 1);
    }
  }
  return table[a.length][b.length];
}

test("edit distance equals the reference table on random strings, and its bound only ever says 'more than the bound'", () => {
  const random = createSeededRandom(5);
  // A small alphabet makes transpositions and repeats common; lengths cross the scratch rows' first size (64).
  const text = () => Array.from({ length: randomInteger(random, 80) }, () => "abc d"[randomInteger(random, 5)]).join("");
  for (let round = 0; round < 2000; round++) {
    const a = text();
    const b = round % 3 === 0 ? a.slice(0, randomInteger(random, a.length + 1)) + text().slice(0, 3) : text();
    const expected = referenceDistance(a, b);
    assert.equal(editDistance(a, b), expected, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    const bound = randomInteger(random, 6);
    const bounded = editDistance(a, b, bound);
    if (expected <= bound) assert.equal(bounded, expected);
    else assert.ok(bounded > bound, `distance ${expected} above bound ${bound} reported as ${bounded}`);
  }
});
