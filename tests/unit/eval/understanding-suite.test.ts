import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { constraintsSchema, emptyConstraints, type Constraints, type ConstraintsInput } from "../../../lib/reasoning/constraints";
import { compareConstraints } from "../../../scripts/understanding-suite/compare";
import { ALL_TEMPLATES, buildManifest, fingerprint, generateSuite, manifestDifferences, queriesPerClass, readManifest, selectHeldOut, SUITE_SEED } from "../../../scripts/understanding-suite/generate";
import { meetsExpectedConstraints, topTenSatisfaction, type CheckedItem } from "../../../scripts/understanding-suite/satisfaction";
import { seededQuarter } from "../../../scripts/understanding-suite/seeded-random";
import { decadeBounds, decadeText, DURATIONS, GENRE_FORMS, RUNTIME_BOUNDS, YEAR_BOUNDS } from "../../../scripts/understanding-suite/slots";
import { CLASS_NAMES } from "../../../scripts/understanding-suite/suite-types";

const suite = generateSuite();
const parse = (input: ConstraintsInput): Constraints => constraintsSchema.parse(input);

describe("the paraphrase suite generator", () => {
  test("is deterministic: the same seed gives the same queries in the same order", () => {
    assert.deepEqual(generateSuite(), suite);
    assert.notEqual(fingerprint(generateSuite(SUITE_SEED + 1), "held-out"), fingerprint(suite, "held-out"));
  });

  test("makes at least 2,000 queries, the set count per class and split", () => {
    assert.ok(suite.length >= 2000, `${suite.length} queries`);
    for (const className of CLASS_NAMES) {
      for (const split of ["dev", "held-out"] as const) {
        assert.equal(suite.filter((query) => query.className === className && query.split === split).length, queriesPerClass(className), `${className} ${split}`);
      }
      const templates = ALL_TEMPLATES.filter((entry) => entry.className === className);
      assert.ok(templates.length >= 4, `${className} has ${templates.length} templates`);
    }
  });

  test("the held-out split never changes: it matches the committed manifest", () => {
    assert.deepEqual(manifestDifferences(buildManifest(suite, selectHeldOut()), readManifest()), []);
    assert.equal(readManifest().seed, SUITE_SEED);
  });

  test("holds out a quarter of each class's templates and of each slot list's values", () => {
    const selection = selectHeldOut();
    for (const className of CLASS_NAMES) {
      const count = ALL_TEMPLATES.filter((entry) => entry.className === className).length;
      assert.equal(selection.templates[className].length, Math.max(1, Math.round(count / 4)), className);
    }
    assert.deepEqual(seededQuarter(["a", "b", "c", "d", "e", "f", "g", "h"], 17), seededQuarter(["h", "g", "f", "e", "d", "c", "b", "a"], 17));
    assert.equal(seededQuarter(["a", "b", "c", "d", "e", "f", "g", "h"], 17).length, 2);
  });

  test("dev queries use no held-out template or value; every held-out query uses at least one", () => {
    const selection = selectHeldOut();
    const templates = new Set(Object.values(selection.templates).flat());
    const values = new Set(Object.values(selection.slotValues).flat());
    for (const query of suite) {
      const heldOut = templates.has(query.templateId) || query.slotValueIds.some((id) => values.has(id));
      assert.equal(heldOut, query.split === "held-out", query.id);
    }
  });

  test("every query has text, a unique id and an expected answer in the Constraints shape that states something", () => {
    assert.equal(new Set(suite.map((query) => query.id)).size, suite.length);
    assert.equal(new Set(suite.map((query) => query.text.toLowerCase())).size, suite.length);
    for (const query of suite) {
      assert.ok(query.text.trim().length > 0, query.id);
      assert.deepEqual(parse(query.expected), query.expected, `${query.id} expected is not in the schema's shape`);
      assert.ok(compareConstraints(emptyConstraints(), query.expected).length > 0, `${query.id} "${query.text}" expects nothing`);
    }
  });
});

describe("the meanings fixed for phrases", () => {
  const year = (key: string, value: number) => YEAR_BOUNDS.values.find((entry) => entry.value.key === key)!.value.bounds(value);
  const runtime = (key: string, minutes: number) => RUNTIME_BOUNDS.values.find((entry) => entry.value.key === key)!.value.bounds(minutes);
  const minutes = (text: string) => DURATIONS.values.find((entry) => entry.value.text === text)!.value.minutes;

  test("years: inclusive words include the year, strict words exclude it", () => {
    assert.deepEqual(year("no-older-than", 2000), { from: 2000, to: null });
    assert.deepEqual(year("nothing-before", 1990), { from: 1990, to: null });
    assert.deepEqual(year("since", 1995), { from: 1995, to: null });
    assert.deepEqual(year("until", 1999), { from: null, to: 1999 });
    assert.deepEqual(year("after", 2000), { from: 2001, to: null });
    assert.deepEqual(year("newer-than", 2005), { from: 2006, to: null });
    assert.deepEqual(year("post", 2000), { from: 2001, to: null });
    assert.deepEqual(year("before", 1980), { from: null, to: 1979 });
    assert.deepEqual(year("pre", 1980), { from: null, to: 1979 });
    assert.deepEqual(year("from-exact", 1994), { from: 1994, to: 1994 });
  });

  test("decades are whole: the 90s is 1990–1999 in every spelling", () => {
    assert.deepEqual(decadeBounds(1990), { from: 1990, to: 1999 });
    assert.deepEqual(
      ["short", "full", "word", "apostrophe"].map((style) => decadeText(1990, style as "short")),
      ["90s", "1990s", "nineties", "'90s"],
    );
    assert.equal(decadeText(2000, "short"), "2000s");
  });

  test("runtimes: a bound includes the number stated; durations are normalised", () => {
    assert.deepEqual(runtime("under", 90), { min: null, max: 90 });
    assert.deepEqual(runtime("max", 100), { min: null, max: 100 });
    assert.deepEqual(runtime("at-least", 120), { min: 120, max: null });
    assert.equal(minutes("two and a half hours"), 150);
    assert.equal(minutes("1h45"), 105);
    assert.equal(minutes("90 mins"), 90);
    assert.equal(minutes("an hour and a half"), 90);
  });

  test("a negation template keeps one genre and drops the other", () => {
    const negation = ALL_TEMPLATES.find((entry) => entry.id === "genre-negation/that-arent-bare")!;
    const thrillers = GENRE_FORMS.values.find((entry) => entry.value.plural === "thrillers")!.value;
    const horror = GENRE_FORMS.values.find((entry) => entry.value.plural === "horror movies")!.value;
    const result = negation.render({ a: thrillers, b: horror })!;
    assert.equal(result.text, "thrillers that aren't horror");
    assert.deepEqual(compareConstraints(parse(result.expected), parse({ includeGenres: ["Thriller"], excludeGenres: ["Horror"] })), []);
    assert.equal(negation.render({ a: thrillers, b: thrillers }), null);
  });
});

