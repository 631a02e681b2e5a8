import assert from "node:assert/strict";
import { test } from "node:test";
import type { Constraints } from "../../../lib/reasoning/constraints";
import { failures, genresOf, parse, report } from "./generated-cases";

/**
 * Decades and years, generated: every spelling of every decade × every bound word, and years ×
 * the year bound words. Semantics (docs/EVALUATION.md): a decade is whole (1990–1999) unless
 * early/mid/late narrows it (first four, middle four, last four years); strict words ("before",
 * "after", "pre-", "post-", "older than") exclude the decade or year named, inclusive ones
 * ("since", "until", "no older than", "nothing before", "from … on") include it.
 */
const SPELLINGS: Record<number, string[]> = {
  1920: ["20s", "1920s", "twenties", "'20s", "20's", "1920's", "nineteen twenties"],
  1950: ["50s", "1950s", "fifties", "'50s", "50's", "1950's", "nineteen-fifties"],
  1960: ["60s", "1960s", "sixties", "'60s", "60's", "1960's"],
  1970: ["70s", "1970s", "seventies", "'70s", "70's", "1970’s"],
  1980: ["80s", "1980s", "eighties", "'80s", "80's", "1980's", "nineteen eighties"],
  1990: ["90s", "1990s", "nineties", "'90s", "90's", "1990's", "‘90s", "nineteen nineties"],
  2000: ["2000s", "00s", "'00s", "noughties", "aughts", "two thousands", "2000's"],
  2010: ["2010s", "'10s", "2010's", "twenty tens", "twenty-tens"],
};
const GENRES: Array<[string, string]> = [
  ["thrillers", "Thriller"],
  ["horror films", "Horror"],
  ["war movies", "War"],
];

type Expected = { from: number | null; to: number | null };
type Case = { query: string; expected: Expected; genre: string };

function cases(frames: Array<[string, (decade: number) => Expected]>): Case[] {
  return frames.flatMap(([frame, expected]) =>
    Object.entries(SPELLINGS).flatMap(([decade, spellings]) =>
      spellings.flatMap((spelling) => GENRES.map(([word, genre]) => ({ query: frame.replace("{d}", spelling).replace("{g}", word), expected: expected(Number(decade)), genre }))),
    ),
  );
}

function check(constraints: Constraints, { expected, genre }: Case): string | null {
  const years = constraints.years;
  if (years?.from !== expected.from || years?.to !== expected.to || years?.strength !== "hard") return `years ${JSON.stringify(years)}, expected ${JSON.stringify(expected)}`;
  if (genresOf(constraints.includeGenres) !== genre) return `genres ${genresOf(constraints.includeGenres)}`;
  if (constraints.count !== null || constraints.runtime !== null) return `count ${constraints.count} runtime ${JSON.stringify(constraints.runtime)}`;
  return null;
}

const whole = (decade: number): Expected => ({ from: decade, to: decade + 9 });
const before = (decade: number): Expected => ({ from: null, to: decade - 1 });
const after = (decade: number): Expected => ({ from: decade + 10, to: null });
const since = (decade: number): Expected => ({ from: decade, to: null });
const until = (decade: number): Expected => ({ from: null, to: decade + 9 });

test("a decade in every spelling is the whole decade", () => {
  const all = cases([
    ["{d} {g}", whole],
    ["{g} from the {d}", whole],
    ["{g} in the {d}", whole],
    ["{g} made in the {d}", whole],
    ["the {d} {g}", whole],
    ["{g} released during the {d}", whole],
    ["hey, any good {g} from the {d}?", whole],
    ["{g} of the {d}", whole],
    ["{g} that came out in the {d}", whole],
    ["{g}, {d}", whole],
    ["{d}-era {g}", whole],
    ["{g} from the {d} era", whole],
  ]);
  const failed = failures(all, check);
  assert.equal(failed.length, 0, report(failed, all.length));
});

