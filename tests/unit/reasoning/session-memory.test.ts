import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConstraints } from "../../../lib/reasoning/constraints";
import { reasonOffline } from "../../../lib/reasoning/offline-reasoner";
import {
  applyFollowUp,
  carryFeedback,
  emptySession,
  mergeConstraints,
  recordFeedback,
  recordReaction,
  recordTurn,
  restoreSession,
  type PreviousAnswerItem,
  type SessionState,
} from "../../../lib/reasoning/session-memory";
import { tinyCatalog, tinyLexicon } from "./tiny-catalog";

const items = tinyCatalog();
const lexicon = tinyLexicon(items);
const answer: PreviousAnswerItem[] = [
  { id: "ml:3", title: "Clueless", year: 1995, runtimeMinutes: 97 },
  { id: "ml:4", title: "Dumb and Dumber", year: 1994, runtimeMinutes: 107 },
  { id: "ml:8", title: "Before Sunrise", year: 1995, runtimeMinutes: 101 },
];

/** A session that answered "90s comedies" with the three films above. */
function afterNinetiesComedies(): SessionState {
  const first = reasonOffline("90s comedies", { lexicon, currentYear: 2026 });
  return recordTurn(emptySession(), { request: "90s comedies", constraints: first.constraints, itemIds: answer.map((item) => item.id) });
}

const followUp = (query: string, session = afterNinetiesComedies()) => reasonOffline(query, { lexicon, session, currentYear: 2026 });

test("the session is plain JSON and restores tolerantly", () => {
  const session = afterNinetiesComedies();
  assert.deepEqual(restoreSession(JSON.parse(JSON.stringify(session))), session);
  assert.deepEqual(restoreSession({ turns: "many", lastItemIds: [1, "ml:2"], constraints: { years: "x" } }).lastItemIds, ["ml:2"]);
  assert.deepEqual(restoreSession(null), emptySession());
});

test('"older" moves the year range before what was asked', () => {
  const result = followUp("older");
  assert.equal(result.followUp, true);
  assert.deepEqual(result.constraints.years, { from: null, to: 1989, strength: "hard" });
  assert.deepEqual(result.constraints.includeGenres, [{ genre: "Comedy", strength: "hard" }], "the genre carries over");
});

test('"older" without a previous range goes before the previous answer’s median year', () => {
  const session = recordTurn(emptySession(), { request: "comedies", constraints: parseConstraints({ includeGenres: ["Comedy"] }), itemIds: answer.map((item) => item.id) });
  assert.deepEqual(followUp("older ones", session).constraints.years, { from: null, to: 1994, strength: "hard" });
  assert.deepEqual(followUp("more recent", session).constraints.years, { from: 1996, to: null, strength: "hard" });
});

test('"something shorter" caps the runtime under the previous answer’s median', () => {
  assert.deepEqual(followUp("something shorter").constraints.runtime, { minMinutes: null, maxMinutes: 91, strength: "hard" });
  assert.deepEqual(followUp("longer").constraints.runtime, { minMinutes: 111, maxMinutes: null, strength: "hard" });
});

test('"no horror" adds an exclusion and keeps the rest', () => {
  const result = followUp("no horror");
  assert.deepEqual(result.constraints.excludeGenres, [{ genre: "Horror", strength: "hard" }]);
  assert.deepEqual(result.constraints.years, { from: 1990, to: 1999, strength: "hard" });
});

test('"more like the second one" makes it the reference and hides the previous answer', () => {
  const result = followUp("more like the second one");
  assert.deepEqual(result.constraints.references, [{ title: "Dumb and Dumber", itemId: "ml:4", modifier: null }]);
  assert.deepEqual(result.constraints.excludeItemIds, ["ml:3", "ml:4", "ml:8"]);
  assert.ok(result.notes.includes("more like Dumb and Dumber"));
});

test('"not that one" hides the first item; "not the last one" the last; "none of these" all', () => {
  assert.deepEqual(followUp("not that one").constraints.excludeItemIds, ["ml:3"]);
  assert.deepEqual(followUp("not the last one").constraints.excludeItemIds, ["ml:8"]);
  assert.deepEqual(followUp("none of these").constraints.excludeItemIds, ["ml:3", "ml:4", "ml:8"]);
});

test("a new request starts fresh instead of merging", () => {
  const result = followUp("french films from the 1960s");
  assert.equal(result.followUp, false);
  assert.deepEqual(result.constraints.includeGenres, []);
  assert.deepEqual(result.constraints.years, { from: 1960, to: 1969, strength: "hard" });
});

