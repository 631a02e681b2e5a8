import assert from "node:assert/strict";
import { test } from "node:test";
import { composeDjScript, describeFilm, genrePhrase, indefiniteArticle, spokenReason, type NarratedItem } from "../../../lib/narration";

const film = (title: string, overrides: Partial<NarratedItem> = {}): NarratedItem => ({ title, year: 2003, genres: ["Comedy"], runtimeMinutes: 88, directors: [], explanation: null, ...overrides });

test("a or an by sound, numbers included", () => {
  const cases: Array<[string, "a" | "an"]> = [
    ["88-minute", "an"],
    ["8-minute", "an"],
    ["80-minute", "an"],
    ["11-minute", "an"],
    ["18-minute", "an"],
    ["101-minute", "a"],
    ["189-minute", "a"],
    ["1895 short", "an"],
    ["1995 drama", "a"],
    ["11,000", "an"],
    ["1,800", "a"],
    ["action", "an"],
    ["one-off", "a"],
    ["unique", "a"],
    ["hour", "an"],
    ["European", "a"],
  ];
  for (const [phrase, article] of cases) assert.equal(indefiniteArticle(phrase), article, phrase);
});

test("genres as a DJ says them", () => {
  assert.equal(genrePhrase(["Comedy", "Drama", "Romance"]), "romantic comedy-drama");
  assert.equal(genrePhrase(["Comedy", "Crime"]), "crime comedy");
  assert.equal(genrePhrase(["Animation", "Children", "Comedy"]), "animated children's comedy");
  assert.equal(genrePhrase(["Action", "Romance", "Thriller"]), "romantic action thriller");
  assert.equal(genrePhrase(["Horror", "Sci-Fi"]), "sci-fi horror film");
  assert.equal(genrePhrase(["IMAX"]), null);
  assert.equal(describeFilm(film("X", { genres: ["Drama"], runtimeMinutes: 88 })), "an 88-minute drama");
  assert.equal(describeFilm(film("X", { genres: [], runtimeMinutes: null })), "a film");
});

test("the explanation as the DJ says it: own title not repeated, years after titles dropped, symbols in words", () => {
  const item = (text: string, title = "Heat") => film(title, { year: 1995, explanation: { text } });
  assert.deepEqual(spokenReason(item("The film you asked for: Heat (1995). A crowd favourite here, averaging 3.9/5.")), {
    lead: "the film you asked for",
    sentences: ["A crowd favourite here, averaging 3.9 out of 5."],
  });
  assert.deepEqual(spokenReason(item("One of the The Godfather films you asked for: The Godfather: Part II (1974).", "The Godfather: Part II")), {
    lead: "one of the Godfather films you asked for",
    sentences: [],
  });
  assert.deepEqual(spokenReason(item("Picked for your taste this session: a 2003 Comedy/Drama/Romance film directed by Nick Murphy , starring Ann Example.", "Eighty Eight"))!.sentences, [
    "Picked for your taste this session: a 2003 romantic comedy-drama directed by Nick Murphy, starring Ann Example.",
  ]);
  assert.deepEqual(spokenReason(item("A crowd favourite: 329 MovieLens ratings (the #1 most rated film here), averaging 3.9/5."))!.sentences, [
    "A crowd favourite: 329 MovieLens ratings, the number 1 most rated film here, averaging 3.9 out of 5.",
  ]);
  assert.deepEqual(spokenReason(item("Fits what you asked for: animation/family and 81 minutes."))!.sentences, ["Fits what you asked for: animated family film and 81 minutes."]);
  assert.equal(spokenReason(film("X")), null);
});

test("the same reason for three picks is said once, then 'for the same reason'; numbers that differ get one 'Also'", () => {
  const reason = "People who loved Heat (1995), which you liked, loved this too. A crowd favourite here, averaging 4.0/5.";
  const items = [
    film("Fargo", { explanation: { text: reason } }),
    film("Se7en", { explanation: { text: reason.replace("4.0", "4.1") } }),
    film("Ronin", { explanation: { text: "Fits what you asked for: crime and released in 1998. A crowd favourite here, averaging 3.8/5." } }),
  ];
  const script = composeDjScript({ query: "more like heat", items, routePath: "fast", seed: "s", previousOpeningId: null }).text;
  assert.equal(script.match(/People who loved Heat/g)?.length, 1, script);
  assert.match(script, /Se7en[^.]*, for the same reason\./, script);
  assert.equal(script.match(/crowd favourite/g)?.length, 1, script);
});

test("before and after: the lines issue 19 quoted", () => {
  const items = [
    film("Eighty Eight", {
      genres: ["Comedy", "Drama", "Romance"],
      directors: ["Nick Murphy "],
      explanation: { text: "Picked for you: a 2003 Comedy/Drama/Romance film directed by Nick Murphy , starring Ann Example." },
    }),
    film("Crazy, Stupid, Love.", { year: 2011 }),
    film("Heat", { year: 1995, explanation: { text: "The film you asked for: Heat (1995). A crowd favourite here, averaging 3.9/5." } }),
  ];
  for (let seed = 0; seed < 12; seed += 1) {
    const script = composeDjScript({ query: "comedy", items, routePath: "fast", seed: `seed ${seed}`, previousOpeningId: null }).text;
    assert.doesNotMatch(script, /picked because|a 88|Murphy ,|Love\.\.|\/|#|\(\d{4}\)|Heat[^.]*\. The film you asked for: Heat/, script);
  }
});
