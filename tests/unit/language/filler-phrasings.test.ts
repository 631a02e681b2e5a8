import assert from "node:assert/strict";
import { test } from "node:test";
import type { Constraints } from "../../../lib/reasoning/constraints";
import { failures, genresOf, report } from "./generated-cases";

/**
 * Filler, generated: politeness, hesitation and small talk around a genre constrain nothing but
 * the genre. Every opener × every genre, every closer × every genre, and every opener × closer
 * (genres rotated). Filler words must never become genres, negations, runtimes, years or counts.
 */
const OPENERS = [
  "",
  "hey",
  "hi there!",
  "hello, ",
  "yo",
  "ok so",
  "so um,",
  "uh",
  "hmm...",
  "well,",
  "honestly",
  "basically",
  "idk, maybe",
  "i dunno,",
  "not sure, maybe",
  "no idea what to watch, maybe",
  "hey could you maybe find me",
  "can you recommend",
  "would you kindly suggest",
  "I'm in the mood for",
  "im in the mood for",
  "I'm looking for",
  "what's a good",
  "what are some good",
  "any recommendations for",
  "any recs for",
  "got any",
  "please find me",
  "help me find",
  "I'd love",
  "I want to watch",
  "I feel like watching",
  "I could really go for",
  "I wouldn't mind",
  "give me",
  "show me",
  "gimme",
  "lemme see",
  "surprise me with",
  "kinda want",
  "really need",
  "my friends and I want",
  "movie night! we want",
  "after a long day I need",
  "it's raining, so",
  "it's friday night and I want",
  "just got home, want",
  "we're bored, suggest",
  "quick question, got any",
  "no pressure, but",
  "not picky, just",
  "nothing fancy, just",
  "looking for something, maybe",
  "can u suggest",
  "pls find",
  "could you please recommend",
];
const CLOSERS = [
  "",
  "please",
  "pls",
  "thanks!",
  "thank you",
  "thx",
  "cheers",
  "ty",
  "tonight",
  "for tonight",
  "for the weekend",
  "to watch",
  "to watch tonight",
  "asap",
  "lol",
  "haha",
  ":)",
  "?",
  "!",
  "please and thank you",
  "for me and my friends",
  "to chill with",
  "that's worth watching",
  "you'd recommend",
  "you know of",
  "any ideas?",
  "thoughts?",
  "I guess",
  "maybe",
  "or whatever",
  "thanks in advance",
  "if you have one",
  "for a lazy sunday",
  "to cheer me up a little",
];
const GENRES: Array<[string, string]> = [
  ["thrillers", "Thriller"],
  ["a thriller", "Thriller"],
  ["comedies", "Comedy"],
  ["a comedy", "Comedy"],
  ["horror movies", "Horror"],
  ["a horror movie", "Horror"],
  ["some sci-fi", "Sci-Fi"],
  ["a western", "Western"],
  ["documentaries", "Documentary"],
  ["a romantic comedy", "Comedy+Romance"],
  ["crime dramas", "Crime+Drama"],
  ["an animated movie", "Animation"],
  ["a mystery", "Mystery"],
  ["war films", "War"],
  ["a musical", "Musical"],
  ["fantasy films", "Fantasy"],
  ["a family movie", "Family"],
  ["an action flick", "Action"],
  ["an adventure film", "Adventure"],
  ["a drama", "Drama"],
  ["a film noir", "Film-Noir"],
  ["whodunits", "Mystery"],
  ["scary films", "Horror"],
  ["funny movies", "Comedy"],
  ["cartoons", "Animation"],
  ["love stories", "Romance"],
  ["kids movies", "Family"],
  ["good thrillers", "Thriller"],
];

type Case = { query: string; genre: string };
const sentence = (opener: string, genre: string, closer: string) =>
  [opener, genre, closer]
    .filter(Boolean)
    .join(" ")
    .replace(/ ([?!])/g, "$1");

function check(constraints: Constraints, { genre }: Case): string | null {
  if (genresOf(constraints.includeGenres) !== genre || constraints.includeGenres.some((entry) => entry.strength !== "hard")) return `genres ${JSON.stringify(constraints.includeGenres)}`;
  if (constraints.excludeGenres.length > 0) return `excluded ${genresOf(constraints.excludeGenres)}`;
  if (constraints.runtime || constraints.years || constraints.count !== null || constraints.languages)
    return `runtime ${JSON.stringify(constraints.runtime)} years ${JSON.stringify(constraints.years)} count ${constraints.count} languages ${JSON.stringify(constraints.languages)}`;
  if (constraints.people.length > 0 || constraints.references.length > 0 || constraints.excludeTitles.length > 0)
    return `people ${constraints.people.map((person) => person.name)} references ${constraints.references.map((reference) => reference.title)} excluded ${constraints.excludeTitles}`;
  if (constraints.sort !== "relevance") return `sort ${constraints.sort}`;
  return null;
}

test("filler around a genre: every opener and every closer with every genre", () => {
  const cases: Case[] = [
    ...OPENERS.flatMap((opener) => GENRES.map(([words, genre]) => ({ query: sentence(opener, words, ""), genre }))),
    ...CLOSERS.flatMap((closer) => GENRES.map(([words, genre]) => ({ query: sentence("", words, closer), genre }))),
    ...OPENERS.flatMap((opener, row) =>
      CLOSERS.map((closer, column) => ({ query: sentence(opener, GENRES[(row + column) % GENRES.length][0], closer), genre: GENRES[(row + column) % GENRES.length][1] })),
    ),
  ];
  const failed = failures(cases, check);
  assert.equal(failed.length, 0, report(failed, cases.length));
});

// "show me scary movies" minus its wrapper is "scary movies", a near-exact typo of the film Scary
// Movie, and "a scary movie" is its exact title: the whole-title reader (analysis/whole-title.ts)
// asks isGenreWord only of exact matches after a wrapper.
test("'scary movies' after every opener is Horror, not the film Scary Movie", () => {
  const cases = OPENERS.flatMap((opener) => ["scary movies", "a scary movie"].map((words) => ({ query: sentence(opener, words, ""), genre: "Horror" })));
  const failed = failures(cases, check);
  assert.equal(failed.length, 0, report(failed, cases.length));
});

// soft-wishes.ts reads "if you can", "if you have any" and "hopefully" as preference cues, so a
// polite "find me a thriller if you can" makes the genre soft; docs/EVALUATION.md's soft words are
// "ideally", "preferably", "if possible", "bonus points if", "would be nice", "I'd prefer".
test("politeness about the assistant keeps the genre hard", () => {
  const cases = GENRES.flatMap(([words, genre]) =>
    ["could you find me {g} if you can", "any {g}, if you have any?", "hopefully {g} tonight"].map((frame) => ({ query: frame.replace("{g}", words), genre })),
  );
  const failed = failures(cases, check);
  assert.equal(failed.length, 0, report(failed, cases.length));
});
