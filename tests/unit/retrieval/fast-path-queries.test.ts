import assert from "node:assert/strict";
import { test } from "node:test";
import { editDistance } from "../../../lib/retrieval/edit-distance";
import { createSeededRandom } from "../../../lib/retrieval/seeded-random";
import { FAST_PATH_QUERY_KINDS, generateFastPathQueries, withTypo } from "../../../scripts/bench/fast-path-queries";
import { makeItem } from "../../support/item-factory";

// Four rated films and two cold-start ones; "time travel" and "heist" are shared, "one-off" is not.
const items = [
  makeItem({
    id: "ml:1",
    title: "Toy Story",
    genres: ["Animation", "Comedy"],
    directors: ["John Lasseter"],
    cast: ["Tom Hanks", "Tim Allen", "Don Rickles", "Jim Varney"],
    keywords: ["toy"],
    tags: ["pixar"],
    ratingCount: 200,
  }),
  makeItem({ id: "ml:2", title: "Heat", genres: ["Crime", "Thriller"], directors: ["Michael Mann"], cast: ["Al Pacino", "Robert De Niro"], keywords: ["heist"], ratingCount: 90 }),
  makeItem({ id: "ml:3", title: "Back to the Future", genres: ["Sci-Fi", "Comedy"], directors: ["Robert Zemeckis"], cast: ["Michael J. Fox"], keywords: ["time travel"], ratingCount: 150 }),
  makeItem({ id: "ml:4", title: "Looper", genres: ["Sci-Fi", "Action"], directors: ["Rian Johnson"], keywords: ["time travel", "one-off"], tags: ["Pixar"], ratingCount: 40 }),
  makeItem({ id: "tmdb:5", title: "The Town", genres: ["Crime"], directors: ["Ben Affleck"], keywords: ["heist"], tmdbVoteCount: 3000 }),
  makeItem({ id: "tmdb:6", title: "Up", genres: ["Animation"], tmdbVoteCount: 8000 }),
];
const people = new Set(items.flatMap((item) => [...item.directors, ...item.cast.slice(0, 3)]).map((name) => name.toLowerCase()));
const titles = items.map((item) => item.title);

test("the same seed gives the same queries, another seed different ones", () => {
  assert.deepEqual(generateFastPathQueries(items, { seed: 7 }), generateFastPathQueries(items, { seed: 7 }));
  assert.notDeepEqual(generateFastPathQueries(items, { seed: 7 }), generateFastPathQueries(items, { seed: 8 }));
});

test("at least 1,000 queries by default, every kind in equal turns", () => {
  const queries = generateFastPathQueries(items);
  assert.ok(queries.length >= 1000, `${queries.length} queries`);
  for (const kind of FAST_PATH_QUERY_KINDS) {
    const share = queries.filter((query) => query.kind === kind).length;
    assert.equal(share, queries.length / FAST_PATH_QUERY_KINDS.length, kind);
  }
  assert.equal(generateFastPathQueries(items, { count: 10 }).length, 10);
});

test("each kind looks like what it claims, drawn from the items", () => {
  const queries = generateFastPathQueries(items, { count: 800, seed: 3 });
  const of = (kind: string) => queries.filter((query) => query.kind === kind);
  for (const { query } of of("title")) assert.ok(titles.includes(query), query);
  for (const { query } of of("title-typo")) {
    // One dropped character or one swap of neighbours: one edit from the lower-cased title.
    assert.ok(
      titles.some((title) => editDistance(query, title.toLowerCase()) === 1),
      query,
    );
  }
  for (const { query } of of("genre")) assert.match(query, /^(good )?(animation|comedy|crime|thriller|sci-fi|action)( movies| films)?$/);
  for (const { query } of of("person")) assert.ok(people.has(query.toLowerCase()), query);
  assert.ok(
    of("person").some(({ query }) => query === "tom hanks"),
    "some people are lower-cased",
  );
  for (const { query } of of("movies-like")) {
    assert.match(query, /^(movies like|something like|films similar to|more like) /);
    assert.ok(
      titles.some((title) => query.toLowerCase().endsWith(` ${title.toLowerCase()}`)),
      query,
    );
  }
  const keywords = new Set(of("keyword").map(({ query }) => query.replace(/^(movies about|films with) | movies$/g, "")));
  assert.deepEqual([...keywords].sort(), ["heist", "pixar", "time travel"], "only phrases two films share, case-folded");
  for (const query of of("session")) {
    assert.equal(new Set(query.liked).size, 3);
    assert.ok(
      query.liked!.every((index) => items[index].ratingCount >= 3),
      "liked films have ratings (a CF vector)",
    );
  }
  for (const query of of("discovery")) assert.ok([0, 0.5, 0.75, 1].includes(query.discovery!), String(query.discovery));
  assert.ok(of("title").every((query) => query.liked === undefined && query.discovery === undefined));
});

test("a typo is one drop or one swap, never the first letter, never a no-op", () => {
  const random = createSeededRandom(1);
  for (let run = 0; run < 200; run += 1) {
    const typo = withTypo("blade runner", random);
    assert.notEqual(typo, "blade runner");
    assert.equal(typo[0], "b");
    assert.equal(editDistance(typo, "blade runner"), 1, typo);
  }
  assert.equal(withTypo("aaaa", random), "aaa");
  assert.equal(withTypo("Up", random), "Up");
});

test("refuses items that cannot supply every kind", () => {
  const withoutPeople = items.map((item) => ({ ...item, directors: [], cast: [] }));
  assert.throws(() => generateFastPathQueries(withoutPeople), /people/);
  assert.throws(() => generateFastPathQueries([]), /generateFastPathQueries/);
});
