import assert from "node:assert/strict";
import { test } from "node:test";
import { failures, product, report } from "./generated-cases";

/** A count around a name ("two Scorsese films", "3 tom hanks movies") counts the films and keeps the name. */
const NUMBERS: Array<[string, number]> = [
  ["two", 2],
  ["3", 3],
  ["five", 5],
  ["a dozen", 12],
  ["a couple of", 2],
];
const PEOPLE: Array<[string, string]> = [
  ["Scorsese", "Martin Scorsese"],
  ["tom hanks", "Tom Hanks"],
  ["Spielberg", "Steven Spielberg"],
  ["Meryl Streep", "Meryl Streep"],
  ["Hitchcock", "Alfred Hitchcock"],
  ["clint eastwood", "Clint Eastwood"],
];
const FRAMES = ["{n} {p} films", "{n} {p} movies from the 90s", "give me {n} {p} movies", "recommend {n} good {p} films please"];

test("a count over a name counts films and keeps the name", () => {
  const cases = product({ number: NUMBERS, person: PEOPLE, frame: FRAMES }).map(({ number, person, frame }) => ({
    query: frame.replace("{n}", number[0]).replace("{p}", person[0]),
    count: number[1],
    name: person[1],
  }));
  const failed = failures(cases, (constraints, { count, name }) =>
    constraints.count === count && constraints.people.some((person) => person.name === name && !person.exclude)
      ? null
      : `count ${constraints.count} people ${constraints.people.map((person) => person.name)}`,
  );
  assert.equal(failed.length, 0, report(failed, cases.length));
});
