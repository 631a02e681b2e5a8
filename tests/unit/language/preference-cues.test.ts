import assert from "node:assert/strict";
import { test } from "node:test";
import { failures, product, report } from "./generated-cases";

/**
 * Preference cues, generated: "ideally", "if possible", "would be nice" make what they qualify a
 * preference (soft); politeness that looks like a condition ("if you can", "if you have any",
 * "if you know any") asks for nothing less and leaves the request hard.
 */
const GENRES: Array<[string, string]> = [
  ["a thriller", "Thriller"],
  ["some comedies", "Comedy"],
  ["a western", "Western"],
  ["horror films", "Horror"],
  ["a documentary", "Documentary"],
  ["war movies", "War"],
];
const POLITE = ["if you can", "if you have any", "if you know any", "if you've got any", "if there are any", "if you don't mind", "if that's ok"];
const PREFERENCE = ["if possible", "ideally", "preferably", "would be nice", "is a plus"];

test("politeness after a genre keeps it hard", () => {
  const cases = product({ genre: GENRES, closer: POLITE }).flatMap(({ genre, closer }) =>
    [`${genre[0]} ${closer}`, `find me ${genre[0]}, ${closer}`, `recommend ${genre[0]} ${closer} please`].map((query) => ({ query, genre: genre[1] })),
  );
  const failed = failures(cases, (constraints, { genre }) => {
    const found = constraints.includeGenres.find((entry) => entry.genre === genre);
    return found?.strength === "hard" && constraints.includeGenres.length === 1 ? null : `genres ${JSON.stringify(constraints.includeGenres)}`;
  });
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("a preference cue after a genre makes it soft", () => {
  const cases = product({ genre: GENRES, cue: PREFERENCE }).map(({ genre, cue }) => ({ query: `something tonight, ${genre[0]} ${cue}`, genre: genre[1] }));
  const failed = failures(cases, (constraints, { genre }) =>
    constraints.includeGenres.some((entry) => entry.genre === genre && entry.strength === "soft") ? null : `genres ${JSON.stringify(constraints.includeGenres)}`,
  );
  assert.equal(failed.length, 0, report(failed, cases.length));
});
