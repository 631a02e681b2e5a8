import assert from "node:assert/strict";
import { test } from "node:test";
import { failures, genresOf, product, report } from "./generated-cases";

/**
 * A denied period ("thrillers not from the 80s") can't be one year range, so it must never turn
 * into a wish for that period; a denied bound ("nothing before the 80s") still is a bound.
 */
const GENRES: Array<[string, string]> = [
  ["thrillers", "Thriller"],
  ["comedies", "Comedy"],
  ["horror movies", "Horror"],
  ["westerns", "Western"],
];
const PERIODS = ["the 80s", "the 1990s", "the seventies", "'60s", "1994", "2001"];
const FRAMES = ["{g} not from {p}", "{g} but not from {p}", "{g}, just not {p}", "{g}, anything but {p}", "{g} except {p}", "{g}, no {p} please", "not a {p} movie, {g}"];

test("a denied period sets no years", () => {
  const cases = product({ genre: GENRES, period: PERIODS, frame: FRAMES }).map(({ genre, period, frame }) => ({
    query: frame.replace("{g}", genre[0]).replace(
      "{p}",
      period
        .replace(/^the /, frame.includes("a {p}") ? "" : "the ")
        .replace(/^the (\d{4})$/, "$1")
        .replace(/^the '/, "'"),
    ),
    genre: genre[1],
  }));
  const failed = failures(cases, (constraints, { genre }) =>
    constraints.years === null && genresOf(constraints.includeGenres) === genre ? null : `years ${JSON.stringify(constraints.years)} genres ${genresOf(constraints.includeGenres)}`,
  );
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("a denied bound is still a bound", () => {
  const cases = GENRES.map(([words, genre]) => ({ query: `${words}, nothing before the 80s`, genre }));
  const failed = failures(cases, (constraints) => (constraints.years?.from === 1980 && constraints.years.to === null ? null : `years ${JSON.stringify(constraints.years)}`));
  assert.equal(failed.length, 0, report(failed, cases.length));
});
