import assert from "node:assert/strict";
import { test } from "node:test";
import { buildCatalogLexicon } from "../../../lib/language/catalog-lexicon";
import { reasonOffline } from "../../../lib/reasoning/offline-reasoner";
import { realCatalog } from "../../support/real-catalog";

// The real catalog: people and titles are looked up in it, as in production.
const catalog = realCatalog();
const lexicon = buildCatalogLexicon(catalog.items);
const parse = (query: string) => reasonOffline(query, { lexicon, currentYear: 2026 }).constraints;
const genres = (list: Array<{ genre: string; strength: string }>) => list.map((entry) => `${entry.genre}${entry.strength === "soft" ? "~" : ""}`);

test("the issue's examples", () => {
  const funny = parse("something funny but not stupid, under 90 minutes, no romance");
  assert.deepEqual(genres(funny.includeGenres), ["Comedy"]);
  assert.deepEqual(genres(funny.excludeGenres), ["Romance"]);
  assert.deepEqual(funny.runtime, { minMinutes: null, maxMinutes: 90, strength: "hard" });
  assert.deepEqual(funny.excludeKeywords, ["stupid"]);

  const bladeRunner = parse("a sci-fi movie that feels like Blade Runner but was made in the 90s");
  assert.deepEqual(genres(bladeRunner.includeGenres), ["Sci-Fi"]);
  assert.deepEqual(bladeRunner.years, { from: 1990, to: 1999, strength: "hard" });
  assert.equal(bladeRunner.references.length, 1);
  assert.equal(bladeRunner.references[0].title, "Blade Runner");
  assert.equal(bladeRunner.references[0].itemId, "ml:541");
  assert.equal(bladeRunner.references[0].modifier, "was made in the 90s");
});

test("decades, before/after and runtimes in many phrasings", () => {
  assert.deepEqual(parse("nineties thrillers").years, { from: 1990, to: 1999, strength: "hard" });
  assert.deepEqual(parse("movies from the 1980s").years, { from: 1980, to: 1989, strength: "hard" });
  assert.deepEqual(parse("westerns before 1970").years, { from: null, to: 1969, strength: "hard" });
  assert.deepEqual(parse("horror after 2000").years, { from: 2001, to: null, strength: "hard" });
  assert.deepEqual(parse("a drama longer than two hours").runtime, { minMinutes: 120, maxMinutes: null, strength: "hard" });
  assert.deepEqual(parse("a comedy about an hour and a half long").runtime, { minMinutes: 75, maxMinutes: 105, strength: "hard" });
});

test("negations and synonyms", () => {
  assert.deepEqual(genres(parse("sci-fi but not horror").excludeGenres), ["Horror"]);
  assert.deepEqual(genres(parse("science fiction with no romance").includeGenres), ["Sci-Fi"]);
  assert.deepEqual(genres(parse("a scifi film").includeGenres), ["Sci-Fi"]);
  assert.deepEqual(genres(parse("a rom-com").includeGenres), ["Romance", "Comedy"]);
  assert.deepEqual(genres(parse("nothing scary please").excludeGenres), ["Horror"]);
  assert.deepEqual(genres(parse("not too scary").excludeGenres), ["Horror~"]);
  assert.deepEqual(parse("horror without gore").excludeKeywords, ["gore"]);
  assert.deepEqual(genres(parse("comedy or horror").includeGenres), ["Comedy~", "Horror~"], "alternatives are preferences");
});

test("languages", () => {
  assert.deepEqual(parse("French films").languages, { include: ["fr"], exclude: [], strength: "hard" });
  assert.deepEqual(parse("a thriller in Korean").languages?.include, ["ko"]);
  assert.deepEqual(parse("foreign horror").languages?.exclude, ["en"]);
});

test("people from the real catalog, with roles and exclusions", () => {
  assert.deepEqual(parse("movies with Tom Hanks").people, [{ name: "Tom Hanks", role: "cast", exclude: false, strength: "hard" }]);
  assert.deepEqual(parse("directed by Christopher Nolan").people, [{ name: "Christopher Nolan", role: "director", exclude: false, strength: "hard" }]);
  assert.deepEqual(
    parse("a kubrick film").people.map((person) => person.name),
    ["Stanley Kubrick"],
  );
  const deNiro = parse("robert de niro crime movies but not by martin scorsese").people;
  assert.deepEqual(
    deNiro.map((person) => `${person.exclude ? "-" : "+"}${person.name}`),
    ["+Robert De Niro", "-Martin Scorsese"],
  );
});

test("titles: references, twists, exclusions, and titles made of constraint words", () => {
  const heat = parse("like Heat but funnier");
  assert.equal(heat.references[0].title, "Heat");
  assert.equal(heat.references[0].modifier, "funnier");
  assert.deepEqual(genres(heat.includeGenres), ["Comedy~"], "a comparative without a session still prefers comedy");
  const blend = parse("Alien meets Die Hard");
  assert.deepEqual(
    blend.references.map((reference) => reference.title),
    ["Alien", "Die Hard"],
  );
  assert.deepEqual(parse("a crime film, not Heat").excludeTitles, ["Heat"]);
  const title = parse("No Country for Old Men");
  assert.equal(title.years, null, "'old' in a title is not an era");
  assert.deepEqual(title.excludeGenres, [], "'No' in a title is not a negation");
  assert.deepEqual(
    title.references.map((reference) => reference.title),
    ["No Country for Old Men"],
  );
  assert.equal(parse("Before Sunrise").years, null);
  assert.deepEqual(parse("movies like Before Sunrise but in French").languages?.include, ["fr"]);
  assert.equal(parse("something like the bladerunner").references[0]?.title, "Blade Runner", "a typo after a reference cue");
});

test("a mood-only query becomes soft text, not filters", () => {
  const cozy = parse("a cozy rainy melancholic movie");
  assert.equal(cozy.mood, "cozy, rainy, melancholic");
  assert.deepEqual(cozy.includeGenres, []);
  assert.equal(cozy.years, null);
});

// Parsing latency is measured by eval:reasoning (docs/EVALUATION.md), not asserted here.