test("decade bounds: strict words exclude the decade, inclusive ones include it", () => {
  const all = cases([
    ["{g} before the {d}", before],
    ["pre-{d} {g}", before],
    ["{g} prior to the {d}", before],
    ["{g} older than the {d}", before],
    ["{g} earlier than the {d}", before],
    ["{g} from before the {d}", before],
    ["{g} after the {d}", after],
    ["post-{d} {g}", after],
    ["{g} later than the {d}", after],
    ["{g} newer than the {d}", after],
    ["{g} more recent than the {d}", after],
    ["{g} since the {d}", since],
    ["{g} from the {d} on", since],
    ["{g} from the {d} onwards", since],
    ["{d} onward {g}", since],
    ["{g}, nothing before the {d}", since],
    ["{g} no older than the {d}", since],
    ["{g} not older than the {d}", since],
    ["{g} no earlier than the {d}", since],
    ["{g} from the {d} or later", since],
    ["{g} starting in the {d}", since],
    ["{g} from the {d} to now", since],
    ["{g} from the {d} to the present", since],
    ["{g} from the {d} and newer", since],
    ["{g} not before the {d}", since],
    ["{g} until the {d}", until],
    ["{g} up to the {d}", until],
    ["{g} through the {d}", until],
    ["{g} from the {d} or earlier", until],
    ["{g} no later than the {d}", until],
    ["{g}, nothing after the {d}", until],
    ["{g} not after the {d}", until],
    ["{g} no newer than the {d}", until],
    ["{g} up until the {d}", until],
    ["{g} made in or after the {d}", since],
    ["{g} from the {d} at the earliest", since],
    ["{d}+ {g}", since],
    ["{g}, nothing that came out before the {d}", since],
    ["{g} that aren't older than the {d}", since],
    ["{g} not made before the {d}", since],
    ["{g} up to and including the {d}", until],
    ["{g} from the {d} at the latest", until],
    ["{g}, nothing past the {d}", until],
    ["{g} from the {d} and before", until],
    ["{g} until the end of the {d}", until],
    ["{g} up to the end of the {d}", until],
    ["{g} before the start of the {d}", before],
    ["{g} since the start of the {d}", since],
    ["{g} thru the {d}", until],
    ["{g} no sooner than the {d}", since],
    ["{g} following the {d}", after],
    ["{g}, the {d} at the very latest", until],
    ["{g} from the {d} at the very earliest", since],
    ["{g} beginning with the {d}", since],
    ["{g} starting with the {d}", since],
    ["{g} released after the {d}", after],
    ["{g} that came out before the {d}", before],
  ]);
  const failed = failures(all, check);
  assert.equal(failed.length, 0, report(failed, all.length));
});

test("two decades: a span from the first to the last", () => {
  // Every spelling of a decade with every spelling of the next ("80s or nineties", "2000s or tens"),
  // and the same-numbered spelling of the one after ("70s or 90s").
  const pairs: Array<[string, string, number, number]> = [];
  const decades = Object.keys(SPELLINGS).map(Number);
  for (let index = 0; index + 1 < decades.length; index += 1) {
    const [first, next, after] = [decades[index], decades[index + 1], decades[index + 2]];
    for (const a of SPELLINGS[first]) for (const b of SPELLINGS[next]) pairs.push([a, b, first, next]);
    if (after !== undefined) SPELLINGS[first].forEach((a, position) => pairs.push([a, SPELLINGS[after][position % SPELLINGS[after].length], first, after]));
  }
  const frames = [
    "{g} from the {a} or {b}",
    "{a} and {b} {g}",
    "{g} from the {a} to the {b}",
    "{g} between the {a} and the {b}",
    "{g} from the {a} or the {b}",
    "{a} or {b} {g}",
    "{g} from the {a} through the {b}",
    "{g} from the {a} up to the {b}",
    "{g} from the {a} up until the {b}",
  ];
  const all: Case[] = frames.flatMap((frame) =>
    pairs.map(([a, b, low, high], index) => {
      const [word, genre] = GENRES[index % GENRES.length];
      return { query: frame.replace("{a}", a).replace("{b}", b).replace("{g}", word), expected: { from: low, to: high + 9 }, genre };
    }),
  );
  const failed = failures(all, check);
  assert.equal(failed.length, 0, report(failed, all.length));
});

test("'the tens' and 'the teens' are the 2010s after 'the' or another decade; 'for teens' is an audience", () => {
  for (const query of ["thrillers from the tens", "thrillers from the teens", "thrillers from the 2000s or tens", "thrillers from the noughties to the teens"]) {
    const years = parse(query).years;
    assert.equal(years?.to, 2019, query);
  }
  for (const query of ["comedies for teens", "movies for the teens", "tens of thrillers"]) assert.equal(parse(query).years, null, query);
});

test("early, mid and late narrow a decade to four years", () => {
  const all = cases([
    ["early {d} {g}", (decade) => ({ from: decade, to: decade + 3 })],
    ["{g} from the mid {d}", (decade) => ({ from: decade + 3, to: decade + 6 })],
    ["{g} from the late {d}", (decade) => ({ from: decade + 6, to: decade + 9 })],
  ]).filter((testCase) => !/twenty|two thousands|aughts|noughties|nineteen/.test(testCase.query));
  const failed = failures(all, check);
  assert.equal(failed.length, 0, report(failed, all.length));
});

