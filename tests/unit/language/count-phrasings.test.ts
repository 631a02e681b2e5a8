import assert from "node:assert/strict";
import { test } from "node:test";
import { expand, failures, genresOf, parse, product, report } from "./generated-cases";

/**
 * Counts, generated: every way of saying a number × every frame that asks for that many films.
 * Semantics (docs/EVALUATION.md): "5"/"five" 5, "a dozen" 12, "half a dozen" 6, "two dozen" 24,
 * "a couple of"/"a pair of" 2; this reader adds "a few" 3, "a handful of" 5 and "one film" /
 * "a single film" / "just one" 1.
 */
const NUMBERS: Array<[string, number]> = [
  ["2", 2],
  ["3", 3],
  ["5", 5],
  ["7", 7],
  ["10", 10],
  ["12", 12],
  ["20", 20],
  ["25", 25],
  ["two", 2],
  ["three", 3],
  ["five", 5],
  ["seven", 7],
  ["ten", 10],
  ["twelve", 12],
  ["fifteen", 15],
  ["twenty", 20],
  ["twenty five", 25],
  ["twenty-five", 25],
  ["thirty", 30],
  ["a dozen", 12],
  ["half a dozen", 6],
  ["two dozen", 24],
  ["a couple of", 2],
  ["a couple", 2],
  ["a pair of", 2],
  ["a few", 3],
  ["a handful of", 5],
];
const GENRES: Array<[string, string]> = [
  ["comedies", "Comedy"],
  ["thrillers", "Thriller"],
  ["horror movies", "Horror"],
  ["sci-fi films", "Sci-Fi"],
  ["westerns", "Western"],
];
/** {n} the number, {g} the plural genre. */
const FRAMES = [
  "{n} {g}",
  "give me {n} {g}",
  "recommend {n} good {g}",
  "I want {n} {g} please",
  "show me {n} really great {g}",
  "can you suggest {n} {g} for tonight?",
  "{n} {g} from the 90s",
  "{n} {g} under 2 hours",
  "a list of {n} {g}",
  "hey, {n} {g} please, thanks!",
  "just {n} {g}",
];
/** Frames where the number stands without its noun. */
const CUED = ["{g}: give me {n}", "top {n} {g}", "{g}, {n} please", "{n} {g} picks", "{n} recs for {g}", "{n} of your best {g}"];

test("counts: every spelling of a number × every frame", () => {
  const rows = product({ number: NUMBERS, genre: GENRES });
  const fill = (frame: string, row: (typeof rows)[number]) => frame.replace("{n}", row.number[0]).replace("{g}", row.genre[0]);
  const cued = rows.filter((row) => /^\d|^[a-z]+$/.test(row.number[0]) && !/^a /.test(row.number[0]));
  const cases = [...expand(FRAMES, rows, fill), ...expand(CUED, cued, fill)];
  const failed = failures(cases, (constraints, { row }) => {
    if (constraints.count !== row.number[1]) return `count ${constraints.count}`;
    if (genresOf(constraints.includeGenres) !== row.genre[1]) return `genres ${genresOf(constraints.includeGenres)}`;
    return null;
  });
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("one film: 'one', 'a single', 'just one', 'only one'", () => {
  const frames = ["one {g}", "a single {g}", "just one {g} please", "only one good {g}", "give me one {g}", "{g}, just one"];
  const singular: Array<[string, string]> = [
    ["comedy", "Comedy"],
    ["thriller", "Thriller"],
    ["horror movie", "Horror"],
    ["western", "Western"],
    ["documentary", "Documentary"],
  ];
  const cases = frames.flatMap((frame) => singular.map(([word, genre]) => ({ query: frame.replace("{g}", word), genre })));
  const failed = failures(cases, (constraints, { genre }) =>
    constraints.count !== 1 ? `count ${constraints.count}` : genresOf(constraints.includeGenres) !== genre ? `genres ${genresOf(constraints.includeGenres)}` : null,
  );
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("numbers that count something else are not counts", () => {
  for (const query of [
    "one of the best comedies",
    "the one with Tom Hanks",
    "a comedy for my 3 kids",
    "5 star thrillers",
    "thrillers under 2 hours",
    "a comedy 1 hr 45 or more",
    "the 40 year old virgin",
    "10 Things I Hate About You",
    "12 Angry Men",
    "a thriller with 2 friends",
    "movies from 1995",
    "a comedy, an hour or less",
  ]) {
    assert.equal(parse(query).count, null, query);
  }
});
