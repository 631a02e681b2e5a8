import assert from "node:assert/strict";
import { test } from "node:test";
import { combineRuntimeMentions, findRuntimeMentions } from "../../../lib/language/runtime-expressions";
import { combineYearMentions, findYearMentions } from "../../../lib/language/year-expressions";
import { findGenreMentions } from "../../../lib/language/genre-words";
import { findLanguageMentions } from "../../../lib/language/language-words";
import { findNegationCues, negatedTargets } from "../../../lib/language/negation";
import { findCountMentions, findDiscoveryMentions, findSortMentions } from "../../../lib/language/sort-words";
import { findVibeMentions } from "../../../lib/language/vibe-words";
import { findFollowUpSignals } from "../../../lib/language/follow-up-words";
import { parseNumber, queryText } from "../../../lib/language/query-text";

const years = (query: string) => combineYearMentions(findYearMentions(queryText(query), { referenceYear: 2018 }));
const runtime = (query: string) => combineRuntimeMentions(findRuntimeMentions(queryText(query)));

test("decades in every spelling", () => {
  for (const query of ["90s movies", "the 1990s", "nineties comedies", "'90s action", "90's thrillers", "from the 90s", "films of the nineteen nineties"]) {
    assert.deepEqual(years(query), { from: 1990, to: 1999, strength: "hard" }, query);
  }
  assert.deepEqual(years("the 2000s"), { from: 2000, to: 2009, strength: "hard" });
  assert.deepEqual(years("early 80s"), { from: 1980, to: 1983, strength: "hard" });
  assert.deepEqual(years("late 90s"), { from: 1996, to: 1999, strength: "hard" });
  assert.deepEqual(years("the 80s and 90s"), { from: 1980, to: 1999, strength: "hard" });
});

test("years, ranges and open bounds", () => {
  assert.deepEqual(years("from 1995"), { from: 1995, to: 1995, strength: "hard" });
  assert.deepEqual(years("a film from 1995 onwards"), { from: 1995, to: null, strength: "hard" });
  assert.deepEqual(years("before 1970"), { from: null, to: 1969, strength: "hard" });
  assert.deepEqual(years("after 2000"), { from: 2001, to: null, strength: "hard" });
  assert.deepEqual(years("since 2000"), { from: 2000, to: null, strength: "hard" });
  assert.deepEqual(years("pre-1960 westerns"), { from: null, to: 1959, strength: "hard" });
  assert.deepEqual(years("before the 80s"), { from: null, to: 1979, strength: "hard" });
  assert.deepEqual(years("after the 90s"), { from: 2000, to: null, strength: "hard" });
  assert.deepEqual(years("between 1990 and 1995"), { from: 1990, to: 1995, strength: "hard" });
  assert.deepEqual(years("1990-1995"), { from: 1990, to: 1995, strength: "hard" });
  assert.deepEqual(years("90s movies after 1995"), { from: 1996, to: 1999, strength: "hard" });
  assert.deepEqual(years("from the last 10 years"), { from: 2009, to: null, strength: "hard" });
  assert.deepEqual(years("recent horror"), { from: 2013, to: null, strength: "hard" });
  assert.deepEqual(years("a classic western"), { from: null, to: 1989, strength: "soft" });
  assert.equal(years("under 90 minutes"), null);
  assert.equal(years("a feel-good movie"), null);
});

test("runtimes: limits, approximations, words and units", () => {
  assert.deepEqual(runtime("under 90 minutes"), { minMinutes: null, maxMinutes: 90, strength: "hard" });
  assert.deepEqual(runtime("less than 90 min"), { minMinutes: null, maxMinutes: 90, strength: "hard" });
  assert.deepEqual(runtime("longer than two hours"), { minMinutes: 120, maxMinutes: null, strength: "hard" });
  assert.deepEqual(runtime("at least 2.5 hours"), { minMinutes: 150, maxMinutes: null, strength: "hard" });
  assert.deepEqual(runtime("about an hour and a half"), { minMinutes: 75, maxMinutes: 105, strength: "hard" });
  assert.deepEqual(runtime("around 100 minutes"), { minMinutes: 85, maxMinutes: 115, strength: "hard" });
  assert.deepEqual(runtime("a 90 minute comedy"), { minMinutes: 75, maxMinutes: 105, strength: "hard" });
  assert.deepEqual(runtime("90 minutes or less"), { minMinutes: null, maxMinutes: 90, strength: "hard" });
  assert.deepEqual(runtime("2 hours or more"), { minMinutes: 120, maxMinutes: null, strength: "hard" });
  assert.deepEqual(runtime("under 1h30"), { minMinutes: null, maxMinutes: 90, strength: "hard" });
  assert.deepEqual(runtime("under 2 hrs"), { minMinutes: null, maxMinutes: 120, strength: "hard" });
  assert.deepEqual(runtime("between 90 and 120 minutes"), { minMinutes: 90, maxMinutes: 120, strength: "hard" });
  assert.deepEqual(runtime("something short"), { minMinutes: null, maxMinutes: 100, strength: "hard" });
  assert.deepEqual(runtime("a long movie"), { minMinutes: 140, maxMinutes: null, strength: "hard" });
  assert.deepEqual(runtime("not too long"), { minMinutes: null, maxMinutes: 120, strength: "soft" });
  assert.equal(runtime("top 5 comedies"), null);
  assert.equal(runtime("longer"), null, "a bare comparative is a follow-up, not a runtime");
});

test("number words", () => {
  assert.equal(parseNumber("two"), 2);
  assert.equal(parseNumber("ninety five"), 95);
  assert.equal(parseNumber("1p5"), 1.5);
  assert.ok(Number.isNaN(parseNumber("many")));
});

