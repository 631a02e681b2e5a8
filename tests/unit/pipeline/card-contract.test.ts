import assert from "node:assert/strict";
import { test } from "node:test";
import { recommend } from "../../../lib/pipeline";
import { recommendResponseSchema, type ConstraintVerdict, type RecommendedItem } from "../../../lib/pipeline/contract";
import { linksOf, ratingOf } from "../../../lib/pipeline/present-item";
import { makeItem } from "../../support/item-factory";
import { isolatedEngine, request } from "./engine-fixture";

const within = (value: number, low: number | null, high: number | null) => (low === null || value >= low) && (high === null || value <= high);

/**
 * The card's own facts judged independently: a verdict may never contradict them. "met" must
 * hold, "relaxed" must break the constraint as asked and hold under the named relaxation.
 */
function contradiction(item: RecommendedItem, verdict: ConstraintVerdict): string | null {
  const { constraint, status } = verdict;
  const say = (holds: boolean | null, what: string) => {
    if (holds === null) return status === "unknown" ? null : `${what}: value unknown but status ${status}`;
    if (status === "met" && !holds) return `${what}: "met" but the card says otherwise`;
    if ((status === "relaxed" || status === "not-met") && holds) return `${what}: "${status}" but the card meets it`;
    if (status === "unknown") return `${what}: "unknown" but the card records it`;
    return null;
  };
  switch (constraint.kind) {
    case "genre":
      return say(item.genres.length === 0 ? null : item.genres.includes(constraint.genre), `genre ${constraint.genre}`);
    case "excluded-genre":
      return say(item.genres.length === 0 ? null : !item.genres.includes(constraint.genre), `no ${constraint.genre}`);
    case "years": {
      const problem = say(item.year === null ? null : within(item.year, constraint.from, constraint.to), "years");
      if (problem || status !== "relaxed") return problem;
      const range = verdict.relaxation?.range;
      return range && within(item.year!, range.from, range.to) ? null : `years: relaxed to ${JSON.stringify(range)} but ${item.year} is outside`;
    }
    case "runtime": {
      const problem = say(item.runtimeMinutes === null ? null : within(item.runtimeMinutes, constraint.minMinutes, constraint.maxMinutes), "runtime");
      if (problem || status !== "relaxed") return problem;
      const range = verdict.relaxation?.range;
      return range && within(item.runtimeMinutes!, range.from, range.to) ? null : `runtime: relaxed to ${JSON.stringify(range)} but ${item.runtimeMinutes} is outside`;
    }
    case "language":
      return say(item.language === null ? null : constraint.languages.includes(item.language), "language");
    default:
      return null;
  }
}

test("each reasoning-path card carries the server's verdict on every stated constraint, and none contradicts the card", async () => {
  const engine = await isolatedEngine();
  const response = await recommend(request({ query: "thrillers from the 2000s under two hours, no horror", limit: 8, route: "reasoning" }), engine);
  recommendResponseSchema.parse(response);
  assert.ok(response.constraints, "the response carries the constraint schema itself");
  assert.deepEqual(response.constraints.includeGenres, [{ genre: "Thriller", strength: "hard" }]);
  assert.deepEqual(response.constraints.runtime, { minMinutes: null, maxMinutes: 120, strength: "hard" });
  assert.equal(response.items.length, 8);
  for (const item of response.items) {
    assert.deepEqual(
      item.verdicts.map((verdict) => verdict.constraint.kind),
      ["genre", "excluded-genre", "years", "runtime"],
      item.title,
    );
    for (const verdict of item.verdicts) {
      assert.equal(verdict.status, "met", `${item.title}: ${JSON.stringify(verdict)}`);
      assert.equal(contradiction(item, verdict), null, item.title);
    }
  }
});

test("relaxed verdicts name the relaxation that let the film in, and the film lies inside it", async () => {
  const engine = await isolatedEngine();
  for (const query of ["French horror comedies from 1950 under 80 minutes", "thrillers from 2022", "westerns from the 1990s under 95 minutes in Italian"]) {
    const response = await recommend(request({ query, limit: 6, route: "reasoning" }), engine);
    assert.ok(response.relaxations.length > 0, query);
    let relaxed = 0;
    for (const item of response.items) {
      for (const verdict of item.verdicts) {
        assert.equal(contradiction(item, verdict), null, `${query} → ${item.title}: ${JSON.stringify(verdict)}`);
        if (verdict.status === "relaxed") {
          relaxed += 1;
          assert.ok(verdict.relaxation, `${query} → ${item.title}: a relaxed verdict names its relaxation`);
          assert.ok(
            response.relaxations.some((step) => step.constraint === verdict.relaxation!.constraint),
            "…one the answer reports",
          );
        }
        assert.notEqual(verdict.status, "not-met", "a hard constraint is never simply broken");
      }
    }
    assert.ok(relaxed > 0, `${query}: some verdict is relaxed`);
  }
});

