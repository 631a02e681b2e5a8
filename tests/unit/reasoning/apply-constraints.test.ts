import assert from "node:assert/strict";
import { test } from "node:test";
import { applyConstraints } from "../../../lib/reasoning/apply-constraints";
import { applyConstraintsWithCatalogFallback } from "../../../lib/reasoning/catalog-fallback";
import { meetsHardConstraints } from "../../../lib/reasoning/hard-checks";
import { parseConstraints, type ConstraintsInput } from "../../../lib/reasoning/constraints";
import { tinyCatalog, tinyItem } from "./tiny-catalog";

const items = tinyCatalog();
const titles = (result: { items: Array<{ itemIndex: number }> }) => result.items.map((item) => items[item.itemIndex].title);
/** Every tiny-catalog item as a candidate, with descending retrieval scores in catalog order. */
const allCandidates = items.map((_, itemIndex) => ({ itemIndex, score: items.length - itemIndex }));
const apply = (input: ConstraintsInput, limit = 3, relax = true) => applyConstraints(allCandidates, items, parseConstraints(input), { limit, relax });

test("hard constraints filter; every returned item says what it satisfies", () => {
  const result = apply({ includeGenres: ["Comedy"], excludeGenres: ["Romance"] }, 3, false);
  assert.deepEqual(titles(result), ["Dumb and Dumber"]);
  assert.deepEqual(result.items[0].satisfied, ["genre: Comedy", "no Romance"]);
  assert.deepEqual(result.items[0].violated, []);
  assert.equal(result.strictCount, 1);
  assert.deepEqual(result.relaxations, ["1 film met the requirements; exclusions are never relaxed"]);
});

test("years, runtime, language and people filter as stated", () => {
  assert.deepEqual(titles(apply({ years: { from: 1990, to: 1999 } }, 5, false)), ["Heat", "Clueless", "Dumb and Dumber", "Before Sunrise"]);
  assert.deepEqual(titles(apply({ runtime: { maxMinutes: 100 } }, 5, false)), ["Clueless", "The Babadook"]);
  assert.deepEqual(titles(apply({ languages: { include: ["fr"] } }, 5, false)), ["Amélie"]);
  assert.deepEqual(titles(apply({ people: [{ name: "Michael Mann", role: "director" }] }, 5, false)), ["Heat", "Collateral"]);
  assert.deepEqual(titles(apply({ people: [{ name: "Al Pacino", exclude: true }], includeGenres: ["Crime"] }, 5, false)), ["Collateral"]);
});

test("soft constraints reorder but never filter", () => {
  const hard = apply({ includeGenres: ["Comedy"] }, 5, false);
  const soft = apply({ includeGenres: ["Comedy"], years: { from: 2000, to: null, strength: "soft" } }, 5, false);
  assert.equal(soft.items.length, hard.items.length);
  assert.equal(titles(soft)[0], "Amélie", "the soft year preference lifts the only post-2000 comedy");
  assert.equal(titles(hard)[0], "Clueless");
  const noSilly = apply({ includeGenres: ["Comedy"], mood: "quirky" }, 5, false);
  assert.equal(titles(noSilly)[0], "Amélie", "the mood's keywords (quirky) match Amélie's tags");
});

test("a reference title is never its own answer", () => {
  const result = apply({ references: [{ title: "Heat", itemId: "ml:1" }], includeGenres: ["Crime"] }, 5, false);
  assert.deepEqual(titles(result), ["Collateral"]);
});

test("relaxation runs in the stated order and says so; strict items rank first", () => {
  // Only Clueless is a 1995 comedy under 100 minutes. Widening the years alone admits nothing
  // (Dumb and Dumber, 1994, runs 107 min), so the years widening is reported together with the
  // runtime widening that finally admits it: cumulative steps are never silent.
  const result = apply({ includeGenres: ["Comedy"], years: { from: 1995, to: 1995 }, runtime: { maxMinutes: 100 } }, 3);
  assert.equal(result.strictCount, 1);
  assert.equal(titles(result)[0], "Clueless");
  assert.equal(result.items[0].relaxationLevel, 0);
  assert.deepEqual(result.items[0].violated, []);
  assert.match(result.relaxations[0], /^only 1 of 8 candidates met every requirement/);
  const steps = result.relaxations.slice(1);
  const yearStep = steps.findIndex((step) => step.startsWith("widened the release years"));
  const runtimeStep = steps.findIndex((step) => step.startsWith("widened the runtime"));
  assert.ok(yearStep >= 0 && runtimeStep > yearStep, `years widen before runtime: ${steps.join(" | ")}`);
  assert.equal(steps.filter((step) => step.startsWith("widened the release years")).length, 1, "one message per kind: the widest in effect");
  for (const item of result.items.slice(1)) {
    assert.ok(item.relaxationLevel > 0);
    assert.ok(item.violated.length > 0, "a relaxed item names the constraint it breaks");
  }
  assert.deepEqual(result.items[1].violated, ["year 1995", "runtime ≤ 100 min"]);
  assert.equal(titles(result)[1], "Dumb and Dumber");
});

test("genre relaxation: any of several genres before none", () => {
  const result = apply({ includeGenres: ["Comedy", "Horror"] }, 2);
  assert.equal(result.strictCount, 0);
  assert.ok(result.relaxations.includes("accepted any of the genres Comedy, Horror instead of all of them"));
  assert.ok(!result.relaxations.some((step) => step.startsWith("dropped the genre")));
  for (const item of result.items) assert.equal(item.violated.length, 1);
});