test("genre synonyms map to catalog genres", () => {
  const genres = (query: string) => findGenreMentions(queryText(query)).flatMap((mention) => mention.genres);
  assert.deepEqual(genres("sci-fi"), ["Sci-Fi"]);
  assert.deepEqual(genres("science fiction"), ["Sci-Fi"]);
  assert.deepEqual(genres("scifi"), ["Sci-Fi"]);
  assert.deepEqual(genres("a rom-com"), ["Romance", "Comedy"]);
  assert.deepEqual(genres("romantic comedy"), ["Romance", "Comedy"]);
  assert.deepEqual(genres("something scary"), ["Horror"]);
  assert.deepEqual(genres("something funny"), ["Comedy"]);
  assert.deepEqual(genres("animated"), ["Animation"]);
  assert.deepEqual(genres("a cartoon"), ["Animation"]);
  assert.deepEqual(genres("for the kids"), ["Family"]);
  assert.deepEqual(genres("a heist film"), ["Crime"]);
  assert.deepEqual(genres("film noir"), ["Film-Noir"]);
  assert.deepEqual(genres("a thriller about a heist"), ["Thriller", "Crime"]);
});

test("negations reach their targets, lists included, but not unrelated words", () => {
  const negated = (query: string) => {
    const text = queryText(query);
    const genres = findGenreMentions(text);
    const cues = negatedTargets(text, findNegationCues(text), genres);
    return genres.map((genre, index) => `${cues[index] ? (cues[index]!.soft ? "~" : "-") : "+"}${genre.genres.join("+")}`);
  };
  assert.deepEqual(negated("no romance"), ["-Romance"]);
  assert.deepEqual(negated("not horror"), ["-Horror"]);
  assert.deepEqual(negated("nothing scary"), ["-Horror"]);
  assert.deepEqual(negated("anything but drama"), ["-Drama"]);
  assert.deepEqual(negated("comedy without any romance"), ["+Comedy", "-Romance"]);
  assert.deepEqual(negated("no romance or horror"), ["-Romance", "-Horror"]);
  assert.deepEqual(negated("no romance, lots of action"), ["-Romance", "+Action"]);
  assert.deepEqual(negated("not too scary"), ["~Horror"]);
  assert.deepEqual(negated("a thriller, not horror"), ["+Thriller", "-Horror"]);
});

test("languages: adjectives, 'in X', foreign and negated English", () => {
  const languages = (query: string) => findLanguageMentions(queryText(query)).map((mention) => ({ include: mention.include, exclude: mention.exclude }));
  assert.deepEqual(languages("French films"), [{ include: ["fr"], exclude: [] }]);
  assert.deepEqual(languages("in Korean"), [{ include: ["ko"], exclude: [] }]);
  assert.deepEqual(languages("a Japanese thriller"), [{ include: ["ja"], exclude: [] }]);
  assert.deepEqual(languages("foreign films"), [{ include: [], exclude: ["en"] }]);
  assert.deepEqual(languages("non-English sci-fi"), [{ include: [], exclude: ["en"] }]);
  assert.deepEqual(languages("not in English"), [{ include: [], exclude: ["en"] }]);
});

test("sort words, counts and the discovery knob", () => {
  const sort = (query: string) => findSortMentions(queryText(query)).map((mention) => mention.sort);
  assert.deepEqual(sort("best rated comedies"), ["best-rated"]);
  assert.deepEqual(sort("newest animated movies"), ["newest"]);
  assert.deepEqual(sort("a classic"), ["best-rated"]);
  assert.deepEqual(sort("most popular horror"), ["popular"]);
  assert.deepEqual(sort("my best friends wedding"), []);
  assert.deepEqual(
    findCountMentions(queryText("give me 5 movies")).map((mention) => mention.count),
    [5],
  );
  assert.deepEqual(
    findCountMentions(queryText("three french comedies")).map((mention) => mention.count),
    [3],
  );
  assert.deepEqual(
    findCountMentions(queryText("top 10")).map((mention) => mention.count),
    [10],
  );
  assert.deepEqual(findCountMentions(queryText("10 things i hate about you")), []);
  assert.equal(findDiscoveryMentions(queryText("hidden gems"))[0].discovery, 0.85);
});

test("vibe words carry catalog keywords for soft scoring", () => {
  const vibes = findVibeMentions(queryText("a rainy, melancholic, cozy and mind-bending feel-good gritty film")).map((mention) => mention.vibe);
  assert.deepEqual(vibes, ["rainy", "melancholic", "cozy", "mind-bending", "feel-good", "gritty"]);
  assert.ok(findVibeMentions(queryText("mind-bending"))[0].keywords.includes("twist ending"));
});

test("follow-up phrases", () => {
  const signals = (query: string) => findFollowUpSignals(queryText(query)).map((signal) => (signal.kind === "change" ? signal.change : signal.kind === "item" ? `item ${signal.index}` : signal.kind));
  assert.deepEqual(signals("more like the second one"), ["more-like", "item 1"]);
  assert.deepEqual(signals("not that one"), ["reject", "item 0"]);
  assert.deepEqual(signals("something shorter"), ["shorter"]);
  assert.deepEqual(signals("older"), ["older"]);
  assert.deepEqual(signals("more recent please"), ["newer"]);
  assert.deepEqual(signals("the last one but darker"), ["item -1", "darker"]);
  assert.deepEqual(signals("none of these"), ["reject", "item 0"], '"these" points at the whole answer; the instructions read it as all');
  assert.deepEqual(signals("the first avenger"), [], "a title word is not an ordinal");
});
