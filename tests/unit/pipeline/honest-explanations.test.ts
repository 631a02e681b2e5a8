import assert from "node:assert/strict";
import { test } from "node:test";
import type { Item } from "../../../lib/catalog/item";
import { recommend } from "../../../lib/pipeline";
import { recordFeedbackEvent } from "../../../lib/pipeline/feedback";
import type { RecommendResponse } from "../../../lib/pipeline/contract";
import { createSeededRandom } from "../../../lib/retrieval/seeded-random";
import { isolatedEngine, request } from "./engine-fixture";

/**
 * Every explanation shown in 1,000 served answers is checked against the data: each film it
 * names must be the film asked for, a film the request referenced or a film the person liked
 * (never one only clicked "more like this" on); each shared director, actor, keyword, runtime,
 * year and rating count it states must be true of the items; "picked for you" needs a session
 * taste; rating facts never stand alone.
 */

const ANSWERS = 1000;
const spoken = (title: string) => title.replace(/^(.*), (The|A|An)$/, "$2 $1");
const titleWithYear = (item: Item) => (item.year === null ? item.title : `${item.title} (${item.year})`);
const lower = (values: readonly string[]) => values.map((value) => value.toLowerCase());

interface Turn {
  query: string;
  /** Films the request names as references or looks up. */
  named: Item[];
}

