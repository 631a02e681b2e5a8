import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogYearsNotice, creditsOf, factsLine, ratingWords } from "../../../components/card-facts";
import { durationWords, relaxationWords, runtimeRangeWords, verdictLines, yearRangeWords } from "../../../components/constraint-checks";
import { parseConstraints } from "../../../lib/reasoning/constraints";
import { routeDetails, routeLabel } from "../../../components/route-badge";
import type { ConstraintVerdict, RecommendedItem, Relaxation, RouteInfo } from "../../../lib/pipeline/contract";
import { recommendedItem } from "../../support/response-factory";

const item = (overrides: Partial<RecommendedItem> = {}): RecommendedItem =>
  recommendedItem({
    id: "ml:1",
    title: "Memento",
    year: 2000,
    genres: ["Mystery", "Thriller"],
    runtimeMinutes: 104,
    directors: ["Christopher Nolan"],
    cast: ["Guy Pearce", "Carrie-Anne Moss", "Joe Pantoliano", "Mark Boone Junior"],
    ...overrides,
  });

const hard = (constraint: ConstraintVerdict["constraint"], status: ConstraintVerdict["status"] = "met", relaxation: Relaxation | null = null): ConstraintVerdict => ({
  constraint,
  strength: "hard",
  status,
  relaxation,
});

const lines = (film: RecommendedItem) => verdictLines(film).map((line) => `${line.status}: ${line.text}`);

test("the server's verdicts read as plain words: genre, runtime, years, exclusion", () => {
  const film = item({
    verdicts: [
      hard({ kind: "genre", genre: "Thriller" }),
      hard({ kind: "excluded-genre", genre: "Horror" }),
      hard({ kind: "years", from: 2000, to: 2009 }),
      hard({ kind: "runtime", minMinutes: null, maxMinutes: 120 }),
    ],
  });
  assert.deepEqual(lines(film), ["met: a thriller", "met: no horror", "met: released 2000 (you asked for the 2000s)", "met: 104 minutes (you asked under two hours)"]);
});

test("relaxed and unrecorded values say what gave way, from the answer's relaxation data", () => {
  const years: Relaxation = {
    constraint: "years",
    how: "widened",
    asked: "1990–1999",
    applied: "1985–2004",
    range: { from: 1985, to: 2004 },
    text: "widened the release years to 1985–2004 (asked 1990–1999)",
  };
  const genres: Relaxation = { constraint: "genres", how: "any-of", asked: "Comedy and Romance", applied: "Comedy or Romance", range: null, text: "…" };
  const film = item({
    year: 1987,
    runtimeMinutes: null,
    genres: ["Comedy"],
    verdicts: [
      hard({ kind: "genre", genre: "Comedy" }),
      hard({ kind: "genre", genre: "Romance" }, "relaxed", genres),
      hard({ kind: "years", from: 1990, to: 1999 }, "relaxed", years),
      hard({ kind: "runtime", minMinutes: null, maxMinutes: 90 }, "unknown"),
    ],
  });
  assert.deepEqual(lines(film), [
    "met: a comedy",
    "relaxed: not a romance: too few films had every genre you asked for, so one was enough",
    "relaxed: released 1987: years widened to 1985–2004",
    "unknown: runtime not recorded",
  ]);
});

test("preferences, languages, people and exclusions by name have their own words; no field names", () => {
  const film = item({
    language: "fr",
    verdicts: [
      { constraint: { kind: "years", from: 1970, to: 1979 }, strength: "soft", status: "not-met", relaxation: null },
      hard({ kind: "language", languages: ["fr", "it"] }),
      hard({ kind: "person", name: "Christopher Nolan", role: "any" }),
      hard({ kind: "excluded-person", name: "Tom Cruise", role: "cast" }),
      hard({ kind: "excluded-titles", titles: ["Heat"] }),
      hard({ kind: "excluded-keywords", keywords: ["gore"] }),
      hard({ kind: "not-shown-before" }),
    ],
  });
  const text = lines(film);
  assert.deepEqual(text, [
    "not-met: released 2000 (you preferred the 1970s)",
    "met: in French",
    "met: directed by Christopher Nolan",
    "met: without Tom Cruise",
    "met: not Heat",
    "met: not tagged “gore”",
    "met: new in this conversation",
  ]);
  for (const line of text) assert.doesNotMatch(line, /strength|include|exclude|sort|relevance|minMinutes|maxMinutes|\bhard\b|\bsoft\b/i);
  assert.deepEqual(verdictLines(item()), [], "the fast path's cards carry no verdicts and show no lines");
});