describe("the exact comparison", () => {
  const expected = parse({ includeGenres: ["Thriller"], years: { from: 2000 }, people: [{ name: "Tom Hanks", role: "any" }], discovery: 0 });

  test("an identical answer matches; every differing field is named", () => {
    assert.deepEqual(compareConstraints(expected, expected), []);
    const wrong = parse({ includeGenres: ["Thriller", "Horror"], years: { to: 1999 }, people: [{ name: "Tom Hanks" }], count: 5, discovery: 0 });
    assert.deepEqual(
      compareConstraints(expected, wrong).map((mismatch) => mismatch.field),
      ["includeGenres", "years", "count"],
    );
  });

  test("strength counts: a soft wish read as hard is wrong", () => {
    const soft = parse({ includeGenres: [{ genre: "Comedy", strength: "soft" }] });
    assert.deepEqual(
      compareConstraints(soft, parse({ includeGenres: ["Comedy"] })).map((mismatch) => mismatch.field),
      ["includeGenres"],
    );
  });

  test("a role the words do not name accepts any role; a named role must match", () => {
    assert.deepEqual(compareConstraints(expected, parse({ ...expected, people: [{ name: "tom hanks", role: "cast" }] })), []);
    const directed = parse({ people: [{ name: "Steven Spielberg", role: "director" }] });
    assert.equal(compareConstraints(directed, parse({ people: [{ name: "Steven Spielberg", role: "any" }] })).length, 1);
  });

  test("discovery is a direction: 'less popular' needs ≥ 0.5; towards the popular accepts unset", () => {
    const hidden = parse({ discovery: 0.75 });
    assert.deepEqual(compareConstraints(hidden, parse({ discovery: 0.5 })), []);
    assert.equal(compareConstraints(hidden, parse({ discovery: 0.25 })).length, 1);
    assert.equal(compareConstraints(hidden, parse({})).length, 1);
    assert.deepEqual(compareConstraints(parse({ sort: "popular", discovery: 0 }), parse({ sort: "popular" })), []);
    assert.equal(compareConstraints(parse({}), parse({ discovery: 0.1 })).length, 1);
  });
});

describe("the top-10 satisfaction checker", () => {
  const film = (overrides: Partial<CheckedItem>): CheckedItem => ({
    title: "A film",
    year: 1995,
    genres: ["Thriller"],
    runtimeMinutes: 100,
    language: "en",
    cast: ["Tom Hanks"],
    directors: ["Someone Else"],
    ...overrides,
  });
  const expected = parse({ includeGenres: ["Thriller"], excludeGenres: ["Horror"], years: { from: 1990, to: 1999 }, runtime: { maxMinutes: 120 }, languages: { include: ["en"] } });

  test("judges every hard constraint from the item's fields; unrecorded values fail", () => {
    assert.equal(meetsExpectedConstraints(film({}), expected), true);
    assert.equal(meetsExpectedConstraints(film({ genres: ["Thriller", "Horror"] }), expected), false);
    assert.equal(meetsExpectedConstraints(film({ year: 2000 }), expected), false);
    assert.equal(meetsExpectedConstraints(film({ runtimeMinutes: null }), expected), false);
    assert.equal(meetsExpectedConstraints(film({ language: null }), expected), false);
    const withoutHanks = parse({ people: [{ name: "Tom Hanks", role: "any", exclude: true }] });
    assert.equal(meetsExpectedConstraints(film({}), withoutHanks), false);
    assert.equal(meetsExpectedConstraints(film({ cast: [] }), withoutHanks), true);
    const directedBy = parse({ people: [{ name: "Tom Hanks", role: "director" }] });
    assert.equal(meetsExpectedConstraints(film({}), directedBy), false);
  });

  test("divides by min(10, count asked, films meeting everything); soft-only requests are not judged", () => {
    const good = film({});
    const bad = film({ year: 1980 });
    assert.equal(topTenSatisfaction([good, good, bad], expected, 3), 2 / 3);
    assert.equal(topTenSatisfaction([good, good, bad], expected, 50), 2 / 10);
    assert.equal(topTenSatisfaction([good, good], parse({ ...expected, count: 2 }), 50), 1);
    assert.equal(topTenSatisfaction([good], expected, 0), null);
    assert.equal(topTenSatisfaction([good], parse({ includeGenres: [{ genre: "Comedy", strength: "soft" }] }), 10), null);
  });
});
