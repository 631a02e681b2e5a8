import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { constraintsSchema, emptyConstraints, hasAnyConstraint, normaliseGenreName, normaliseLanguage, parseConstraints } from "../../../lib/reasoning/constraints";

test("an empty object is a valid, empty answer", () => {
  const constraints = parseConstraints({});
  assert.deepEqual(constraints, emptyConstraints());
  assert.equal(constraints.sort, "relevance");
  assert.equal(hasAnyConstraint(constraints), false);
});

test("genre names are canonicalised, unknown ones dropped, contradictions resolved towards exclusion", () => {
  const constraints = parseConstraints({
    includeGenres: ["science fiction", { genre: "COMEDY", strength: "soft" }, "space western", "Romance"],
    excludeGenres: [{ genre: "romance" }],
  });
  assert.deepEqual(constraints.includeGenres, [
    { genre: "Sci-Fi", strength: "hard" },
    { genre: "Comedy", strength: "soft" },
  ]);
  assert.deepEqual(constraints.excludeGenres, [{ genre: "Romance", strength: "hard" }]);
});

test("normaliseGenreName and normaliseLanguage accept what models write", () => {
  assert.equal(normaliseGenreName("scifi"), "Sci-Fi");
  assert.equal(normaliseGenreName("Film Noir"), "Film-Noir");
  assert.equal(normaliseGenreName("kids"), "Family");
  assert.equal(normaliseGenreName("spaghetti"), null);
  assert.equal(normaliseLanguage("French"), "fr");
  assert.equal(normaliseLanguage("ko-KR"), "ko");
  assert.equal(normaliseLanguage("Klingon"), null);
});

test("reversed ranges are swapped, impossible values dropped, counts and discovery clamped", () => {
  const constraints = parseConstraints({
    years: { from: 1999, to: 1990 },
    runtime: { minMinutes: 120, maxMinutes: 90, strength: "soft" },
    count: 500,
    discovery: 3,
  });
  assert.deepEqual(constraints.years, { from: 1990, to: 1999, strength: "hard" });
  assert.deepEqual(constraints.runtime, { minMinutes: 90, maxMinutes: 120, strength: "soft" });
  assert.equal(constraints.count, 50);
  assert.equal(constraints.discovery, 1);
  assert.equal(parseConstraints({ years: { from: 12, to: null } }).years, null);
});

test("a malformed field becomes empty instead of failing the answer", () => {
  const constraints = parseConstraints({ years: "the nineties", sort: "by vibes", includeGenres: [{ genre: "Horror" }], people: 7 });
  assert.equal(constraints.years, null);
  assert.equal(constraints.sort, "relevance");
  assert.deepEqual(constraints.people, []);
  assert.deepEqual(constraints.includeGenres, [{ genre: "Horror", strength: "hard" }]);
});

test("parsing is idempotent, so stored constraints round-trip through JSON", () => {
  const once = parseConstraints({ includeGenres: ["Comedy"], languages: { include: ["French"] }, references: ["Heat"], keywords: [" Heist ", "heist"] });
  const twice = parseConstraints(JSON.parse(JSON.stringify(once)));
  assert.deepEqual(twice, once);
  assert.deepEqual(once.keywords, ["heist"]);
  assert.deepEqual(once.references, [{ title: "Heat", itemId: null, modifier: null }]);
});

test("the schema converts to the JSON schema the AI SDK sends (input side, every field optional)", () => {
  const jsonSchema = z.toJSONSchema(constraintsSchema, { target: "draft-7", io: "input" }) as { properties: Record<string, unknown>; required?: string[] };
  for (const field of [
    "includeGenres",
    "excludeGenres",
    "years",
    "runtime",
    "languages",
    "people",
    "references",
    "mood",
    "keywords",
    "excludeKeywords",
    "excludeTitles",
    "count",
    "sort",
    "discovery",
  ]) {
    assert.ok(field in jsonSchema.properties, `missing ${field}`);
  }
  assert.deepEqual(jsonSchema.required ?? [], []);
});