test("durations, ranges and years are said the way people say them", () => {
  assert.equal(durationWords(120), "two hours");
  assert.equal(durationWords(60), "an hour");
  assert.equal(durationWords(90), "90 minutes");
  assert.equal(durationWords(150), "two and a half hours");
  assert.equal(durationWords(104), "104 minutes");
  assert.equal(runtimeRangeWords(80, 100), "between 80 minutes and 100 minutes");
  assert.equal(runtimeRangeWords(90, null), "at least 90 minutes");
  assert.equal(yearRangeWords(1990, 1999), "the 1990s");
  assert.equal(yearRangeWords(2003, 2003), "2003");
  assert.equal(yearRangeWords(1985, 2004), "1985–2004");
  assert.equal(yearRangeWords(null, 1979), "1979 or earlier");
});

test("card facts: rating with its source, credits, languages by name", () => {
  assert.equal(ratingWords({ source: "movielens", value: 4.1, outOf: 5, count: 1234 }), "4.1/5 from 1,234 MovieLens ratings");
  assert.equal(ratingWords({ source: "tmdb", value: 7.8, outOf: 10, count: 1546 }), "7.8/10 on TMDB (1,546 votes)");
  assert.equal(ratingWords(null), null);
  assert.equal(factsLine(item({ language: "ja" })), "2000 · 1 h 44 min · Japanese");
  assert.equal(factsLine(item({ language: "cn", runtimeMinutes: null })), "2000 · Cantonese");
  assert.deepEqual(creditsOf(item()), { directors: "Christopher Nolan", cast: "Guy Pearce, Carrie-Anne Moss, Joe Pantoliano" });
});

test("the catalog-years notice says where the catalog ends", () => {
  assert.equal(
    catalogYearsNotice({ askedFrom: 2022, askedTo: 2022, earliestYear: 1902, latestYear: 2018, coverage: "none" }),
    "The catalog's newest films are from 2018, so it has nothing from 2022; these are the closest matches.",
  );
  assert.match(catalogYearsNotice({ askedFrom: 2010, askedTo: 2019, earliestYear: 1902, latestYear: 2018, coverage: "partial" })!, /newest films are from 2018/);
  assert.equal(catalogYearsNotice(null), null);
});

test("the badge says quick match or thought it through; developer facts are only in the details", () => {
  const route: RouteInfo = {
    path: "reasoning",
    score: 0.81,
    threshold: 0.5,
    reasons: ["no LLM configured (set OPENAI_API_KEY, or OPENAI_BASE_URL and REELCAST_LLM_MODEL)"],
    plainReason: "checked genre and years",
    reasoner: "offline",
    estimatedCostUsd: 0,
    estimatedLatencyMs: 3,
    actualCostUsd: null,
    inputTokens: null,
    outputTokens: null,
    latencyMs: 4.2,
  };
  assert.equal(routeLabel("reasoning"), "Thought it through");
  assert.equal(routeLabel("fast"), "Quick match");
  assert.deepEqual(
    routeDetails(route).map((row) => row.label),
    ["Path", "Reasoner", "Time", "Router score", "Estimated cost"],
  );
});

test("the relaxation note says what gave way in plain words, from the relaxation data", () => {
  const constraints = parseConstraints({ includeGenres: ["Horror", "Comedy"], years: { from: 1950, to: 1950 }, runtime: { maxMinutes: 80 }, languages: { include: ["fr"] } });
  const step = (constraint: Relaxation["constraint"], how: Relaxation["how"], range: Relaxation["range"] = null): Relaxation => ({
    constraint,
    how,
    asked: "",
    applied: null,
    range,
    text: "server text",
  });
  assert.deepEqual(
    [
      step("years", "widened", { from: 1940, to: 1960 }),
      step("runtime", "widened", { from: null, to: 110 }),
      step("genres", "any-of"),
      step("genres", "dropped"),
      step("language", "dropped"),
      step("unrecorded-data", "allowed-unknown"),
    ].map((relaxation) => relaxationWords(relaxation, constraints)),
    [
      "widened the release years to 1940–1960 (you asked for 1950)",
      "stretched the running time to under 110 minutes (you asked under 80 minutes)",
      "accepted films with any one of the genres (horror or comedy)",
      "set the genre aside (horror, comedy)",
      "set the language aside (French)",
      "let in films whose year, runtime, language, genres or credits are not recorded",
    ],
  );
  assert.equal(relaxationWords(step("years", "widened", { from: 1940, to: 1960 }), null), "server text", "without the constraints the server's sentence stands");
});