test("exclusions are never relaxed: the answer gets shorter instead", () => {
  const result = apply({ excludeGenres: ["Drama", "Comedy", "Action"] }, 5);
  assert.deepEqual(titles(result), []);
  assert.deepEqual(result.relaxations, ["0 films met the requirements; exclusions are never relaxed"]);
  const excludedIds = apply({ excludeItemIds: ["ml:1", "ml:2"], includeGenres: ["Crime"] }, 3);
  assert.ok(!titles(excludedIds).includes("Heat") && !titles(excludedIds).includes("Collateral"));
  for (const item of excludedIds.items) assert.ok(!item.violated.includes("not shown or rejected before"));
});

test("unknown values never pass as satisfied; they are admitted last, labelled", () => {
  const withUnknown = [...items, tinyItem({ id: "ml:99", title: "Mystery Runtime", genres: ["Comedy"], runtimeMinutes: null, year: 1995 })];
  const candidates = withUnknown.map((_, itemIndex) => ({ itemIndex, score: 1 }));
  const result = applyConstraints(candidates, withUnknown, parseConstraints({ runtime: { maxMinutes: 60 } }), { limit: 1 });
  const unknown = result.items.find((item) => withUnknown[item.itemIndex].title === "Mystery Runtime");
  assert.equal(result.strictCount, 0);
  if (unknown) assert.deepEqual(unknown.unknown, ["runtime ≤ 60 min"]);
  for (const item of result.items) assert.ok(item.violated.length + item.unknown.length > 0, "nothing here met ≤ 60 min, and each item says why it is here");
});

test("never a silent violation: every item's labels cover every hard constraint", () => {
  const constraints = { includeGenres: ["Drama"], years: { from: 2010, to: 2019 }, runtime: { maxMinutes: 100 }, languages: { include: ["fr"] } };
  const result = apply(constraints, 6);
  const hard = result.hardConstraints;
  assert.equal(hard.length, 4);
  for (const item of result.items) {
    assert.equal(item.satisfied.length + item.violated.length + item.unknown.length, hard.length);
    if (item.relaxationLevel === 0) assert.deepEqual(item.violated, []);
    for (const label of item.violated) {
      const topic = label.startsWith("genre") ? "genre" : label.startsWith("year") ? "release years" : label.startsWith("runtime") ? "runtime" : "language";
      assert.ok(
        result.relaxations.some((message) => message.includes(topic)),
        `"${label}" is broken only after a stated relaxation of the ${topic}`,
      );
    }
  }
  assert.ok(result.relaxations.length > 1);
});

test("sort orders: best rated, newest, shortest", () => {
  const rated = items.map((item, index) => ({ ...item, ratingMean: index === 6 ? 4.9 : 3, ratingCount: 200 }));
  const candidates = rated.map((_, itemIndex) => ({ itemIndex, score: 1 }));
  const best = applyConstraints(candidates, rated, parseConstraints({ sort: "best-rated" }), { limit: 1 });
  assert.equal(rated[best.items[0].itemIndex].title, "The Babadook");
  const newest = applyConstraints(candidates, items, parseConstraints({ sort: "newest" }), { limit: 2 });
  assert.deepEqual(
    newest.items.map((item) => items[item.itemIndex].year),
    [2014, 2014],
  );
  const shortest = applyConstraints(candidates, items, parseConstraints({ sort: "shortest" }), { limit: 1 });
  assert.equal(items[shortest.items[0].itemIndex].title, "The Babadook");
});

test('"not stupid", "smart" and "witty" lean towards films people rate well; a plain mood does not', () => {
  // Only Clueless is well rated; retrieval puts Dumb and Dumber ahead of it.
  const rated = items.map((item) => ({ ...item, ratingMean: item.title === "Clueless" ? 4.4 : 2.9, ratingCount: 200, tags: [] }));
  const reordered = rated.map((item, index) => ({ itemIndex: index, score: item.title === "Dumb and Dumber" ? 100 : item.title === "Clueless" ? 80 : 1 }));
  const lead = (mood: string | null) => rated[applyConstraints(reordered, rated, parseConstraints({ includeGenres: ["Comedy"], mood }), { limit: 1 }).items[0].itemIndex].title;
  assert.equal(lead(null), "Dumb and Dumber");
  assert.equal(lead("fun"), "Dumb and Dumber", "a mood that says nothing about quality changes nothing");
  for (const mood of ["not stupid", "smart", "witty"]) assert.equal(lead(mood), "Clueless", `"${mood}" prefers the well-rated comedy`);
});

test("the catalog fallback relaxes over the whole catalog, not only the retrieved candidates", () => {
  const constraints = parseConstraints({ includeGenres: ["Comedy"], years: { from: 1995, to: 1995 } });
  const onlyHeat = [{ itemIndex: 0, score: 1 }];
  const plain = applyConstraints(onlyHeat, items, constraints, { limit: 2 });
  const fallback = applyConstraintsWithCatalogFallback(onlyHeat, items, constraints, { limit: 2 });
  assert.ok(fallback.usedCatalogFallback);
  assert.deepEqual(fallback.items.map((item) => items[item.itemIndex].title).slice(0, 1), ["Clueless"]);
  assert.ok(fallback.items.length > plain.items.length);
  assert.equal(meetsHardConstraints(constraints)(items[2]), true);
  assert.equal(meetsHardConstraints(constraints)(items[0]), false);
});