test("soft wishes get verdicts too, as preferences", async () => {
  const engine = await isolatedEngine();
  const response = await recommend(request({ query: "comedies, ideally from the 70s", limit: 6, route: "reasoning" }), engine);
  const years = response.items.flatMap((item) => item.verdicts.filter((verdict) => verdict.constraint.kind === "years").map((verdict) => ({ item, verdict })));
  assert.equal(years.length, response.items.length);
  for (const { item, verdict } of years) {
    assert.equal(verdict.strength, "soft");
    assert.equal(contradiction(item, verdict), null, item.title);
  }
});

test("the card count follows a count in the request, on both paths", async () => {
  const engine = await isolatedEngine();
  const reasoned = await recommend(request({ query: "three films with tom hanks", limit: 8 }), engine);
  assert.equal(reasoned.items.length, 3);
  const fast = await recommend(request({ query: "tom hanks, three films", limit: 8, route: "fast" }), engine);
  assert.equal(fast.route.path, "fast");
  assert.equal(fast.items.length, 3, "the fast path reads the count as well");
  const capped = await recommend(request({ query: "twelve comedies", limit: 8 }), engine);
  assert.equal(capped.items.length, 8, "without maxCount a count only lowers the limit");
  const raised = await recommend(request({ query: "twelve comedies", limit: 8, maxCount: 24 }), engine);
  assert.equal(raised.items.length, 12, "maxCount lets a count raise it");
  const plain = await recommend(request({ query: "comedies", limit: 8, maxCount: 24 }), engine);
  assert.equal(plain.items.length, 8);
});

test("years past the catalog's end are reported with the catalog's newest year", async () => {
  const engine = await isolatedEngine();
  const response = await recommend(request({ query: "thrillers from 2022", limit: 5, route: "reasoning" }), engine);
  assert.ok(response.catalogYears);
  assert.equal(response.catalogYears.coverage, "none");
  assert.equal(response.catalogYears.askedFrom, 2022);
  assert.equal(response.catalogYears.latestYear, 2018);
  const covered = await recommend(request({ query: "thrillers from the 90s", limit: 5, route: "reasoning" }), engine);
  assert.equal(covered.catalogYears, null);
});

test("the route says why in plain words; developer notes stay in reasons", async () => {
  const engine = await isolatedEngine();
  const fast = await recommend(request({ query: "blade runner", limit: 5 }), engine);
  assert.equal(fast.route.path, "fast");
  assert.equal(fast.route.plainReason, "you named a film");
  const reasoned = await recommend(request({ query: "thrillers from the 2000s under two hours, no horror", limit: 5 }), engine);
  assert.equal(reasoned.route.path, "reasoning");
  assert.equal(reasoned.route.plainReason, "checked genre, years, running time and what to leave out");
  assert.doesNotMatch(reasoned.route.plainReason, /OPENAI|LLM|reasoner|score/);
});

test("ratings name their source and links come from the dataset's ids", () => {
  const movieLens = makeItem({ id: "ml:1", title: "Toy Story", tmdbId: 862, imdbId: "tt0114709", ratingCount: 215, ratingMean: 3.9209, tmdbVoteCount: 5415, tmdbVoteAverage: 7.7 });
  assert.deepEqual(ratingOf(movieLens), { source: "movielens", value: 3.9, outOf: 5, count: 215 });
  assert.deepEqual(linksOf(movieLens), { imdb: "https://www.imdb.com/title/tt0114709/", tmdb: "https://www.themoviedb.org/movie/862" });
  const thin = makeItem({ id: "ml:2", title: "Thin", ratingCount: 3, ratingMean: 5, tmdbVoteCount: 966, tmdbVoteAverage: 5.94 });
  assert.deepEqual(ratingOf(thin), { source: "tmdb", value: 5.9, outOf: 10, count: 966 }, "three raters here lose to 966 TMDB votes");
  const coldStart = makeItem({ id: "tmdb:77", title: "Cold", tmdbVoteCount: 0, tmdbVoteAverage: 0 });
  assert.equal(ratingOf(coldStart), null);
  assert.deepEqual(linksOf(coldStart), { imdb: null, tmdb: "https://www.themoviedb.org/movie/77" });
  // A bundle built before imdbId was recorded loads items without the field.
  const old = { ...movieLens } as Partial<typeof movieLens>;
  delete old.imdbId;
  assert.equal(linksOf(old as typeof movieLens).imdb, null);
});
