import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Engine } from "../../../lib/pipeline";
import { createEngine } from "../../../lib/server/engine-singleton";
import { openSqliteStore, type Store } from "../../../lib/store";
import {
  coLikedNeighbours,
  contentWords,
  judgeAnswer,
  loadJudgeData,
  runServedEval,
  seededTypo,
  spokenTitle,
  TARGETS,
  typedTitle,
  type AskedContext,
  type MovieLensData,
  type ServedEvalResult,
} from "../../../scripts/served-judge";

// The judge itself, on tiny inputs whose answers are known.

describe("the served-answers judge", () => {
  test("writes MovieLens titles as a person types them", () => {
    assert.equal(typedTitle("Godfather, The (1972)"), "The Godfather");
    assert.equal(typedTitle("Seven (a.k.a. Se7en) (1995)"), "Seven");
    assert.equal(typedTitle("Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)"), "Amelie");
    assert.equal(typedTitle("Lord of the Rings: The Fellowship of the Ring, The (2001)"), "The Lord of the Rings: The Fellowship of the Ring");
    assert.equal(typedTitle("Fish Called Wanda, A (1988)"), "A Fish Called Wanda");
    assert.equal(typedTitle("(500) Days of Summer (2009)"), "(500) Days of Summer");
    const borat = "Borat: Cultural Learnings of America for Make Benefit Glorious Nation of Kazakhstan";
    assert.equal(spokenTitle(borat, [borat, "Bad Santa"]), "Borat");
    const hope = "Star Wars: Episode IV - A New Hope";
    assert.equal(spokenTitle(hope, [hope, "Star Wars: Episode V - The Empire Strikes Back"]), hope);
    assert.equal(spokenTitle("Mission: Impossible", ["Mission: Impossible"]), "Mission: Impossible");
  });

  test("a typo is one seeded letter edit inside a word of at least five letters, never its first or last letter", () => {
    const typo = seededTypo("To Kill a Mockingbird", 16, "1207")!;
    assert.equal(typo.word, "Mockingbird");
    assert.notEqual(typo.text, "To Kill a Mockingbird");
    assert.ok(typo.text.startsWith("To Kill a M") && typo.text.endsWith("d"));
    assert.ok(Math.abs(typo.text.length - "To Kill a Mockingbird".length) <= 1);
    assert.deepEqual(seededTypo("To Kill a Mockingbird", 16, "1207"), typo);
    assert.equal(seededTypo("Up", 16, "1"), null);
  });

  test("neighbours are ranked by shrunk cosine over the sets of people who liked each film", () => {
    // Film 1 liked by users 1–4; film 2 by 1–4 (same people); film 3 by 1 and 5; film 4 by 5 only.
    const likes: [number, number[]][] = [
      [1, [1, 2, 3, 4]],
      [2, [1, 2, 3, 4]],
      [3, [1, 5]],
      [4, [5]],
    ];
    const likers = new Map(likes.map(([movieId, users]) => [movieId, Int32Array.from(users)]));
    const likedBy = new Map<number, Int32Array>();
    for (const user of [1, 2, 3, 4, 5]) likedBy.set(user, Int32Array.from(likes.filter(([, users]) => users.includes(user)).map(([movieId]) => movieId)));
    const data: MovieLensData = { films: new Map(), likers, likedBy, likeThreshold: 4 };
    const neighbours = coLikedNeighbours(data, 1, 10);
    assert.deepEqual(
      neighbours.map((neighbour) => neighbour.movieId),
      [2, 3],
    );
    assert.ok(Math.abs(neighbours[0].score - (4 / Math.sqrt(16)) * (4 / 14)) < 1e-12);
    assert.ok(Math.abs(neighbours[1].score - (1 / Math.sqrt(8)) * (1 / 11)) < 1e-12);
  });

  test("an answer is judged on the nine items after the asked-for film, and word matches outside the neighbours are noise", () => {
    const data = loadJudgeData();
    const asked: AskedContext = {
      askedMovieIds: [1],
      relevant: new Set([2, 3]),
      excused: new Set([2, 3, 4]),
      titleWords: contentWords("Toy Story"),
      fillerWords: contentWords("movies like"),
      askedContent: [data.content.ofMovie(1)!],
    };
    const judgement = judgeAnswer(
      [
        { id: "ml:1", title: "Toy Story" },
        { id: "ml:2", title: "Jumanji" },
        { id: "ml:4", title: "Waiting to Exhale" },
        { id: "ml:5", title: "The Toy" },
        { id: "tmdb:1", title: "Some Like It Hot" },
      ],
      asked,
      data.content,
    );
    assert.equal(judgement.askedFirst, true);
    assert.equal(judgement.relevantNext, 1);
    assert.equal(judgement.others, 4);
    assert.equal(judgement.titleWordNoise, 1);
    assert.equal(judgement.fillerWordNoise, 1);
    assert.deepEqual(judgement.marks.slice(0, 2), ["asked", "neighbour"]);
  });
});

