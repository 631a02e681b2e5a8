import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCurrentCatalog } from "../../../catalog/bundle-loader";
import { meetsHardConstraints } from "../../../lib/reasoning/hard-checks";
import { parseConstraints, type ConstraintsInput } from "../../../lib/reasoning/constraints";
import { hardConstraintFilter } from "../../../lib/reasoning/hard-constraint-filter";
import { tinyCatalog } from "./tiny-catalog";

const cases: ConstraintsInput[] = [
  { includeGenres: ["Comedy"], excludeGenres: ["Romance"], runtime: { maxMinutes: 90 } },
  { includeGenres: ["Sci-Fi"], years: { from: 1990, to: 1999 } },
  { includeGenres: ["Crime", "Thriller"], years: { from: 1970, to: 1979 } },
  { includeGenres: ["Animation"], runtime: { minMinutes: 60, maxMinutes: 95 }, excludeGenres: ["Horror"] },
  { years: { from: 2010, to: null } },
  { years: { from: null, to: 1950 }, includeGenres: [{ genre: "Drama", strength: "soft" }] },
  { includeGenres: ["Horror"], languages: { include: ["ja", "ko"] } },
  { includeGenres: ["Drama"], languages: { exclude: ["en"] } },
  { people: [{ name: "Michael Mann", role: "director" }] },
  { people: [{ name: "Tom Hanks", exclude: true }], includeGenres: ["Comedy"] },
  { includeGenres: ["Comedy"], excludeKeywords: ["stupid"], excludeTitles: ["Dumb and Dumber"] },
  {},
];

function assertSameAsFullPredicate(items: ReturnType<typeof tinyCatalog>) {
  for (const input of cases) {
    const constraints = parseConstraints(input);
    const full = meetsHardConstraints(constraints);
    const fast = hardConstraintFilter(constraints, items);
    items.forEach((item, index) => assert.equal(fast(index), full(item), `${JSON.stringify(input)} on ${item.title}`));
  }
}

test("the columnar filter answers exactly as the full predicate, on the tiny catalog", () => {
  assertSameAsFullPredicate(tinyCatalog());
});

test("the columnar filter answers exactly as the full predicate on every item of the real catalog", () => {
  assertSameAsFullPredicate(loadCurrentCatalog().items as ReturnType<typeof tinyCatalog>);
});