test("mergeConstraints: lists add up, ranges replace, a wanted genre stops being excluded", () => {
  const previous = parseConstraints({ includeGenres: ["Comedy"], excludeGenres: ["Horror"], years: { from: 1990, to: 1999 }, keywords: ["school"] });
  const next = parseConstraints({ includeGenres: ["Horror"], years: { from: 1980, to: 1989 }, keywords: ["camp"] });
  const merged = mergeConstraints(previous, next);
  assert.deepEqual(
    merged.includeGenres.map((entry) => entry.genre),
    ["Comedy", "Horror"],
  );
  assert.deepEqual(merged.excludeGenres, []);
  assert.deepEqual(merged.years, { from: 1980, to: 1989, strength: "hard" });
  assert.deepEqual(merged.keywords, ["school", "camp"]);
});

test("applyFollowUp without an answer still applies what it can and says so", () => {
  const { constraints, notes } = applyFollowUp(
    parseConstraints({}),
    [
      { kind: "change", change: "funnier" },
      { kind: "change", change: "less-scary" },
    ],
    [],
  );
  assert.deepEqual(constraints.includeGenres, [{ genre: "Comedy", strength: "soft" }]);
  assert.deepEqual(constraints.excludeGenres, [], "'less scary' is a soft move along an axis, never a Horror filter");
  assert.deepEqual(constraints.directions, [{ direction: "intensity", towards: "less", amount: 1 }]);
  assert.deepEqual(notes, ["funnier: comedy preferred", "less intense"]);
});

test("recordTurn and recordFeedback keep bounded, ordered, duplicate-free lists", () => {
  let session = afterNinetiesComedies();
  session = recordTurn(session, { request: "older", constraints: null, itemIds: ["ml:1", "ml:3"] });
  assert.deepEqual(session.lastItemIds, ["ml:1", "ml:3"]);
  assert.deepEqual(session.shownItemIds, ["ml:4", "ml:8", "ml:1", "ml:3"]);
  assert.equal(session.turns, 2);
  assert.notEqual(session.constraints, null, "a turn without constraints keeps the previous ones");
  session = recordFeedback(recordFeedback(session, "ml:1", "liked"), "ml:1", "disliked");
  assert.deepEqual(session.liked, []);
  assert.deepEqual(session.disliked, ["ml:1"]);
});

test("recordReaction: the session holds where each reaction stands, so a like switched to a skip or undone leaves no like", () => {
  const none = { choice: null, seen: false, clicked: false } as const;
  let session = recordReaction(afterNinetiesComedies(), "ml:3", { ...none, choice: "like" });
  assert.deepEqual([session.liked, session.disliked, session.seen], [["ml:3"], [], []]);
  session = recordReaction(session, "ml:3", { ...none, choice: "skip" });
  assert.deepEqual([session.liked, session.disliked], [[], ["ml:3"]]);
  session = recordReaction(session, "ml:3", none);
  assert.deepEqual([session.liked, session.disliked], [[], []], "undone: neither");
  session = recordReaction(session, "ml:4", { ...none, seen: true });
  session = recordReaction(session, "ml:8", { choice: "like", seen: true, clicked: true });
  assert.deepEqual([session.liked, session.seen, session.interested], [["ml:8"], ["ml:8", "ml:4"], ["ml:8"]]);
  session = recordReaction(session, "ml:8", { ...none, clicked: false });
  assert.deepEqual([session.liked, session.seen, session.interested], [[], ["ml:4"], ["ml:8"]], "interest is never taken back");
  assert.deepEqual(restoreSession(JSON.parse(JSON.stringify(session))).seen, ["ml:4"], "seen survives storage");
  assert.deepEqual(restoreSession({}).seen, [], "older sessions have none");
});

test("carryFeedback: an earlier session's turn state with today's taste", () => {
  const before = afterNinetiesComedies();
  let now = recordTurn(before, { request: "older", constraints: null, itemIds: ["ml:1"] });
  now = recordReaction(recordReaction(now, "ml:1", { choice: "like", seen: false, clicked: false }), "ml:4", { choice: null, seen: true, clicked: false });
  const carried = carryFeedback(before, now);
  assert.equal(carried.turns, before.turns);
  assert.deepEqual(carried.requests, before.requests);
  assert.deepEqual(carried.lastItemIds, before.lastItemIds);
  assert.deepEqual([carried.liked, carried.seen, carried.shownItemIds], [["ml:1"], ["ml:4"], now.shownItemIds]);
});