// The served answers of the real pipeline, on the real bundle: the targets of issue 16.

describe("served answers through the real pipeline (40 films, seed 16)", () => {
  let store: Store;
  let engine: Engine;
  let result: ServedEvalResult;

  before(async () => {
    store = openSqliteStore({ path: ":memory:" });
    engine = await createEngine({ environment: {}, store, seed: 16, epochMs: () => Date.UTC(2026, 11, 3, 20) });
    result = await runServedEval(engine, { films: 40, seed: 16 });
  });

  after(async () => {
    await store?.close();
  });

  const table = () =>
    result.phrasings
      .map(
        (phrasing) =>
          `${phrasing.id}: first ${phrasing.served.askedFirst.toFixed(3)}, absent ${phrasing.served.askedAbsent.toFixed(3)}, precision ${phrasing.served.neighbourPrecision.toFixed(3)}, noise ${phrasing.served.titleWordNoise.toFixed(3)}`,
      )
      .join("\n");

  test("every phrasing was asked and the popularity baseline is far below the served answers' neighbour precision for 'movies like X'", () => {
    assert.equal(result.phrasings.length, 11);
    for (const phrasing of result.phrasings) assert.ok(phrasing.requests >= 30, `${phrasing.id}: ${phrasing.requests} requests`);
    const moviesLike = result.phrasings.find((phrasing) => phrasing.id === "movies-like")!;
    assert.ok(moviesLike.served.neighbourPrecision > moviesLike.baseline.neighbourPrecision + 0.2, table());
  });

  test("a bare or misspelled title shows the film asked for first (≥ 99 %)", () => {
    const target = result.targets.find((candidate) => candidate.id === "asked-first")!;
    assert.ok(target.pass, `${target.description}: ${target.failures.join("; ")}\n${table()}`);
  });

  test("a film named as a reference is never shown back (≥ 99 %)", () => {
    const target = result.targets.find((candidate) => candidate.id === "reference-not-shown")!;
    assert.ok(target.pass, `${target.description}: ${target.failures.join("; ")}\n${table()}`);
  });

  test(`neighbour precision of every phrasing is ≥ ${TARGETS.neighbourPrecisionFloor} and within ${TARGETS.neighbourPrecisionGap} of "movies like X"`, () => {
    const target = result.targets.find((candidate) => candidate.id === "neighbour-precision")!;
    assert.ok(target.pass, `${target.description}: ${target.failures.join("; ")}\n${table()}`);
  });

  test(`title-word noise is ≤ ${100 * TARGETS.titleWordNoise} % in every phrasing`, () => {
    const target = result.targets.find((candidate) => candidate.id === "title-word-noise")!;
    assert.ok(target.pass, `${target.description}: ${target.failures.join("; ")}\n${table()}`);
  });

  test("the judge is deterministic and leaves the engine's bandit as it found it", async () => {
    const impressions = engine.bandit!.state.impressions;
    const options = { films: 6, seed: 5, phrasings: ["bare-title", "loved-next", "mix-of-two"] };
    const first = await runServedEval(engine, options);
    const second = await runServedEval(engine, options);
    assert.deepEqual(second.phrasings, first.phrasings);
    assert.deepEqual(second.examples, first.examples);
    assert.equal(engine.bandit!.state.impressions, impressions);
  });
});
