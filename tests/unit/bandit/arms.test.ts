import assert from "node:assert/strict";
import { test } from "node:test";
import { EXPLANATION_ARMS, EXPLANATION_KINDS, emptyContext, matchArms, type BanditContext, type ExplanationKind } from "../../../lib/bandit";
import { tinyCatalog } from "./fixtures";

const { catalog } = tinyCatalog();
const HEAT = 0;
const COLLATERAL = 1;
const TOY_STORY = 2;
const OBSCURE_NOIR = 3;
const QUIET_DRAMA = 4;
const BARE = 5;
const COLD_START = 6;

function explain(itemIndex: number, context: Partial<BanditContext> = {}, becauseOfItemIndex: number | null = null): Map<ExplanationKind, string> {
  const matches = matchArms(itemIndex, { catalog, context: emptyContext(context), becauseOfItemIndex });
  return new Map(matches.map((match) => [match.kind, match.render()]));
}

test("the arm set covers every kind once, in tie-break order", () => {
  assert.deepEqual(
    EXPLANATION_ARMS.map((arm) => arm.kind),
    [...EXPLANATION_KINDS],
  );
});

test("because-you-liked and same-director-as name the liked film and the real shared director", () => {
  const texts = explain(COLLATERAL, { likedItemIndexes: [HEAT] });
  assert.equal(texts.get("because-you-liked"), "Because you liked Heat (1995): this one is also directed by Michael Mann.");
  assert.equal(texts.get("same-director-as"), "From Michael Mann, who also directed Heat (1995), which you liked.");
});

test("because-you-liked needs a liked item and real similarity; never explains the liked film by itself", () => {
  assert.equal(explain(COLLATERAL).has("because-you-liked"), false, "no liked items");
  assert.equal(explain(TOY_STORY, { likedItemIndexes: [HEAT] }).has("because-you-liked"), false, "nothing in common with Heat");
  assert.equal(explain(HEAT, { likedItemIndexes: [HEAT] }).has("because-you-liked"), false, "the liked film itself");
  assert.equal(explain(TOY_STORY, { likedItemIndexes: [HEAT] }).has("same-director-as"), false);
});

test("a CF neighbour of a liked film qualifies for because-you-liked without shared metadata", () => {
  const texts = explain(BARE, { likedItemIndexes: [HEAT] }, HEAT);
  assert.equal(texts.get("because-you-liked"), "Because you liked Heat (1995): people who loved it loved this too.");
});

test("matches-your-vibe quotes the mood and the item's real matching tags, or the genre asked for", () => {
  const texts = explain(OBSCURE_NOIR, { constraints: { runtimeMaxMinutes: null, genres: [], moodText: "something dark, rainy and noir" } });
  assert.equal(texts.get("matches-your-vibe"), "Matches the “something dark, rainy and noir” mood you described: rainy city and film-noir.", "genres are matched first, then tags");
  assert.equal(explain(QUIET_DRAMA, { constraints: { runtimeMaxMinutes: null, genres: [], moodText: "dark rainy noir" } }).has("matches-your-vibe"), false);
  const asked = explain(QUIET_DRAMA, { constraints: { runtimeMaxMinutes: null, genres: ["Drama"], moodText: null } });
  assert.equal(asked.get("matches-your-vibe"), "A drama film from 2011, the genre you asked for.");
});

test("hidden-gem: few MovieLens ratings with a high mean, or a well-rated TMDB-only film", () => {
  assert.equal(explain(OBSCURE_NOIR).get("hidden-gem"), "A hidden gem: only 12 MovieLens ratings, but they average 4.2/5.");
  assert.equal(explain(COLD_START).get("hidden-gem"), "A hidden gem: 7.4/10 from 230 TMDB voters, yet almost nobody here has rated it.");
  assert.equal(explain(TOY_STORY).has("hidden-gem"), false, "329 ratings is not hidden");
  assert.equal(explain(BARE).has("hidden-gem"), false);
});

test("crowd-favourite is the most rated film with a good mean; top-rated-in-genre ranks within a genre", () => {
  assert.equal(explain(TOY_STORY).get("crowd-favourite"), "A crowd favourite: 329 MovieLens ratings (the #1 most rated film here), averaging 3.9/5.");
  assert.equal(explain(OBSCURE_NOIR).has("crowd-favourite"), false);
  assert.equal(explain(QUIET_DRAMA).get("top-rated-in-genre"), "Among the best-rated Drama films here: #1 of 1, averaging 4.4/5 from 150 ratings.");
  assert.equal(explain(OBSCURE_NOIR).has("top-rated-in-genre"), false, "12 ratings are too few to rank");
  const crime = explain(HEAT, { constraints: { runtimeMaxMinutes: null, genres: ["Crime"], moodText: null } });
  assert.equal(crime.get("top-rated-in-genre"), "Among the best-rated Crime films here: #1 of 2, averaging 3.9/5 from 102 ratings.", "prefers the genre asked for");
});

test("fits-your-time-limit needs a known runtime within the limit", () => {
  const limit = { runtimeMaxMinutes: 100, genres: [], moodText: null };
  assert.equal(explain(QUIET_DRAMA, { constraints: limit }).get("fits-your-time-limit"), "At 94 minutes, it fits your 100-minute limit with 6 to spare.");
  assert.equal(explain(HEAT, { constraints: limit }).has("fits-your-time-limit"), false, "170 minutes");
  assert.equal(explain(BARE, { constraints: limit }).has("fits-your-time-limit"), false, "unknown runtime");
  assert.equal(explain(QUIET_DRAMA).has("fits-your-time-limit"), false, "no limit asked");
});

test("new-to-you needs liked films and no shared genre with them", () => {
  assert.equal(explain(TOY_STORY, { likedItemIndexes: [HEAT] }).get("new-to-you"), "Something new for you: an Animation/Family/Comedy film, a change from the Action and Crime you have liked.");
  assert.equal(explain(COLLATERAL, { likedItemIndexes: [HEAT] }).has("new-to-you"), false);
  assert.equal(explain(TOY_STORY).has("new-to-you"), false);
});

test("picked-for-you always applies and degrades gracefully without metadata", () => {
  assert.equal(explain(HEAT).get("picked-for-you"), "Picked for you: a 1995 Action/Crime/Thriller film directed by Michael Mann, starring Al Pacino and Robert De Niro.");
  assert.equal(explain(BARE).get("picked-for-you"), "Picked for you: a film.");
  for (let itemIndex = 0; itemIndex < catalog.items.length; itemIndex++) assert.ok(explain(itemIndex).has("picked-for-you"));
});

test("strengths are in [0, 1]", () => {
  const context = emptyContext({ likedItemIndexes: [HEAT], constraints: { runtimeMaxMinutes: 130, genres: ["Drama"], moodText: "rainy noir" } });
  for (let itemIndex = 0; itemIndex < catalog.items.length; itemIndex++) {
    for (const match of matchArms(itemIndex, { catalog, context, becauseOfItemIndex: null })) assert.ok(match.strength >= 0 && match.strength <= 1, `${match.kind} strength ${match.strength}`);
  }
});