test("years: strict words exclude the year, inclusive ones include it, a bare year is that year", () => {
  const frames: Array<[string, (year: number) => Expected]> = [
    ["{g} before {y}", (year) => ({ from: null, to: year - 1 })],
    ["{g} older than {y}", (year) => ({ from: null, to: year - 1 })],
    ["pre-{y} {g}", (year) => ({ from: null, to: year - 1 })],
    ["{g} prior to {y}", (year) => ({ from: null, to: year - 1 })],
    ["{g} earlier than {y}", (year) => ({ from: null, to: year - 1 })],
    ["{g} after {y}", (year) => ({ from: year + 1, to: null })],
    ["{g} newer than {y}", (year) => ({ from: year + 1, to: null })],
    ["post-{y} {g}", (year) => ({ from: year + 1, to: null })],
    ["{g} later than {y}", (year) => ({ from: year + 1, to: null })],
    ["{g} more recent than {y}", (year) => ({ from: year + 1, to: null })],
    ["{g} since {y}", (year) => ({ from: year, to: null })],
    ["{g} from {y} on", (year) => ({ from: year, to: null })],
    ["{g} from {y} onwards", (year) => ({ from: year, to: null })],
    ["{g} starting in {y}", (year) => ({ from: year, to: null })],
    ["{g} from {y} or later", (year) => ({ from: year, to: null })],
    ["{g} no older than {y}", (year) => ({ from: year, to: null })],
    ["{g} not older than {y}", (year) => ({ from: year, to: null })],
    ["{g} no earlier than {y}", (year) => ({ from: year, to: null })],
    ["{g} not before {y}", (year) => ({ from: year, to: null })],
    ["{g}, nothing before {y}", (year) => ({ from: year, to: null })],
    ["{g} {y} or newer", (year) => ({ from: year, to: null })],
    ["{g} until {y}", (year) => ({ from: null, to: year })],
    ["{g} up to {y}", (year) => ({ from: null, to: year })],
    ["{g} up until {y}", (year) => ({ from: null, to: year })],
    ["{g} through {y}", (year) => ({ from: null, to: year })],
    ["{g} from {y} or earlier", (year) => ({ from: null, to: year })],
    ["{g} no later than {y}", (year) => ({ from: null, to: year })],
    ["{g} no newer than {y}", (year) => ({ from: null, to: year })],
    ["{g} not after {y}", (year) => ({ from: null, to: year })],
    ["{g}, nothing after {y}", (year) => ({ from: null, to: year })],
    ["{g} {y} or older", (year) => ({ from: null, to: year })],
    ["{g} from {y}", (year) => ({ from: year, to: year })],
    ["{g} in {y}", (year) => ({ from: year, to: year })],
    ["{y} {g}", (year) => ({ from: year, to: year })],
    ["{g} between {y} and {z}", (year) => ({ from: year, to: year + 5 })],
    ["{g} from {y} to {z}", (year) => ({ from: year, to: year + 5 })],
    ["{g} {y}-{z}", (year) => ({ from: year, to: year + 5 })],
  ];
  const years = [1955, 1972, 1988, 1994, 2000, 2003, 2010];
  const all: Case[] = frames.flatMap(([frame, expected]) =>
    years.flatMap((year) =>
      GENRES.map(([word, genre]) => ({
        query: frame
          .replace("{y}", String(year))
          .replace("{z}", String(year + 5))
          .replace("{g}", word),
        expected: expected(year),
        genre,
      })),
    ),
  );
  const failed = failures(all, check);
  assert.equal(failed.length, 0, report(failed, all.length));
});

test("two bounds in one request", () => {
  const all = cases([
    ["{g} after the {d} and before 2015", (decade) => ({ from: decade + 10, to: 2014 })],
    ["{g} no earlier than the {d} and no later than 2015", (decade) => ({ from: decade, to: 2015 })],
  ]).filter((testCase) => testCase.expected.from! < 2015);
  const failed = failures(all, check);
  assert.equal(failed.length, 0, report(failed, all.length));
});

// foreign-phrases.ts reads "90's comedies" as French ("comedies" is a strong French marker, and the
// "s" after the apostrophe a French filler it drops), so the decade is lost; owned by the
// French/Spanish/German layer.
test("comedies with a decade in every spelling", () => {
  const all = cases([
    ["{d} {g}", whole],
    ["{g} from the {d} on", since],
  ])
    .filter((testCase) => testCase.genre === "Thriller")
    .map((testCase) => ({ ...testCase, query: testCase.query.replace("thrillers", "comedies"), genre: "Comedy" }));
  const failed = failures(all, check);
  assert.equal(failed.length, 0, report(failed, all.length));
});
