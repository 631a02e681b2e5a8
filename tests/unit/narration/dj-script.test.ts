import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseOpening, composeDjScript, OPENINGS, quoteRequest, SIGN_OFFS, type NarratedItem, type NarrationRequest } from "../../../lib/narration";

const film = (title: string, overrides: Partial<NarratedItem> = {}): NarratedItem => ({
  title,
  year: 1990,
  genres: ["Comedy"],
  runtimeMinutes: 88,
  directors: ["Some Director"],
  explanation: null,
  ...overrides,
});

const items = [
  film("Groundhog Day", { year: 1993, runtimeMinutes: 101, explanation: { text: "Because you liked Ghostbusters." } }),
  film("Airplane!", { year: 1980 }),
  film("Clue", { year: 1985, genres: ["Comedy", "Mystery"] }),
  film("Spaceballs"),
  film("Office Space"),
];

const request = (overrides: Partial<NarrationRequest> = {}): NarrationRequest => ({
  query: "something funny but not stupid",
  items,
  routePath: "fast",
  seed: "session-1\u0000something funny but not stupid",
  previousOpeningId: null,
  ...overrides,
});

test("the same request gets the same script", () => {
  assert.deepEqual(composeDjScript(request()), composeDjScript(request()));
});

test("introduces the first three picks in order, with the bandit's explanation, and sums up the rest", () => {
  const script = composeDjScript(request());
  const positions = ["Groundhog Day", "Airplane!", "Clue"].map((title) => script.text.indexOf(title));
  assert.ok(
    positions.every((position) => position >= 0),
    script.text,
  );
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
  );
  assert.match(script.text, /because you liked Ghostbusters/i);
  assert.ok(!script.text.includes("Spaceballs"));
  assert.match(script.text, / Two more wait for you on the cards\./);
  assert.ok(SIGN_OFFS.some((line) => script.text.endsWith(line)));
  assert.equal(script.source, "template");
  assert.ok(OPENINGS.some((opening) => opening.id === script.openingId));
  // Spoken text: no parentheses or markup for a voice to stumble over.
  assert.doesNotMatch(script.text, /[()<>*#]/);
});

test("scripts vary with the request: openings, sign-offs and pick lines", () => {
  const queries = Array.from({ length: 60 }, (_, index) => `query number ${index}`);
  const scripts = queries.map((query) => composeDjScript(request({ query, seed: query })));
  assert.ok(new Set(scripts.map((script) => script.openingId)).size >= 7, "openings");
  assert.ok(new Set(scripts.map((script) => SIGN_OFFS.find((line) => script.text.endsWith(line)))).size >= 4, "sign-offs");
  assert.equal(new Set(scripts.map((script) => script.text)).size, scripts.length);
});

test("never the same opening twice in a row within a session, even for the same request", () => {
  let previous: string | null = null;
  for (let turn = 0; turn < 200; turn += 1) {
    // Repeats the same few queries so that the seeded choice alone would often repeat.
    const query = `vibe ${turn % 3}`;
    const script = composeDjScript(request({ query, seed: `session\u0000${query}`, previousOpeningId: previous }));
    assert.notEqual(script.openingId, previous, `turn ${turn}`);
    previous = script.openingId;
  }
});

test("the opening the seed picks is kept unless it is the previous one", () => {
  const seeded = chooseOpening("some seed", null);
  assert.equal(chooseOpening("some seed", "another-id").id, seeded.id);
  const next = chooseOpening("some seed", seeded.id);
  assert.notEqual(next.id, seeded.id);
  const index = OPENINGS.findIndex((opening) => opening.id === seeded.id);
  assert.equal(next.id, OPENINGS[(index + 1) % OPENINGS.length].id);
});

test("one pick, and no picks", () => {
  const one = composeDjScript(request({ items: [film("Clue")] }));
  assert.match(one.text, /Clue/);
  assert.doesNotMatch(one.text, /more wait/);
  const none = composeDjScript(request({ items: [] }));
  assert.equal(none.openingId, "empty");
  assert.match(none.text, /came back empty/);
});

test("the request is quoted on one line, without hidden characters, cut at a word", () => {
  assert.equal(quoteRequest("  blade\nrunner\u200b "), "“blade runner”");
  const long = quoteRequest("a ".repeat(30) + "very long request about films that goes on and on and on");
  assert.ok(long.length <= 83, long);
  assert.match(long, /…”$/);
  assert.doesNotMatch(long, / …/);
});
