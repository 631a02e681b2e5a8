import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCfArtifacts } from "../../../catalog/cf-artifacts";
import { popularityScore } from "../../../lib/catalog/popularity";
import { retrieveFast, type FastPathResources } from "../../../lib/retrieval/fast-path";
import { KeywordSearch } from "../../../lib/retrieval/keyword-search";
import { fuseRankedLists } from "../../../lib/retrieval/rank-fusion";
import { itemByTitle, realCatalog } from "../../support/real-catalog";

test("weighted reciprocal rank fusion adds list contributions and the prior", () => {
  const fused = fuseRankedLists(
    [
      { name: "a", weight: 1, items: [1, 2, 3] },
      { name: "b", weight: 2, items: [3, 1] },
    ],
    (itemIndex) => (itemIndex === 2 ? 1 : 0),
    0,
  );
  // 3: 1/3 + 2/1; 1: 1/1 + 2/2; 2: 1/2 + prior 1
  assert.deepEqual(
    fused.map((item) => item.itemIndex),
    [3, 1, 2],
  );
  assert.equal(fused[0].score, 1 / 3 + 2 / 1);
  assert.deepEqual(fused[0].sources, ["a", "b"]);
});

const catalog = realCatalog();
const rawPopularity = catalog.items.map(popularityScore);
const maxPopularity = Math.max(...rawPopularity);
const cf = loadCfArtifacts(catalog);
const resources: FastPathResources = {
  keyword: new KeywordSearch(catalog.items),
  cf,
  popularity: Float64Array.from(rawPopularity, (value) => value / maxPopularity),
};
const titlesOf = (query: string, extra: Partial<Parameters<typeof retrieveFast>[0]> = {}) => retrieveFast({ query, limit: 10, ...extra }, resources).items.map((item) => catalog.items[item.itemIndex]);

test("'movies like Heat' returns crime thrillers like Heat, not titles containing 'heat'", () => {
  const films = titlesOf("movies like Heat");
  assert.ok(!films.some((film) => /heat/i.test(film.title)), films.map((film) => film.title).join(", "));
  const crimeOrThriller = films.filter((film) => film.genres.includes("Crime") || film.genres.includes("Thriller"));
  assert.ok(crimeOrThriller.length >= 7, films.map((film) => `${film.title} ${film.genres}`).join("; "));
});

test("'Pixar' and 'Tom Hanks' work through keyword and people fields", () => {
  const pixar = titlesOf("Pixar").slice(0, 5);
  assert.ok(
    pixar.every((film) => film.genres.includes("Animation")),
    pixar.map((film) => film.title).join(", "),
  );
  const hanks = titlesOf("Tom Hanks").slice(0, 5);
  assert.ok(hanks.every((film) => film.cast.includes("Tom Hanks") || film.directors.includes("Tom Hanks")));
});

test("a title query puts the title first and its CF neighbours after it", () => {
  const answer = retrieveFast({ query: "the matrix", limit: 10 }, resources);
  assert.equal(catalog.items[answer.items[0].itemIndex].title, "The Matrix");
  assert.ok(answer.items.some((item) => item.sources.includes("cf-neighbours")));
});

test("cold-start (TMDB-only) items are reachable by keyword", () => {
  const cold = catalog.items.find((item) => item.id.startsWith("tmdb:") && item.title.length > 12 && (item.tmdbVoteCount ?? 0) > 200)!;
  const films = titlesOf(cold.title);
  assert.ok(
    films.slice(0, 3).some((film) => film.id === cold.id),
    `${cold.title}: ${films.map((film) => film.title).join(", ")}`,
  );
});

test("the session taste vector changes the answer to the same query", () => {
  const toyStory = catalog.indexOf.get(itemByTitle(catalog, "Toy Story", 1995).id)!;
  const alien = catalog.indexOf.get(itemByTitle(catalog, "Alien", 1979).id)!;
  const kids = cf.foldIn({ liked: [toyStory] });
  const scifi = cf.foldIn({ liked: [alien] });
  const forKids = titlesOf("comedy", { userVector: kids }).map((film) => film.id);
  const forScifi = titlesOf("comedy", { userVector: scifi }).map((film) => film.id);
  assert.notDeepEqual(forKids, forScifi);
});

test("a session's liked films bring their timeline neighbours into the session-taste list", () => {
  const fellowship = catalog.indexOf.get(itemByTitle(catalog, "The Lord of the Rings: The Fellowship of the Ring", 2001).id)!;
  const userVector = cf.foldIn({ liked: [fellowship] });
  const timelineNeighbours = [...cf.timeline.model.neighbourItems.subarray(cf.timeline.model.starts[fellowship], cf.timeline.model.starts[fellowship + 1])];
  assert.ok(timelineNeighbours.length > 0);
  const plain = cf.recommendForUser(userVector, 20, { exclude: new Set([fellowship]) }).map((pick) => pick.itemIndex);
  const blended = cf.recommendForUser(userVector, 20, { exclude: new Set([fellowship]), timeline: { ...cf.timeline, history: [fellowship] } }).map((pick) => pick.itemIndex);
  assert.notDeepEqual(blended, plain);
  const sequels = blended.slice(0, 5).map((index) => catalog.items[index].title);
  assert.ok(sequels.some((title) => title.includes("Two Towers")) && sequels.some((title) => title.includes("Return of the King")), sequels.join("; "));
  const answer = retrieveFast({ query: "adventure", limit: 10, userVector, likedItems: [fellowship] }, resources);
  assert.ok(answer.reasons.includes("session taste from liked items: WALS vector + timeline neighbours"), answer.reasons.join(" | "));
});

test("the discovery knob lowers the popularity of what is shown", () => {
  const meanCount = (discovery: number) => {
    const films = titlesOf("crime thriller", { discovery, limit: 20 });
    return films.reduce((sum, film) => sum + film.ratingCount, 0) / films.length;
  };
  assert.ok(meanCount(1) < meanCount(0));
});
