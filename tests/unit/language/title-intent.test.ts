import assert from "node:assert/strict";
import { test } from "node:test";
import { analyseQuery, buildCatalogLexicon, titleIntent } from "../../../lib/language";
import { normaliseTitle } from "../../../lib/retrieval/title-matcher";
import { createSeededRandom } from "../../../lib/retrieval/seeded-random";
import { itemByTitle, realCatalog } from "../../support/real-catalog";

const catalog = realCatalog();
const lexicon = buildCatalogLexicon(catalog.items);
const intentOf = (query: string) => titleIntent(analyseQuery(query, lexicon, { fuzzyTitles: true }), lexicon);

/** "Godfather, The" → "The Godfather": how a person types a MovieLens title. */
function spoken(title: string): string {
  const moved = title.match(/^(.*), (The|A|An)$/);
  return moved ? `${moved[2]} ${moved[1]}` : title;
}

/**
 * A seeded sample of well-known films (never hand-picked) whose title names only them or is the
 * most popular of its namesakes: the generated classes below must hold for every one.
 */
function sampleFilms(count: number, seed: number) {
  const random = createSeededRandom(seed);
  const pool = catalog.items
    .map((item, itemIndex) => ({ item, itemIndex }))
    .filter(({ item }) => item.ratingCount >= 40 && /^[A-Za-z]/.test(item.title) && normaliseTitle(item.title).length >= 4)
    .filter(({ item, itemIndex }) => (lexicon.namesakes.get(normaliseTitle(item.title)) ?? [itemIndex])[0] === itemIndex);
  const chosen: typeof pool = [];
  while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return chosen;
}

const films = sampleFilms(60, 16);

test("a bare title is a lookup of that film, whatever the surrounding filler", () => {
  for (const { item, itemIndex } of films) {
    for (const query of [spoken(item.title), spoken(item.title).toLowerCase(), `watch ${spoken(item.title)}`]) {
      const intent = intentOf(query);
      assert.equal(intent.lookup?.itemIndex, itemIndex, `${query} → ${intent.lookup ? catalog.items[intent.lookup.itemIndex].title : "no lookup"}`);
      assert.deepEqual(intent.references, [], query);
    }
  }
});

test("a title inside a request is a reference, never a lookup; stated love counts as a like", () => {
  const phrasings: Array<{ make: (title: string) => string; liked: boolean }> = [
    { make: (title) => `movies like ${title}`, liked: false },
    { make: (title) => `I loved ${title}, what should I watch next?`, liked: true },
    { make: (title) => `something similar to ${title}`, liked: false },
    { make: (title) => `my favourite film is ${title}`, liked: true },
    { make: (title) => `${title} vibes`, liked: false },
    { make: (title) => `in the vein of ${title}`, liked: false },
    { make: (title) => `we watched ${title} last night, what else would we enjoy?`, liked: false },
    { make: (title) => `I'd love something like ${title}`, liked: false },
  ];
  const failures: string[] = [];
  for (const { item, itemIndex } of films) {
    for (const phrasing of phrasings) {
      const query = phrasing.make(spoken(item.title));
      const intent = intentOf(query);
      if (intent.lookup !== null || !intent.references.includes(itemIndex))
        failures.push(`${query}: lookup ${intent.lookup?.itemIndex ?? "-"}, references ${intent.references.map((index) => catalog.items[index].title).join("; ")}`);
      else if (intent.statedLikes.includes(itemIndex) !== phrasing.liked) failures.push(`${query}: stated like ${!phrasing.liked}`);
    }
  }
  // Titles that are also everyday words ("Big", "Heat" in lower case) may be missed; a handful at most.
  assert.ok(failures.length <= Math.ceil(0.02 * films.length * phrasings.length), `${failures.length} failures:\n${failures.slice(0, 20).join("\n")}`);
});

test("two films at once are two references", () => {
  for (let index = 0; index + 1 < 20; index += 2) {
    const [first, second] = [films[index], films[index + 1]];
    const intent = intentOf(`a mix of ${spoken(first.item.title)} and ${spoken(second.item.title)}`);
    assert.ok(
      intent.references.includes(first.itemIndex) && intent.references.includes(second.itemIndex),
      `${first.item.title} + ${second.item.title}: ${intent.references.map((reference) => catalog.items[reference].title).join("; ")}`,
    );
  }
});

test("namesakes: the most rated first, the others offered, a year in the request chooses", () => {
  const group = [...lexicon.namesakes.values()].find((indexes) => indexes.length >= 2 && catalog.items[indexes[0]].ratingCount >= 20 && indexes.every((index) => catalog.items[index].year !== null))!;
  const [top, other] = group;
  const title = catalog.items[top].title;
  const bare = intentOf(spoken(title));
  assert.equal(bare.lookup?.itemIndex, top);
  assert.ok(bare.lookup?.namesakes.includes(other));
  const withYear = intentOf(`${spoken(title)} ${catalog.items[other].year}`);
  assert.equal(withYear.lookup?.itemIndex, other, `${title} ${catalog.items[other].year}`);
  assert.ok(withYear.lookup?.namesakes.includes(top));
  const noSuchYear = intentOf(`${spoken(title)} 2031`);
  assert.equal(noSuchYear.lookup?.unmatchedYear, 2031);
});

test("a lower-case everyday phrase beside a capitalised title is not a second title", () => {
  const toyStory = catalog.indexOf.get(itemByTitle(catalog, "Toy Story", 1995).id)!;
  const intent = intentOf("we watched Toy Story last night, what else would we enjoy?");
  assert.deepEqual(intent.references, [toyStory]);
});

test("a referenced title the catalog lacks is said to be missing, never swapped; a year picks among namesakes", () => {
  const dune = lexicon.namesakes.get("dune")!;
  const missingYear = intentOf("something like Dune 2021");
  assert.deepEqual(missingYear.references, [], "no silent swap to another Dune");
  assert.equal(missingYear.unknown[0]?.text, "Dune 2021");
  assert.deepEqual(missingYear.unknown[0].didYouMean, dune);
  const chosen = intentOf(`something like Dune ${catalog.items[dune[1]].year}`);
  assert.deepEqual(chosen.references, [dune[1]]);
  const unknown = intentOf("I loved Everything Everywhere All at Once, what next?");
  assert.deepEqual(unknown.references, [], "'Once' is part of the unknown name, not a second film");
  assert.deepEqual(unknown.statedLikes, []);
  assert.equal(unknown.unknown[0]?.text, "Everything Everywhere All at Once");
  const typo = intentOf("movies like Blade Runer");
  assert.equal(typo.unknown.length, 0);
  assert.equal(catalog.items[typo.references[0]].title, "Blade Runner");
});

test("a short title is offered with the films that continue it after a colon", () => {
  const intent = intentOf("The Lord of the Rings");
  const offered = intent.lookup!.namesakes.map((itemIndex) => catalog.items[itemIndex].title);
  assert.ok(offered.includes("The Lord of the Rings: The Fellowship of the Ring"), offered.join("; "));
});
