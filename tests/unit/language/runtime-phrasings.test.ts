import assert from "node:assert/strict";
import { test } from "node:test";
import type { Constraints } from "../../../lib/reasoning/constraints";
import { expand, failures, genresOf, parse, product, report } from "./generated-cases";

/**
 * Runtimes, generated: every duration spelling × every bound word and position × sentence frames.
 * Semantics (docs/EVALUATION.md): every bound includes the number; an approximate or bare
 * duration is a window of ±15 minutes around it.
 */
const DURATIONS: Array<[string, number]> = [
  ["90 minutes", 90],
  ["90 mins", 90],
  ["90 min", 90],
  ["90min", 90],
  ["90m", 90],
  ["ninety minutes", 90],
  ["ninety-five minutes", 95],
  ["a hundred and twenty minutes", 120],
  ["one hundred minutes", 100],
  ["one hundred and ten minutes", 110],
  ["100 minutes", 100],
  ["1.5 hours", 90],
  ["1,5 hours", 90],
  ["1½ hours", 90],
  ["1h30", 90],
  ["1h 30m", 90],
  ["1 h 30", 90],
  ["1 hr 45", 105],
  ["1h45", 105],
  ["1hr 45min", 105],
  ["an hour and a half", 90],
  ["one and a half hours", 90],
  ["hour and a half", 90],
  ["hour and 45 minutes", 105],
  ["an hour and 40 minutes", 100],
  ["1 hour 40 minutes", 100],
  ["two hours", 120],
  ["2 hours", 120],
  ["2 hrs", 120],
  ["2hrs", 120],
  ["2h", 120],
  ["a couple of hours", 120],
  ["a couple hours", 120],
  ["two and a half hours", 150],
  ["2.5 hours", 150],
  ["2h30", 150],
  ["two hours and fifteen minutes", 135],
  ["three hours", 180],
  ["an hour", 60],
  ["75 minutes", 75],
];

const MAX_BEFORE = [
  "under",
  "less than",
  "shorter than",
  "below",
  "at most",
  "no more than",
  "not more than",
  "no longer than",
  "not longer than",
  "max",
  "maximum",
  "up to",
  "within",
  "nothing longer than",
  "not over",
  "in under",
  "a maximum of",
];
const MAX_AFTER = ["or less", "or shorter", "max", "tops", "at most", "or under", "long or less", "at the most"];
const MIN_BEFORE = [
  "over",
  "more than",
  "longer than",
  "at least",
  "minimum",
  "min",
  "no shorter than",
  "not shorter than",
  "not under",
  "not less than",
  "no less than",
  "above",
  "a minimum of",
  "nothing shorter than",
];
const MIN_AFTER = ["or more", "or longer", "minimum", "plus", "at least", "or over", "long or more"];
/** A time budget: how long the person has is the most a film may run. */
const BUDGETS = [
  "I only have {d}, a {g} please",
  "I've got {d} tonight, any good {g}?",
  "I have just {d} for a {g}",
  "a {g} I can finish in {d}",
  "a {g} that fits in {d}",
  "a {g} before bedtime in {d}",
  "we have about {d}, {g}?",
];

const FRAMES_BEFORE = ["{g} {w} {d}", "a {g} film {w} {d} please", "{w} {d}, a {g}", "hey, could you find me a {g} that runs {w} {d}?"];
const FRAMES_AFTER = ["{g} {d} {w}", "a {g}, {d} {w}", "hi! something {g}, {d} {w} please"];
// Two genre spellings keep the run short (~10k requests); the genre is only there to be kept.
const GENRES: Array<[string, string]> = [
  ["thriller", "Thriller"],
  ["horror movie", "Horror"],
];

type Row = { duration: [string, number]; word: string; genre: [string, string] };
const fill = (template: string, row: Row) => template.replace("{g}", row.genre[0]).replace("{w}", row.word).replace("{d}", row.duration[0]);

function boundCases(frames: string[], words: string[]) {
  return expand(frames, product({ duration: DURATIONS, word: words, genre: GENRES }) as Row[], fill);
}

