import assert from "node:assert/strict";
import { test } from "node:test";
import { failures, genresOf, report } from "./generated-cases";

/** "family" and "kids" are the Family genre before a film noun or after "for", and the people in the room otherwise. */
const GENRES: Array<[string, string]> = [
  ["a thriller", "Thriller"],
  ["comedies", "Comedy"],
  ["a western", "Western"],
  ["some sci-fi", "Sci-Fi"],
];

test("the people in the room are filler, not the Family genre", () => {
  const frames = [
    "the kids are asleep, {g} please",
    "movie night with my family, any {g}?",
    "family movie night! {g}",
    "{g} to watch with the kids",
    "my kids are in bed so {g}",
    "{g} with my family tonight",
    "hey, the family is visiting, {g}?",
  ];
  const cases = frames.flatMap((frame) => GENRES.map(([words, genre]) => ({ query: frame.replace("{g}", words), genre })));
  const failed = failures(cases, (constraints, { genre }) =>
    genresOf(constraints.includeGenres) !== genre || constraints.references.length > 0
      ? `genres ${genresOf(constraints.includeGenres)} references ${constraints.references.map((reference) => reference.title)}`
      : null,
  );
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("the audience as a genre: before a film noun, or after 'for'", () => {
  const frames = ["kids movies", "a family movie", "something for the kids", "a film for my kids", "family friendly films", "films for children", "a kids film"];
  const failed = failures(
    frames.map((query) => ({ query })),
    (constraints) => (genresOf(constraints.includeGenres) !== "Family" ? `genres ${genresOf(constraints.includeGenres)}` : null),
  );
  assert.equal(failed.length, 0, report(failed, frames.length));
});