test(`every explanation in ${ANSWERS} served answers is true of the data`, async () => {
  const engine = await isolatedEngine();
  const items = engine.catalog.items;
  const random = createSeededRandom(2016);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const films = items.filter((item) => item.ratingCount >= 25 && /^[A-Za-z]/.test(item.title));
  const people = [...new Set(films.flatMap((item) => [...item.directors.slice(0, 1), ...item.cast.slice(0, 1)]))];
  const makers: Array<() => Turn> = [
    () => {
      const film = pick(films);
      // A bare title may find a namesake first (the most rated of them): any of them is asked for.
      return { query: spoken(film.title), named: items.filter((other) => other.title === film.title) };
    },
    () => {
      const film = pick(films);
      return { query: `movies like ${spoken(film.title)}`, named: [film] };
    },
    () => {
      const film = pick(films);
      return { query: `I loved ${spoken(film.title)}, what should I watch next?`, named: [film] };
    },
    () => {
      const [first, second] = [pick(films), pick(films)];
      return { query: `a mix of ${spoken(first.title)} and ${spoken(second.title)}`, named: [first, second] };
    },
    () => ({ query: pick(people), named: [] }),
    () => ({ query: pick(["films with dogs", "heist movies", "space adventure", "courtroom drama", "pixar", "time travel"]), named: [] }),
    () => ({ query: pick(["funny but not stupid, under 90 minutes, no romance", "a 90s thriller under two hours", "french comedies from the 2000s", "dark sci-fi, nothing before 1990"]), named: [] }),
  ];

  const failures: string[] = [];
  let checked = 0;
  let answers = 0;
  let sessionId: string | undefined;
  let liked = new Set<string>();
  let tasted = false;
  let previous: RecommendResponse | null = null;

  while (answers < ANSWERS) {
    // Each session: a few turns, with a like or a "more like this" click between some of them.
    if (answers % 4 === 0) {
      sessionId = undefined;
      liked = new Set();
      tasted = false;
      previous = null;
    }
    if (previous?.impressionId && previous.items.length > 2 && random() < 0.6) {
      const target = previous.items[1 + Math.floor(random() * (previous.items.length - 1))];
      const event = random() < 0.5 ? "like" : "click";
      await recordFeedbackEvent(engine, { impressionId: previous.impressionId, itemId: target.id, event });
      if (event === "like") liked.add(target.id);
      tasted = true;
    }
    const turn = pick(makers)();
    const response = await recommend(request({ query: turn.query, limit: 8, sessionId }), engine);
    answers += 1;
    sessionId = response.sessionId ?? undefined;
    if (/^I loved /.test(turn.query)) {
      for (const film of turn.named) liked.add(film.id);
      tasted = true;
    }
    const allowed = new Map<string, Item>();
    for (const film of turn.named) allowed.set(titleWithYear(film), film);
    for (const id of liked) {
      const film = items[engine.catalog.indexOf.get(id)!];
      allowed.set(titleWithYear(film), film);
    }
    for (const shown of response.items) {
      const text = shown.explanation?.text ?? "";
      const kind = shown.explanation?.kind ?? "";
      const item = items[engine.catalog.indexOf.get(shown.id)!];
      const fail = (why: string) => failures.push(`${turn.query} → ${titleWithYear(item)} [${kind}] ${text}: ${why}`);
      checked += 1;
      if (!text) fail("no explanation");
      // Every "Title (Year)" named is the item, a film of the request, a liked film, or (for a
      // widened search) a film whose own data matches the search words.
      let rest = text.split(titleWithYear(item)).join("«»");
      for (const title of allowed.keys()) rest = rest.split(title).join("«»");
      const widened = text.match(/people who loved (.+ \(\d{4}\)), a match for your search/);
      if (widened) {
        const seed = items.find((film) => titleWithYear(film) === widened[1]);
        const words = turn.query
          .toLowerCase()
          .split(/\W+/)
          .filter((word) => word.length >= 3);
        const seedText = seed ? [seed.title, ...seed.cast, ...seed.directors, ...seed.keywords, ...seed.tags, seed.overview ?? ""].join(" ").toLowerCase() : "";
        if (!seed || !words.some((word) => seedText.includes(word.replace(/s$/, "")))) fail(`${widened[1]} does not match the search`);
        rest = rest.split(widened[1]).join("«»");
      }
      const stray = rest.match(/[^.;:]*\(\d{4}\)/);
      if (stray) fail(`names${stray[0]}, which the request did not reference and the person did not like`);
      if (kind === "because-you-liked" || kind === "same-director-as") {
        const named = [...allowed.values()].filter((film) => text.includes(titleWithYear(film)));
        if (!named.some((film) => liked.has(film.id))) fail("claims a like the person never gave");
      }
      if (kind === "you-asked-for" && !turn.named.some((film) => film.id === item.id)) fail("not the film asked for");
      if (kind === "picked-for-you" && !tasted) fail("picked for you without a session taste");
      // A name after "directed by" / "starring" / "also stars" / "with" must be the item's own.
      for (const match of rest.matchAll(/(directed by|starring|also stars|with) (?=[A-Z])/g)) {
        const after = rest.slice(match.index + match[0].length);
        const people = match[1] === "directed by" ? item.directors : [...item.cast, ...item.directors];
        if (!people.some((person) => after.startsWith(person))) fail(`${match[1]} ${after.slice(0, 30)}… is not in its credits`);
      }
      for (const match of text.matchAll(/(?:about|tagged) ((?:“[^”]+”(?:,? (?:and )?)?)+)/g)) {
        for (const term of [...match[1].matchAll(/“([^”]+)”/g)].map((entry) => entry[1])) {
          if (!lower([...item.keywords, ...item.tags, ...item.genres]).includes(term.toLowerCase())) fail(`“${term}” is not among its keywords, tags or genres`);
        }
      }
      const ratings = text.match(/([\d,]+) MovieLens ratings/);
      if (ratings && Number(ratings[1].replace(/,/g, "")) !== item.ratingCount) fail(`it has ${item.ratingCount} ratings`);
      const mean = text.match(/averag(?:e|ing) (\d\.\d)\/5/);
      if (mean && item.ratingMean !== null && Math.abs(Number(mean[1]) - item.ratingMean) > 0.051) fail(`its mean is ${item.ratingMean}`);
      const minutes = text.match(/(\d+) minutes/);
      if (minutes && Number(minutes[1]) !== item.runtimeMinutes) fail(`it runs ${item.runtimeMinutes} minutes`);
      const from = text.match(/\b(?:from|released in) (\d{4})\b/);
      if (from && Number(from[1]) !== item.year) fail(`it is from ${item.year}`);
      if (/^(A crowd favourite|A hidden gem|Among the best-rated)/.test(text)) fail("a rating fact with no relation to the request");
    }
    previous = response;
  }
  assert.ok(checked >= ANSWERS * 5, `only ${checked} cards checked`);
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${checked} explanations are not true of the data`);
});