function checkBound(direction: "max" | "min") {
  return (constraints: Constraints, { row }: { row: Row }) => {
    const minutes = row.duration[1];
    const expected = direction === "max" ? { minMinutes: null, maxMinutes: minutes } : { minMinutes: minutes, maxMinutes: null };
    const runtime = constraints.runtime;
    if (!runtime || runtime.minMinutes !== expected.minMinutes || runtime.maxMinutes !== expected.maxMinutes || runtime.strength !== "hard") return `runtime ${JSON.stringify(runtime)}`;
    if (genresOf(constraints.includeGenres) !== row.genre[1]) return `genres ${genresOf(constraints.includeGenres)}`;
    if (constraints.years !== null || constraints.count !== null) return `years ${JSON.stringify(constraints.years)} count ${constraints.count}`;
    return null;
  };
}

test("runtime maxima: every duration spelling × every bound word before or after it", () => {
  const cases = [...boundCases(FRAMES_BEFORE, MAX_BEFORE), ...boundCases(FRAMES_AFTER, MAX_AFTER)];
  const failed = failures(cases, checkBound("max"));
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("runtime minima: every duration spelling × every bound word before or after it", () => {
  const cases = [...boundCases(FRAMES_BEFORE, MIN_BEFORE), ...boundCases(FRAMES_AFTER, MIN_AFTER)];
  const failed = failures(cases, checkBound("min"));
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("a time budget is a maximum", () => {
  const rows = product({ duration: DURATIONS, word: [""], genre: GENRES }) as Row[];
  const cases = expand(BUDGETS, rows, fill);
  const failed = failures(cases, checkBound("max"));
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("approximate and bare durations are a ±15 minute window", () => {
  const frames = ["{g} about {d} long", "a {g} around {d}", "a {d} {g}", "{g}, roughly {d}", "a {g} of {d} or so"];
  const rows = product({ duration: DURATIONS.filter(([, minutes]) => minutes >= 75), word: [""], genre: GENRES }) as Row[];
  const cases = expand(frames, rows, fill);
  const failed = failures(cases, (constraints, { row }) => {
    const minutes = row.duration[1];
    const runtime = constraints.runtime;
    if (runtime?.minMinutes !== minutes - 15 || runtime?.maxMinutes !== minutes + 15) return `runtime ${JSON.stringify(runtime)}`;
    return genresOf(constraints.includeGenres) === row.genre[1] ? null : `genres ${genresOf(constraints.includeGenres)}`;
  });
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("ranges include both ends, in minutes, hours or mixed", () => {
  const pairs: Array<[string, string, number, number]> = [
    ["90", "120 minutes", 90, 120],
    ["90 minutes", "2 hours", 90, 120],
    ["1", "2 hours", 60, 120],
    ["an hour and a half", "two hours", 90, 120],
    ["ninety", "a hundred and twenty minutes", 90, 120],
    ["1h30", "2h", 90, 120],
    ["100", "140 min", 100, 140],
    ["80", "100 mins", 80, 100],
  ];
  const frames = ["{g} between {a} and {b}", "a {g} from {a} to {b}", "{g}, {a} to {b} long", "{g} {a}-{b}", "{g} running {a} to {b}"];
  const cases = frames.flatMap((frame) =>
    pairs
      // A hyphen joins digits ("90-120 min", "1h30-2h"), not words.
      .filter(([a]) => !frame.includes("-") || /^\d/.test(a))
      .flatMap(([a, b, low, high]) => GENRES.map(([genreWord, genre]) => ({ query: frame.replace("{g}", genreWord).replace("{a}", a).replace("{b}", b), low, high, genre }))),
  );
  const failed = failures(cases, (constraints, { low, high, genre }) => {
    const runtime = constraints.runtime;
    if (runtime?.minMinutes !== low || runtime?.maxMinutes !== high) return `runtime ${JSON.stringify(runtime)}`;
    return genresOf(constraints.includeGenres) === genre ? null : `genres ${genresOf(constraints.includeGenres)}`;
  });
  assert.equal(failed.length, 0, report(failed, cases.length));
});

test("filler near a duration word is not a runtime; 'short' and 'quick' describe films only", () => {
  for (const query of ["quick question, any good thrillers?", "in short, a comedy", "long story short, I want a western", "a thriller on short notice"]) {
    assert.equal(parse(query).runtime, null, query);
  }
  assert.deepEqual(parse("something short and funny").runtime, { minMinutes: null, maxMinutes: 100, strength: "hard" });
  assert.deepEqual(parse("a quick comedy").runtime, { minMinutes: null, maxMinutes: 100, strength: "hard" });
  assert.equal(parse("top 10 90 minute films").count, 10);
});
